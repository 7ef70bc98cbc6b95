"""The public registration pages: the form, the confirmation to keep, and cancelling.

Every response here carries personal data or leads to it: it is never cached, never indexed, and
the secret address of a confirmation never leaves the site in a Referer header
(``same-origin``: ``no-referrer`` would make browsers send ``Origin: null`` and fail the CSRF check).
"""

from django.conf import settings
from django.http import Http404, HttpResponseNotAllowed
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import get_language

from portal.core.models.pages import source_page
from portal.core.ratelimit import rate_limited
from portal.registrations import notifications, seats
from portal.registrations.forms import RegistrationForm
from portal.registrations.models import Registration

PRIVATE_HEADERS = {
    "Cache-Control": "private, no-store",
    "X-Robots-Tag": "noindex, nofollow",
    "Referrer-Policy": "same-origin",
}


def private(response):
    for header, value in PRIVATE_HEADERS.items():
        response[header] = value
    return response


def subpage_url(page, route: str, *args, request=None) -> str:
    return page.get_url(request).rstrip("/") + "/" + page.reverse_subpage(route, args=list(args)).lstrip("/")


def _context(request, page, target, **extra) -> dict:
    return {
        "page": page,
        "self": page,
        "event": target,
        "seats": seats.seats(target),
        "details": target.registration_details(),
        "organisation": target.registration_organisation(),
        "retention_days": settings.REGISTRATION_RETENTION_DAYS,
        "privacy_url": reverse("registrations_privacy"),
        "form_url": subpage_url(page, "registration_form", request=request),
        **extra,
    }


@rate_limited("registration", methods=("POST",))
def register(request, page):
    """GET: the form (or why there is none). POST: a seat, a place on the waiting list, or the
    form again with what to correct; nothing is saved until everything is right."""
    if request.method not in ("GET", "HEAD", "POST"):
        return private(HttpResponseNotAllowed(["GET", "POST"]))
    target = source_page(page)
    if target.registration_capacity() is None:
        raise Http404
    is_open = target.registration_is_open()
    form = None
    if is_open:
        form = RegistrationForm(request.POST if request.method == "POST" else None)
        if request.method == "POST" and form.is_valid():
            data = form.cleaned_data
            try:
                registration = seats.register(
                    target,
                    name=data["name"],
                    phone=data["phone"],
                    email=data["email"],
                    commune=data["commune"],
                    language=(get_language() or "vi")[:10],
                )
            except seats.RegistrationRefused as refusal:
                form.add_error(None, refusal.message)
            else:
                notifications.send_confirmation(target, registration, request)
                return private(
                    redirect(subpage_url(page, "registration_detail", registration.token, request=request))
                )
    context = _context(request, page, target, form=form, is_open=is_open)
    return private(TemplateResponse(request, "registrations/form.html", context))


def _registration(page, token: str) -> Registration:
    registration = (
        Registration.objects.filter(page_id=page.pk, token=token).select_related("commune").first()
        if len(token) <= 64
        else None
    )
    if registration is None:
        raise Http404
    return registration


def detail(request, page, token: str):
    """The confirmation to print or screenshot: who, what, when, where, seat or place in line."""
    target = source_page(page)
    registration = _registration(target, token)
    context = _context(
        request,
        page,
        target,
        registration=registration,
        position=registration.waiting_position(),
        cancel_url=subpage_url(page, "registration_cancel", token, request=request),
    )
    return private(TemplateResponse(request, "registrations/detail.html", context))


def cancel(request, page, token: str):
    """GET asks to confirm (a link preview or a crawler must never cancel); POST cancels."""
    if request.method not in ("GET", "HEAD", "POST"):
        return private(HttpResponseNotAllowed(["GET", "POST"]))
    target = source_page(page)
    registration = _registration(target, token)
    detail_url = subpage_url(page, "registration_detail", token, request=request)
    if not registration.is_active:
        return private(redirect(detail_url))
    if request.method == "POST":
        for promoted in seats.cancel(target, registration):
            notifications.send_promotion(target, promoted, request)
        return private(redirect(detail_url))
    context = _context(request, page, target, registration=registration, detail_url=detail_url)
    return private(TemplateResponse(request, "registrations/cancel.html", context))


def privacy(request):
    """How the portal handles personal data, and the rights Decree 13/2023/NĐ-CP gives."""
    context = {"retention_days": settings.REGISTRATION_RETENTION_DAYS}
    return TemplateResponse(request, "registrations/privacy.html", context)
