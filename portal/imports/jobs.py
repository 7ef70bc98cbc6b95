"""Import jobs, through the same pipeline as ``import_resources``.

``start`` only stores the upload in the media storage and queues ``check_import``, so the
request answers at once whatever the sheet holds. The worker reads the sheet (stopping past
``IMPORT_MAX_ROWS``), unpacks the ZIP into the job's storage folder and checks every row (a dry
run: nothing is written to the library), moving the job page's progress bar. ``run_import``
imports the confirmed rows the same way, then submits a contributor's new drafts for moderation.
``remove_abandoned_imports`` (scheduled) removes what nobody confirmed and what failed.
"""

import logging
from datetime import timedelta
from pathlib import Path

from django.conf import settings
from django.core.files.storage import default_storage
from django.db import transaction
from django.db.models.functions import Coalesce
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django_tasks import task
from wagtail.users.models import UserProfile

from portal.imports.models import STORAGE_PREFIX, ImportJob
from portal.resources.importing import import_rows
from portal.resources.importing_files import ArchiveRejected, remove_folder, unpack_archive
from portal.resources.importing_readers import ImportFileError, read_sheet
from portal.resources.importing_rows import ADMIN_HINTS, RowChecker
from portal.resources.models import LearningResourcePage

logger = logging.getLogger(__name__)
PROGRESS_STEPS = 50  # how often, at most, the progress bar moves during a job
Status = ImportJob.Status


def start(*, user, organisation, sheet, archive, publish: bool) -> ImportJob:
    """Store the sheet and the ZIP as uploaded and queue their check; returns the new job."""
    job = ImportJob.objects.create(
        user=user, organisation=organisation, sheet_name=Path(sheet.name).name[:255], publish=publish
    )
    try:
        default_storage.save(job.sheet_key, sheet)
        if archive is not None:
            default_storage.save(job.archive_key, archive)
    except BaseException:
        job.remove_files()
        job.delete()
        raise
    transaction.on_commit(lambda: check_import.enqueue(job.pk))
    return job


@task()
def check_import(job_id: int) -> str:
    """Read the sheet, unpack the ZIP and check every row, writing nothing to the library.

    A check that fails keeps only the job, saying why; its files are removed at once.
    """
    job = ImportJob.objects.select_related("user", "organisation").filter(pk=job_id).first()
    if job is None or job.status != Status.CHECKING:
        return job.status if job else ""
    with translation.override(_language_of(job)):
        try:
            rows = _read_sheet(job)
            job.total = len(rows)
            job.save(update_fields=["total"])
            if default_storage.exists(job.archive_key):
                _unpack(job)
            report = import_rows(
                rows, _checker(job), publish=job.publish, dry_run=True, progress=_row_progress(job)
            )
        except (ImportFileError, ArchiveRejected) as error:
            return _check_failed(job, str(error))
        except Exception:
            logger.exception("import job %s: the check stopped", job.pk)
            return _check_failed(job, _("The check stopped because of an error on the server."))
    job.status, job.done, job.report = Status.CHECKED, job.total, {}
    job.preview = [
        {
            "line": outcome.row.line,
            "identifier": outcome.row.get("identifier"),
            "title": outcome.row.get("title"),
            "action": outcome.outcome,
            "errors": outcome.error.reasons if outcome.error else [],
        }
        for outcome in report.rows
    ]
    job.save(update_fields=["status", "done", "report", "preview"])
    return job.status


