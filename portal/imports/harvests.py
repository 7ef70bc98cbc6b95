"""Harvest runs, through the same pipeline as ``harvest_oai``: ``run_harvest`` harvests one source;
``harvest_due_sources`` is what the scheduler starts every night."""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django_tasks import task

from portal.imports.models import HarvestRun
from portal.resources.harvest import HarvestError, harvest
from portal.resources.models import HarvestSource


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
    try:
        report = harvest(source.endpoint, source.organisation, set_spec=source.set_spec)
    except HarvestError as error:
        run.status, run.log = HarvestRun.Status.FAILED, str(error)
    else:
        run.status = HarvestRun.Status.DONE
        run.added, run.updated = report.created, report.updated
        run.deleted, run.failed = report.unpublished, len(report.rejected)
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
        run.log = "\n".join(lines)
    run.finished_at = timezone.now()
    run.save()
    return run.status


@task()
def harvest_due_sources() -> int:
    """Start a run for every source whose schedule says it is due now."""
    due = [
        source
        for source in HarvestSource.objects.exclude(schedule=HarvestSource.Schedule.MANUAL)
        if source.is_due()
    ]
    for source in due:
        start_harvest(source)
    return len(due)
