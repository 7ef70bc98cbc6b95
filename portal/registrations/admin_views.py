"""The organiser's screens in the Wagtail admin: events with registrants, one event's list, exports.

An organisation's members see the pages whose ``registration_organisation()`` is theirs; provincial
editors and superusers see every page; anyone else gets 403, for the list and for the files alike.
"""

from django.conf import settings
from django.db.models import Count, Q
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from wagtail.models import Page

from portal.registrations import exports, seats
from portal.registrations.access import may_see, may_use
from portal.registrations.models import Registration
from portal.registrations.pages import RegistrablePageMixin

Status = Registration.Status


class Forbidden(Exception):
    """Not this user's registrants: answered with a 403 page (Wagtail turns PermissionDenied into
    a redirect, which would hide from scripts and tests that the answer is no)."""


def forbidden(request):
    context = {
        "message": _("Only the organiser's group and the provincial editors may see these registrations.")
    }
    response = TemplateResponse(request, "registrations/admin/forbidden.html", context, status=403)
    response["Cache-Control"] = "private, no-store"
    return response


def answering_forbidden(view):
    def wrapped(request, *args, **kwargs):
        try:
            return view(request, *args, **kwargs)
        except Forbidden:
            return forbidden(request)

    wrapped.__name__ = view.__name__
    wrapped.__doc__ = view.__doc__
    return wrapped


def _counts(page_ids) -> dict[int, dict]:
    counts = (
        Registration.objects.filter(page_id__in=page_ids)
        .order_by()
        .values("page_id")
        .annotate(
            confirmed=Count("pk", filter=Q(status=Status.CONFIRMED)),
            waiting=Count("pk", filter=Q(status=Status.WAITING)),
            cancelled=Count("pk", filter=Q(status=Status.CANCELLED)),
        )
    )
    return {row["page_id"]: row for row in counts}


@answering_forbidden
def index(request):
    """Pages that have registrants and that this user may see, the latest first."""
    if not may_use(request.user):
        raise Forbidden
    page_ids = Registration.objects.order_by().values("page_id").distinct()
    pages = [
        page
        for page in Page.objects.filter(pk__in=page_ids).specific().order_by("-latest_revision_created_at")
        if may_see(request.user, page)
    ]
    counts = _counts([page.pk for page in pages])
    entries = [
        {"page": page, "capacity": page.registration_capacity(), **counts.get(page.pk, {})} for page in pages
    ]
    return TemplateResponse(request, "registrations/admin/index.html", {"entries": entries})


def _page(request, page_id: int):
    page = get_object_or_404(Page, pk=page_id).specific
    if not isinstance(page, RegistrablePageMixin):
        raise Http404
    if not may_see(request.user, page):
        raise Forbidden
    return page


@answering_forbidden
def registrants(request, page_id: int):
    page = _page(request, page_id)
    context = {
        "page": page,
        "registrations": exports.listing(page),
        "seats": seats.seats(page),
        "organisation": page.registration_organisation(),
        "ends_at": page.registration_ends_at(),
        "retention_days": settings.REGISTRATION_RETENTION_DAYS,
    }
    response = TemplateResponse(request, "registrations/admin/page.html", context)
    response["Cache-Control"] = "private, no-store"
    return response


@answering_forbidden
def export(request, page_id: int, file_format: str):
    page = _page(request, page_id)
    if file_format == "csv":
        return exports.csv_response(page)
    if file_format == "xlsx":
        return exports.xlsx_response(page)
    raise Http404