def _unpack(job: ImportJob) -> None:
    """The job's ZIP into its files folder, the count of files unpacked shown as it goes."""

    def progress(done: int, total: int) -> None:
        if done % max(1, total // PROGRESS_STEPS) == 0 or done == total:
            ImportJob.objects.filter(pk=job.pk).update(report={"files": total, "unpacked": done})

    with default_storage.open(job.archive_key, "rb") as archive:
        unpack_archive(archive, job.files, progress)
    default_storage.delete(job.archive_key)


def _check_failed(job: ImportJob, reason: str) -> str:
    job.remove_files()
    job.status, job.finished_at = Status.FAILED, timezone.now()
    job.report = {"error": reason, "stage": "check"}
    job.save(update_fields=["status", "finished_at", "report"])
    return job.status


def _read_sheet(job: ImportJob):
    with default_storage.open(job.sheet_key, "rb") as handle:
        return read_sheet(handle, job.sheet_name, settings.IMPORT_MAX_ROWS)


def _checker(job: ImportJob) -> RowChecker:
    # A licence is asked for either way: a contribution is published when an editor approves it.
    return RowChecker(organisation=job.organisation, files_dir=job.files, publish=True, hints=ADMIN_HINTS)


def _row_progress(job: ImportJob):
    step = max(1, job.total // PROGRESS_STEPS)

    def progress(done: int) -> None:
        if done % step == 0 or done == job.total:
            ImportJob.objects.filter(pk=job.pk).update(done=done)

    return progress


def _language_of(job: ImportJob) -> str:
    return UserProfile.get_for_user(job.user).get_preferred_language()


def confirm(job: ImportJob) -> None:
    """Queue the import of a checked job, once however often the button is pressed."""
    if ImportJob.objects.filter(pk=job.pk, status=Status.CHECKED).update(status=Status.QUEUED):
        transaction.on_commit(lambda: run_import.enqueue(job.pk))


@task()
def run_import(job_id: int) -> str:
    job = ImportJob.objects.select_related("user", "organisation").get(pk=job_id)
    if job.status not in {Status.QUEUED, Status.RUNNING}:
        return job.status
    job.status, job.done = Status.RUNNING, 0
    job.save(update_fields=["status", "done"])
    with translation.override(_language_of(job)):
        try:
            rows = _read_sheet(job)
            report = import_rows(rows, _checker(job), publish=job.publish, progress=_row_progress(job))
            submitted = 0 if job.publish else _submit_for_moderation(job, report)
        except Exception as error:  # the job page says it stopped; the log has the details
            logger.exception("import job %s stopped", job.pk)
            job.status, job.report = Status.FAILED, {"error": str(error)}
        else:
            job.status = Status.DONE
            job.report = {
                "created": report.created,
                "updated": report.updated,
                "unchanged": report.unchanged,
                "submitted": submitted,
                "rejected": [{"line": error.line, "reasons": error.reasons} for error in report.rejected],
                "new_terms": report.new_terms,
            }
    job.finished_at = timezone.now()
    job.save(update_fields=["status", "report", "finished_at"])
    job.remove_files()
    return job.status


def _submit_for_moderation(job: ImportJob, report) -> int:
    """A contributor's new and changed drafts go to the provincial editors, as if submitted by hand."""
    identifiers = [row.data.identifier for row in report.rows if row.outcome in {"created", "updated"}]
    submitted = 0
    for page in LearningResourcePage.objects.filter(identifier__in=identifiers):
        workflow = page.get_workflow()
        if workflow is not None and not page.workflow_in_progress:
            workflow.start(page, job.user)
            submitted += 1
    return submitted


@task()
def remove_abandoned_imports() -> int:
    """Remove jobs left unconfirmed, failed or stuck in a check the worker never finished, once
    ``IMPORT_ABANDONED_AFTER_HOURS`` have passed, with their files; and files under ``imports/``
    no job owns (a request or worker stopped between writes). Returns the number of jobs removed."""
    cutoff = timezone.now() - timedelta(hours=settings.IMPORT_ABANDONED_AFTER_HOURS)
    abandoned = ImportJob.objects.annotate(last_change=Coalesce("finished_at", "created_at")).filter(
        status__in=[Status.CHECKING, Status.CHECKED, Status.FAILED], last_change__lt=cutoff
    )
    removed = 0
    for job in abandoned:
        # Only if still abandoned: it may have been confirmed since the query above.
        if ImportJob.objects.filter(pk=job.pk, status=job.status).delete()[0]:
            job.remove_files()
            removed += 1
    owned = {str(pk) for pk in ImportJob.objects.values_list("pk", flat=True)}
    try:
        folders, _files = default_storage.listdir(STORAGE_PREFIX)
    except FileNotFoundError:
        folders = []
    for name in set(folders) - owned:
        remove_folder(default_storage, f"{STORAGE_PREFIX}/{name}", modified_before=cutoff)
    logger.info("%d abandoned import job(s) removed", removed)
    return removed
