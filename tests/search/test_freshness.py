"""The index follows what changes what search shows: renamed terms and organisations, download
counts; ``search_index --check`` sees drift and ``--fix`` repairs it."""

from datetime import timedelta

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from media.models import DownloadCounter
from portal.core.models import Subject
from search.models import IndexEntry
from search.query import SearchQuery, search
from search.tasks import index_recent_downloads

pytestmark = pytest.mark.django_db


def titles(text: str, **options) -> list[str]:
    return [hit.title for hit in search(SearchQuery(text=text, locale="vi", **options)).hits]


def test_a_renamed_subject_is_searchable_and_shown_under_its_new_name(
    resource, django_capture_on_commit_callbacks
):
    subject = Subject.objects.get(slug="ky-nang-so")
    assert titles("chuyen doi") == []

    subject.name = "Chuyển đổi số"
    with django_capture_on_commit_callbacks(execute=True):
        subject.save()

    assert titles("chuyen doi") == ["Dùng điện thoại an toàn"]
    labels = IndexEntry.objects.get(doc_id=str(resource.pk)).document["labels"]["subject"]
    assert list(labels.values()) == ["Chuyển đổi số"]


def test_a_renamed_organisation_is_shown_under_its_new_name(resource, django_capture_on_commit_callbacks):
    organisation = resource.organisation
    organisation.name = "Trường Đại học Sư phạm Thái Nguyên"
    with django_capture_on_commit_callbacks(execute=True):
        organisation.save()

    labels = IndexEntry.objects.get(doc_id=str(resource.pk)).document["labels"]["organisation"]
    assert list(labels.values()) == ["Trường Đại học Sư phạm Thái Nguyên"]


def test_downloads_reach_search_at_the_next_minute_and_old_ones_are_not_redone(client, resource):
    document = resource.files.get().document
    for _download in range(3):
        assert client.get(document.url).status_code in (200, 302)
    assert IndexEntry.objects.get(doc_id=str(resource.pk)).document["downloads"] == 0

    assert index_recent_downloads.call() == 1

    assert IndexEntry.objects.get(doc_id=str(resource.pk)).document["downloads"] == 3
    DownloadCounter.objects.update(last_download_at=timezone.now() - timedelta(minutes=5))
    assert index_recent_downloads.call() == 0  # nothing downloaded since: nothing indexed again


def test_check_finds_a_rename_that_bypassed_the_signals_and_fix_repairs_it(resource, capsys):
    Subject.objects.filter(slug="ky-nang-so").update(name="Chuyển đổi số")  # no save(), no signal

    with pytest.raises(CommandError):
        call_command("search_index", "--check", "--family", "resources")
    assert (
        f"database/resources: 0 missing, 1 stale, 0 orphaned\n  stale: {resource.pk}"
        in capsys.readouterr().out
    )

    call_command("search_index", "--fix", "--family", "resources")
    call_command("search_index", "--check", "--family", "resources")
    assert "database/resources: 0 missing, 0 stale, 0 orphaned" in capsys.readouterr().out
    assert titles("chuyen doi") == ["Dùng điện thoại an toàn"]
