"""Harvest runs, through the same pipeline as ``harvest_oai``: ``run_harvest`` harvests one source;
``harvest_due_sources`` is what the scheduler starts every night.

Whatever happens, a run ends as done or failed with its reason in the log: an editor never
watches a run that will not end. A run still "running" after longer than a harvest may last was
left by a worker that stopped, and the nightly check marks it failed.
"""

import datetime
import logging

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django_tasks import task

from portal.imports.models import HarvestRun
from portal.resources.harvest import HarvestError, HarvestReport, harvest
from portal.resources.importing_pages import WriteError
from portal.resources.models import HarvestSource

logger = logging.getLogger(__name__)


def start_harvest(source: HarvestSource, user=None) -> HarvestRun:
    run = HarvestRun.objects.create(source=source, started_by=user)
    transaction.on_commit(lambda: run_harvest.enqueue(run.pk))
    return run


@task()
def run_harvest(run_id: int) -> str:
    run = HarvestRun.objects.select_related("source__organisation").get(pk=run_id)
    run.status = HarvestRun.Status.RUNNING
    run.save(update_fields=["status"])
    source = run.source
    report = None
    try:
        report = harvest(source.endpoint, source.organisation, set_spec=source.set_spec)
    except (HarvestError, WriteError) as error:
        report = getattr(error, "report", None)
        run.status, lines = HarvestRun.Status.FAILED, [str(error)]
    except Exception as error:  # the run says it stopped; the server log has the traceback
        logger.exception("harvest run %s stopped", run.pk)
        run.status = HarvestRun.Status.FAILED
        lines = [
            _("The harvest stopped on an unexpected error (%(error)s); the server log has the details.")
            % {"error": str(error)[:300] or error.__class__.__name__}
        ]
    else:
        run.status, lines = HarvestRun.Status.DONE, []
    if report is not None:
        run.added, run.updated = report.created, report.updated
        run.deleted, run.failed = report.unpublished, len(report.rejected)
        lines += _report_lines(report)
    run.log = "\n".join(lines)
    run.finished_at = timezone.now()
    run.save()
    return run.status


def _report_lines(report: HarvestReport) -> list[str]:
    lines = [
        _("%(identifier)s: %(reason)s") % {"identifier": identifier, "reason": "; ".join(reasons)}
        for identifier, reasons in report.rejected
    ]
    if report.drafts:
        lines.append(
            _("%(count)d record(s) kept as drafts: no licence we recognise.") % {"count": report.drafts}
        )
    if report.last_datestamp:
        lines.append(_("Next harvest starts from %(datestamp)s.") % {"datestamp": report.last_datestamp})
    return lines


def fail_abandoned_runs() -> int:
    """Mark failed the runs "running" for longer than a harvest may last (their worker stopped)."""
    now = timezone.now()
    cutoff = now - datetime.timedelta(seconds=settings.HARVEST_TIME_BUDGET)
    return HarvestRun.objects.filter(status=HarvestRun.Status.RUNNING, created_at__lt=cutoff).update(
        status=HarvestRun.Status.FAILED,
        finished_at=now,
        log=_(
            "The harvest did not finish: its worker stopped. What was harvested is kept; the next "
            "harvest starts again from the last complete one."
        ),
    )


@task()
def harvest_due_sources() -> int:
    """Start a run for every source whose schedule says it is due now, after failing abandoned runs."""
    fail_abandoned_runs()
    due = [
        source
        for source in HarvestSource.objects.exclude(schedule=HarvestSource.Schedule.MANUAL)
        if source.is_due()
    ]
    for source in due:
        start_harvest(source)
    return len(due)
