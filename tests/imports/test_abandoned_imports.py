"""Imports nobody confirmed, and those that failed, are removed with their files a day later."""

import datetime

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.utils import timezone
from freezegun import freeze_time

from portal.core.scheduling import schedule
from portal.imports.jobs import remove_abandoned_imports
from portal.imports.models import ImportJob
from tests.imports.support import sheet, stored_under_imports, upload, zip_upload
from tests.media import corpus
from tests.resources.import_support import GOOD_ROWS

pytestmark = pytest.mark.django_db


def checked_job(client, organisation, capture) -> ImportJob:
    row = {**GOOD_ROWS[0], "organisation": "", "file": "ky-nang-so.pdf"}
    with capture(execute=True):
        upload(client, organisation, sheet([row]), zip_upload({"ky-nang-so.pdf": corpus.pdf()}))
    return ImportJob.objects.latest("pk")


def test_a_day_after_an_unconfirmed_or_failed_check_the_jobs_and_every_stray_file_are_gone(
    client, contributor_in_english, django_capture_on_commit_callbacks
):
    organisation = contributor_in_english.organisation
    unconfirmed = checked_job(client, organisation, django_capture_on_commit_callbacks)
    with django_capture_on_commit_callbacks(execute=True):
        upload(client, organisation, sheet([GOOD_ROWS[0]], name="hong.xlsx"))
    failed = ImportJob.objects.latest("pk")
    waiting = checked_job(client, organisation, django_capture_on_commit_callbacks)
    ImportJob.objects.filter(pk=waiting.pk).update(status=ImportJob.Status.QUEUED)  # confirmed
    default_storage.save("imports/987654/files/bai.pdf", ContentFile(b"%PDF-1.4"))  # a job lost midway
    assert (unconfirmed.status, failed.status) == ("checked", "failed")
    kept_files = [name for name in stored_under_imports() if name.startswith(f"imports/{waiting.pk}/")]
    assert kept_files

    with freeze_time(timezone.now() + datetime.timedelta(hours=23)):
        assert remove_abandoned_imports.call() == 0
    assert ImportJob.objects.count() == 3 and "imports/987654/files/bai.pdf" in stored_under_imports()

    with freeze_time(timezone.now() + datetime.timedelta(hours=25)):
        assert remove_abandoned_imports.call() == 2

    assert list(ImportJob.objects.values_list("pk", flat=True)) == [waiting.pk]
    assert sorted(stored_under_imports()) == sorted(kept_files)  # the confirmed import still has its files


def test_the_scheduler_runs_the_clean_up_every_hour():
    (entry,) = [entry for entry in schedule() if entry.task == remove_abandoned_imports]
    now = timezone.make_aware(datetime.datetime(2026, 11, 26, 20, 50))

    assert entry.trigger().get_next_fire_time(None, now).hour == 21
