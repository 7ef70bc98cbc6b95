"""The events app's home-page section and its part of ``manage.py load_demo``."""

from wagtail import hooks

HOME_EVENTS = 4


@hooks.register("home_page_sections", order=30)
def upcoming_events_section(home, request) -> dict | None:
    """The next few events, linking to the events index; nothing when none is coming."""
    from portal.events.listing import upcoming_events
    from portal.events.models import EventIndexPage

    index = home.child_index(EventIndexPage)
    if index is None:
        return None
    events = upcoming_events(index, HOME_EVENTS)
    if not events:
        return None
    return {
        "template": "events/includes/home_section.html",
        "events": events,
        "index_url": index.get_url(request),
    }


@hooks.register("load_demo_content", order=50)
def load_events_demo_content(log) -> None:
    from portal.events.demo import load_events_demo

    load_events_demo(log)
