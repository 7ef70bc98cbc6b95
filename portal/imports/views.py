"""Admin screens: import a sheet of resources (upload, follow the check, confirm, follow the import),
and run OAI-PMH harvests."""

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from portal.imports import jobs
from portal.imports.forms import ImportForm, importable_sections, may_publish_in
from portal.imports.harvests import start_harvest
from portal.imports.models import HarvestRun, ImportJob
from portal.resources.importing_readers import COLUMNS
from portal.resources.models import HarvestSource


def may_import(user) -> bool:
    return importable_sections(user).exists()


def may_harvest(user) -> bool:
    return user.has_perm("resources.change_harvestsource")


def new_import(request):
    if not may_import(request.user):
        raise PermissionDenied
    form = ImportForm(request.POST or None, request.FILES or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        organisation = form.cleaned_data["organisation"]
        job = jobs.start(
            user=request.user,
            organisation=organisation,
            sheet=form.cleaned_data["sheet"],
            archive=form.cleaned_data["archive"],
            publish=may_publish_in(request.user, organisation),
        )
        return redirect("imports:job", job.pk)
    recent = ImportJob.objects.filter(user=request.user).select_related("organisation")[:10]
    limits = {
        "rows": number_format(settings.IMPORT_MAX_ROWS, force_grouping=True),
        "sheet": settings.IMPORT_MAX_SHEET_SIZE,
        "unzipped": settings.IMPORT_ZIP_MAX_SIZE,
    }
    return TemplateResponse(
        request,
        "imports/new.html",
        {"form": form, "columns": COLUMNS, "recent": recent, "limits": limits},
    )


def _own_job(request, job_id: int) -> ImportJob:
    job = get_object_or_404(ImportJob.objects.select_related("organisation"), pk=job_id)
    if job.user_id != request.user.pk and not request.user.is_superuser:
        raise PermissionDenied
    return job


def job_detail(request, job_id: int):
    job = _own_job(request, job_id)
    working = job.status in {ImportJob.Status.CHECKING, ImportJob.Status.QUEUED, ImportJob.Status.RUNNING}
    return TemplateResponse(request, "imports/job.html", {"job": job, "working": working})


@require_POST
def confirm_job(request, job_id: int):
    job = _own_job(request, job_id)
    if job.status == ImportJob.Status.CHECKED and job.accepted:
        jobs.confirm(job)
    return redirect("imports:job", job.pk)


@require_POST
def cancel_job(request, job_id: int):
    job = _own_job(request, job_id)
    if job.status == ImportJob.Status.CHECKED:
        job.remove_files()
        job.delete()
        messages.success(request, _("The import was cancelled; nothing was written."))
    return redirect("imports:new")


def harvests(request):
    if not may_harvest(request.user):
        raise PermissionDenied
    sources = HarvestSource.objects.select_related("organisation").order_by("organisation__name", "endpoint")
    runs = HarvestRun.objects.select_related("source__organisation", "started_by")[:30]
    return TemplateResponse(request, "imports/harvests.html", {"sources": sources, "runs": runs})


@require_POST
def run_harvest_now(request, source_id: int):
    if not may_harvest(request.user):
        raise PermissionDenied
    source = get_object_or_404(HarvestSource, pk=source_id)
    start_harvest(source, request.user)
    messages.success(request, _("The harvest of %(source)s has started.") % {"source": source})
    return redirect("imports:harvests")


def harvest_run(request, run_id: int):
    if not may_harvest(request.user):
        raise PermissionDenied
    run = get_object_or_404(HarvestRun.objects.select_related("source__organisation"), pk=run_id)
    return TemplateResponse(
        request, "imports/harvest_run.html", {"run": run, "working": run.status in {"queued", "running"}}
    )
