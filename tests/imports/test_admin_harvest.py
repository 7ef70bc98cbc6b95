"""OAI-PMH harvest sources kept by editors in the admin, run now or on schedule, each run logged."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from portal.imports.harvests import harvest_due_sources
from portal.imports.models import HarvestRun
from portal.resources.models import HarvestSource, LearningResourcePage
from tests.resources.oai_server import oai_server

pytestmark = pytest.mark.django_db


@pytest.fixture
def vocabularies(db):
    from portal.core.reference_data import load_vocabularies

    load_vocabularies()


@pytest.fixture
def repository(settings):
    settings.OUTGOING_ALLOWED_HOSTS = ["127.0.0.1"]  # the test repository runs on this machine
    with oai_server("records-march.xml", page_size=2) as server:
        yield server


def test_editor_adds_a_source_runs_it_now_and_reads_the_run(
    client, editor, university, vocabularies, repository, django_capture_on_commit_callbacks
):
    client.force_login(editor)
    assert client.get(reverse("imports:harvests")).status_code == 200
    response = client.post(
        reverse("harvest_sources:add"),
        {
            "organisation": university.organisation.pk,
            "endpoint": repository.url,
            "set_spec": "",
            "schedule": "daily",
        },
    )
    assert response.status_code == 302
    source = HarvestSource.objects.get()

    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("imports:harvest_now", args=[source.pk]))

    run = HarvestRun.objects.get()
    assert (run.status, run.added, run.updated, run.failed) == ("done", 5, 0, 0)
    assert run.started_by == editor
    assert LearningResourcePage.objects.filter(identifier__startswith="oai:").count() == 5
    page = client.get(reverse("imports:harvest_run", args=[run.pk])).content.decode()
    assert "5 thêm mới" in page and "2026-03-05T07:20:00Z" in page
    listing = client.get(reverse("imports:harvests")).content.decode()
    assert "hằng đêm" in listing


def test_an_unreachable_repository_is_a_failed_run_with_a_reason(
    client, editor, university, vocabularies, django_capture_on_commit_callbacks
):
    source = HarvestSource.objects.create(
        organisation=university.organisation, endpoint="http://127.0.0.1:9/oai"
    )
    client.force_login(editor)

    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("imports:harvest_now", args=[source.pk]))

    run = HarvestRun.objects.get()
    assert run.status == "failed" and run.log


def test_the_nightly_run_starts_daily_sources_and_weekly_ones_on_sundays(
    university, django_capture_on_commit_callbacks
):
    daily = HarvestSource.objects.create(
        organisation=university.organisation, endpoint="http://127.0.0.1:9/a", schedule="daily"
    )
    HarvestSource.objects.create(
        organisation=university.organisation, endpoint="http://127.0.0.1:9/b", schedule="weekly"
    )
    HarvestSource.objects.create(organisation=university.organisation, endpoint="http://127.0.0.1:9/c")
    sunday = timezone.make_aware(datetime.datetime(2026, 11, 29, 1, 0))

    assert [source.is_due(sunday) for source in HarvestSource.objects.order_by("endpoint")] == [
        True,
        True,
        False,
    ]
    assert daily.is_due(sunday - datetime.timedelta(days=1))

    due_now = [source.pk for source in HarvestSource.objects.all() if source.is_due()]
    with django_capture_on_commit_callbacks(execute=False):
        started = harvest_due_sources.call()
    assert started == len(due_now) >= 1
    assert sorted(HarvestRun.objects.values_list("source_id", flat=True)) == sorted(due_now)


def test_contributors_cannot_see_or_run_harvests(client, university):
    source = HarvestSource.objects.create(
        organisation=university.organisation, endpoint="http://127.0.0.1:9/oai"
    )
    client.force_login(university.user)

    assert client.get(reverse("imports:harvests")).status_code in {302, 403}
    client.post(reverse("imports:harvest_now", args=[source.pk]))
    assert not HarvestRun.objects.exists()
