"""iCalendar files: one per event, one per campaign, one for every upcoming event.

Times are written in Vietnam time with its VTIMEZONE (people import them into phone calendars set
to any zone); all-day events as DATE values with the exclusive end date the format wants. UIDs
are ``event-<pk>@<domain>`` and never change, so a calendar that subscribed updates the event in
place. Registrations are personal data and never appear here.
"""

import datetime
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

from django.conf import settings
from django.http import HttpResponse
from django.utils import timezone
from django.utils.html import strip_tags
from icalendar import Calendar
from icalendar import Event as VEvent

from portal.events.models.choices import EventStatus

PRODID = "-//Hoc lieu mo Thai Nguyen//Su kien//VI"
FEED_LIMIT = 500
# A postponed event has no firm date yet: calendars show it as tentative.
ICAL_STATUS = {EventStatus.CANCELLED: "CANCELLED", EventStatus.POSTPONED: "TENTATIVE"}


def domain() -> str:
    """The portal's own host name (``SITE_URL``): UIDs stay the same whatever host served them."""
    return urlsplit(settings.WAGTAILADMIN_BASE_URL).hostname or "localhost"


def uid(event) -> str:
    return f"event-{event.pk}@{domain()}"


def location(event) -> str:
    if event.status == EventStatus.MOVED_ONLINE and event.online_url:
        return event.online_url
    parts = [event.venue, event.address, event.commune.full_name if event.commune_id else ""]
    return ", ".join(part for part in parts if part)


def vevent(event, request) -> VEvent:
    item = VEvent()
    item.add("uid", uid(event))
    item.add("summary", event.title)
    item.add("dtstamp", (event.last_published_at or timezone.now()).astimezone(datetime.UTC))
    if event.all_day:
        item.add("dtstart", event.start_day)
        item.add("dtend", event.end_day + datetime.timedelta(days=1))
    else:
        zone = ZoneInfo(settings.TIME_ZONE)
        item.add("dtstart", event.starts_at.astimezone(zone))
        if event.ends_at:
            item.add("dtend", event.ends_at.astimezone(zone))
    if event.last_published_at:
        item.add("last-modified", event.last_published_at.astimezone(datetime.UTC))
    description = event.summary or event.search_description
    if description:
        item.add("description", strip_tags(description))
    where = location(event)
    if where:
        item.add("location", where)
    url = event.get_url(request)
    if url:
        item.add("url", request.build_absolute_uri(url) if request else url)
    item.add("status", ICAL_STATUS.get(event.status, "CONFIRMED"))
    if event.organiser_id and event.organiser.email:
        item.add("organizer", f"mailto:{event.organiser.email}", parameters={"CN": event.organiser.name})
    return item


def calendar_of(events, request, name: str) -> Calendar:
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", settings.TIME_ZONE)
    for event in events:
        calendar.add_component(vevent(event, request))
    calendar.add_missing_timezones(first_date=datetime.date(2000, 1, 1), last_date=datetime.date(2100, 1, 1))
    return calendar


def response(calendar: Calendar, filename: str) -> HttpResponse:
    reply = HttpResponse(calendar.to_ical(), content_type="text/calendar; charset=utf-8")
    reply["Content-Disposition"] = f'inline; filename="{filename}"'
    reply["Cache-Control"] = "public, max-age=900"
    return reply


def _feed_events(queryset):
    return queryset.select_related("commune", "organiser").order_by("starts_at", "pk")[:FEED_LIMIT]


def event_response(event, request) -> HttpResponse:
    return response(calendar_of([event], request, event.title), f"su-kien-{event.pk}.ics")


def campaign_response(campaign, request) -> HttpResponse:
    events = _feed_events(campaign.get_events())
    return response(calendar_of(events, request, campaign.title), f"{campaign.slug}.ics")


def index_response(index, request) -> HttpResponse:
    events = _feed_events(index.get_events().filter(finishes_at__gte=timezone.now()))
    return response(calendar_of(events, request, index.title), "su-kien.ics")
