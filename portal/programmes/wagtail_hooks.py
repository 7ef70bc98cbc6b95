"""The programmes app on the home page ("on air today") and in ``manage.py load_demo``."""

from wagtail import hooks


@hooks.register("home_page_sections", order=10)
def on_air_section(home, request) -> dict | None:
    """Today's airings, or tomorrow's when today has none, with a link to the whole schedule."""
    from portal.programmes.listing import on_air_soon
    from portal.programmes.models import SchedulePage

    soon = on_air_soon()
    if soon is None:
        return None
    schedule = home.child_index(SchedulePage)
    return {"template": "programmes/includes/home_section.html", "schedule": schedule, **soon}


@hooks.register("load_demo_content", order=40)
def load_programmes_demo_content(log) -> None:
    from portal.programmes.demo import load_programmes_demo

    load_programmes_demo(log)
