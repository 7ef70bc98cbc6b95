"""Import jobs, through the same pipeline as ``import_resources``.

``prepare`` stores the upload, unpacks the ZIP of files safely and checks every row (a dry run:
nothing is written to the library); ``run_import`` (a task, run by the worker) imports the rows,
reporting progress, then submits a contributor's new drafts for moderation.
"""

import logging
import zipfile
from pathlib import Path

from django.conf import settings
from django.db import transaction
from django.template.defaultfilters import filesizeformat
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django_tasks import task
from wagtail.users.models import UserProfile

from portal.imports.models import ImportJob
from portal.resources.importing import import_rows
from portal.resources.importing_readers import ImportFileError, read_rows
from portal.resources.importing_rows import ADMIN_HINTS, RowChecker
from portal.resources.models import LearningResourcePage

logger = logging.getLogger(__name__)
PROGRESS_STEPS = 50  # how often, at most, the progress bar moves during a job


class ArchiveRejected(Exception):
    """The ZIP of files cannot be used; ``str()`` says why, for the uploader."""


def unpack(archive, folder: Path) -> int:
    """Unpack ``archive`` into ``folder``: no paths outside it, no more than the size limit."""
    limit = settings.MEDIA_MAX_UNZIPPED_SIZE
    try:
        with zipfile.ZipFile(archive) as zipped:
            members = [member for member in zipped.infolist() if not member.is_dir()]
            if sum(member.file_size for member in members) > limit:
                raise ArchiveRejected(
                    _("The ZIP unpacks to more than %(limit)s.") % {"limit": filesizeformat(limit)}
                )
            root = folder.resolve()
            for member in members:
                target = (root / member.filename.replace("\\", "/")).resolve()
                if not target.is_relative_to(root) or member.filename.startswith(("/", "\\")):
                    raise ArchiveRejected(
                        _("The ZIP contains an unsafe path (%(name)s).") % {"name": member.filename}
                    )
                target.parent.mkdir(parents=True, exist_ok=True)
                with zipped.open(member) as source, target.open("wb") as copy:
                    while chunk := source.read(1024 * 1024):
                        copy.write(chunk)
            return len(members)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, NotImplementedError):
        raise ArchiveRejected(_("The ZIP file is damaged or incomplete.")) from None


def _checker(job: ImportJob) -> RowChecker:
    # A licence is asked for either way: a contribution is published when an editor approves it.
    return RowChecker(
        organisation=job.organisation, files_dir=job.files_folder, publish=True, hints=ADMIN_HINTS
    )


def prepare(*, user, organisation, sheet, archive, publish: bool) -> ImportJob:
    """Store the upload and check every row; raises ``ImportFileError`` or ``ArchiveRejected``."""
    job = ImportJob.objects.create(
        user=user, organisation=organisation, sheet_name=Path(sheet.name).name[:255], publish=publish
    )
    try:
        job.files_folder.mkdir(parents=True, exist_ok=True)
        with job.sheet_path.open("wb") as copy:
            for chunk in sheet.chunks():
                copy.write(chunk)
        if archive is not None:
            unpack(archive, job.files_folder)
        rows = read_rows(job.sheet_path)
        report = import_rows(rows, _checker(job), publish=publish, dry_run=True)
    except (ImportFileError, ArchiveRejected):
        job.remove_files()
        job.delete()
        raise
    job.total = len(rows)
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
    job.save(update_fields=["total", "preview"])
    return job


def confirm(job: ImportJob) -> None:
    job.status = ImportJob.Status.QUEUED
    job.save(update_fields=["status"])
    transaction.on_commit(lambda: run_import.enqueue(job.pk))


@task()
def run_import(job_id: int) -> str:
    job = ImportJob.objects.select_related("user", "organisation").get(pk=job_id)
    if job.status not in {ImportJob.Status.QUEUED, ImportJob.Status.RUNNING}:
        return job.status
    job.status, job.done = ImportJob.Status.RUNNING, 0
    job.save(update_fields=["status", "done"])
    step = max(1, job.total // PROGRESS_STEPS)

    def progress(done: int) -> None:
        if done % step == 0 or done == job.total:
            ImportJob.objects.filter(pk=job.pk).update(done=done)

    with translation.override(UserProfile.get_for_user(job.user).get_preferred_language()):
        try:
            rows = read_rows(job.sheet_path)
            report = import_rows(rows, _checker(job), publish=job.publish, progress=progress)
            submitted = 0 if job.publish else _submit_for_moderation(job, report)
        except Exception as error:  # the job page says it stopped; the log has the details
            logger.exception("import job %s stopped", job.pk)
            job.status, job.report = ImportJob.Status.FAILED, {"error": str(error)}
        else:
            job.status = ImportJob.Status.DONE
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
