"""iCalendar feeds of airings: the whole schedule, one programme, one episode.

Times are written in Vietnam time with a VTIMEZONE, so a calendar shows 20:00 as the broadcaster
announced it; each airing keeps one UID (``airing-<id>@<host>``) so a subscribed calendar updates
an event instead of adding it twice.
"""

import datetime
from urllib.parse import urlsplit

from django.conf import settings
from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from icalendar import Calendar, Event

from portal.programmes.models.airings import Airing

FEED_PAST_DAYS = 1
FEED_AHEAD_DAYS = 42


def uid_domain() -> str:
    return urlsplit(settings.WAGTAILADMIN_BASE_URL).hostname or "localhost"


def feed_airings(programme=None):
    """Airings from yesterday to six weeks ahead, of every programme or of one."""
    now = timezone.now()
    airings = Airing.objects.shown().filter(
        starts_at__gte=now - datetime.timedelta(days=FEED_PAST_DAYS),
        starts_at__lt=now + datetime.timedelta(days=FEED_AHEAD_DAYS),
    )
    if programme is not None:
        airings = airings.filter(programme=programme)
    return airings.select_related("programme", "episode").order_by("starts_at", "pk")


def episode_airings(episode):
    return Airing.objects.filter(episode=episode).select_related("programme", "episode").order_by("starts_at")


def airing_title(airing: Airing) -> str:
    if airing.episode_id:
        title = f"{airing.programme.title}: {airing.episode.title}"
    else:
        title = f"{airing.programme.title} ({_('new episode')})"
    if airing.kind == Airing.Kind.RERUN:
        title = f"{title} – {_('rerun')}"
    return title


def airing_event(airing: Airing, request, stamp: datetime.datetime) -> Event:
    zone = timezone.get_default_timezone()
    page = airing.episode if airing.episode_id else airing.programme
    event = Event()
    event.add("uid", f"airing-{airing.pk}@{uid_domain()}")
    event.add("dtstamp", stamp)
    event.add("dtstart", airing.starts_at.astimezone(zone))
    event.add("dtend", airing.ends_at.astimezone(zone))
    event.add("summary", airing_title(airing))
    event.add("location", airing.programme.channel_name)
    description = (airing.episode.summary if airing.episode_id else "") or airing.programme.summary
    if description:
        event.add("description", description)
    url = page.get_full_url(request)
    if url:
        event.add("url", url)
    return event


def calendar_response(airings, request, filename: str, name: str) -> HttpResponse:
    calendar = Calendar()
    calendar.add("prodid", "-//Hoc lieu mo Thai Nguyen//Lich phat song//VI")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", settings.TIME_ZONE)
    stamp = timezone.now().astimezone(datetime.UTC).replace(microsecond=0)
    for airing in airings:
        calendar.add_component(airing_event(airing, request, stamp))
    calendar.add_missing_timezones()
    response = HttpResponse(calendar.to_ical(), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response
