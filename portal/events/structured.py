"""schema.org for events and campaigns: Event with status, place and offers; EventSeries.

Search engines show events with their date, place and status; a cancelled or postponed event
must say so, and an event moved online gives its address as a VirtualLocation.
"""

from portal.core.jsonld import absolute, moment, node, organisation, page_node, place
from portal.events.models.choices import EventStatus

SCHEMA = "https://schema.org/"
EVENT_STATUS = {
    EventStatus.SCHEDULED: "EventScheduled",
    EventStatus.CANCELLED: "EventCancelled",
    EventStatus.POSTPONED: "EventPostponed",
    EventStatus.MOVED_ONLINE: "EventMovedOnline",
}
SUB_EVENT_LIMIT = 100


def _when(event) -> tuple:
    if event.all_day:
        return moment(event.start_day), moment(event.end_day)
    return moment(event.starts_at), moment(event.ends_at)


def _location(event, request):
    if event.status == EventStatus.MOVED_ONLINE and event.online_url:
        return node("VirtualLocation", url=event.online_url)
    if not (event.venue or event.address or event.commune_id):
        return None
    return place(event.venue, event.address, event.commune)


def seats_left(event) -> int | None:
    """Seats still free when the registrations app tells (a ``seats_left()`` on the page)."""
    method = getattr(event, "seats_left", None)
    return method() if callable(method) else None


def _availability(event) -> str | None:
    if event.is_past:
        return None
    if event.capacity is None:
        return "InStock"
    if not event.registration_is_open():
        return None
    return "SoldOut" if seats_left(event) == 0 else "LimitedAvailability"


def _offers(event, request) -> dict | None:
    if event.status == EventStatus.CANCELLED:
        return None
    availability = _availability(event)
    return node(
        "Offer",
        price="0" if event.is_free else None,
        priceCurrency="VND" if event.is_free else None,
        description=None if event.is_free else event.cost,
        availability=SCHEMA + availability if availability else None,
        url=absolute(request, event.get_url(request)),
    )


def event_summary(event, request) -> dict:
    start, end = _when(event)
    return node(
        "Event",
        name=event.title,
        url=absolute(request, event.get_url(request)),
        startDate=start,
        endDate=end,
        eventStatus=SCHEMA + EVENT_STATUS.get(event.status, "EventScheduled"),
    )


def event_node(event, request) -> dict:
    start, end = _when(event)
    campaign = event.campaign
    online = event.status == EventStatus.MOVED_ONLINE
    data = page_node(
        event,
        request,
        "Event",
        startDate=start,
        endDate=end,
        eventStatus=SCHEMA + EVENT_STATUS.get(event.status, "EventScheduled"),
        eventAttendanceMode=SCHEMA
        + ("OnlineEventAttendanceMode" if online else "OfflineEventAttendanceMode"),
        location=_location(event, request),
        organizer=organisation(event.organiser, request),
        isAccessibleForFree=event.is_free,
        offers=_offers(event, request),
        maximumAttendeeCapacity=event.capacity,
        audience=[node("Audience", audienceType=audience.label) for audience in event.audiences.all()],
        superEvent=node("EventSeries", name=campaign.title, url=absolute(request, campaign.get_url(request)))
        if campaign
        else None,
    )
    return _described(data, event.summary)


def campaign_node(campaign, request) -> dict:
    organisers = [organisation(item, request) for item in campaign.organisation_list()]
    events = campaign.shown_events()[:SUB_EVENT_LIMIT]
    data = page_node(
        campaign,
        request,
        "EventSeries",
        startDate=moment(campaign.start_date),
        endDate=moment(campaign.end_date),
        about=campaign.theme or None,
        slogan=campaign.slogan or None,
        organizer=organisers
        or (node("Organization", name=campaign.organisers_text) if campaign.organisers_text else None),
        subEvent=[event_summary(event, request) for event in events],
    )
    return _described(data, campaign.introduction)


def index_node(index, request) -> dict:
    return _described(page_node(index, request, "CollectionPage"), index.introduction)


def _described(data: dict, text: str) -> dict:
    """The page's search description, else its own introduction or summary."""
    if text and not data.get("description"):
        data["description"] = text
    return data
