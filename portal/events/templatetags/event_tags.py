"""Template helpers for events: when an event takes place, and the address of its .ics file."""

from django import template

register = template.Library()


@register.inclusion_tag("events/includes/when.html")
def event_when(event):
    """The event's day(s) and times in local time, in ``<time>`` elements."""
    return {"event": event, "same_day": event.start_day == event.end_day}


@register.simple_tag(takes_context=True)
def ical_url(context, page) -> str:
    """The .ics beside an event, campaign or events index (``<page address>lich.ics``)."""
    url = page.get_url(context.get("request")) or ""
    return url + page.reverse_subpage("ical") if url else ""
