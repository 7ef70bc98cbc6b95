"""``{% registration_seats page as reg %}`` for the seats panel, and how the registration pages
and e-mails write when something happens (a date for all-day events, else a local time)."""

import datetime

from django import template
from django.utils.formats import date_format
from django.utils.timezone import is_aware, localtime

from portal.core.models.pages import source_page
from portal.registrations import seats
from portal.registrations.pages import RegistrablePageMixin
from portal.registrations.views import subpage_url

register = template.Library()


@register.simple_tag(takes_context=True)
def registration_seats(context, page) -> dict | None:
    """Seats, waiting list and form address of ``page``; None when it takes no registrations."""
    if not isinstance(page, RegistrablePageMixin):
        return None
    target = source_page(page)
    if target.registration_capacity() is None:
        return None
    request = context.get("request")
    return {
        "seats": seats.seats(target),
        "is_open": target.registration_is_open(),
        "waiting_list": target.registration_has_waiting_list(),
        "form_url": subpage_url(page, "registration_form", request=request),
    }


def _is_day(value) -> bool:
    return isinstance(value, datetime.date) and not isinstance(value, datetime.datetime)


@register.filter
def moment_text(value, start=None) -> str:
    """``14:00, Thứ Năm 22/04/2027``, or the day alone for a date (an all-day event); an end on
    the same day as ``start`` shows its time only."""
    if not value:
        return ""
    if _is_day(value):
        return date_format(value, "l d/m/Y")
    value = localtime(value) if is_aware(value) else value
    if start and not _is_day(start) and localtime(start).date() == value.date():
        return date_format(value, "H:i")
    return date_format(value, "H:i, l d/m/Y")


@register.filter
def moment_iso(value) -> str:
    """For ``<time datetime>``: the day, or the local time with its offset."""
    if not value:
        return ""
    if _is_day(value):
        return value.isoformat()
    # To the second: HTML allows at most three digits of a second's fraction.
    return (localtime(value) if is_aware(value) else value).replace(microsecond=0).isoformat()
