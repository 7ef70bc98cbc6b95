"""The centres' home-page section and their part of ``manage.py load_demo``."""

from wagtail import hooks


@hooks.register("home_page_sections", order=60)
def centres_section(home, request) -> dict | None:
    """How many centres there are and where to find the nearest; nothing while there are none."""
    from portal.centres.models import CentreIndexPage

    index = CentreIndexPage.objects.child_of(home).live().first()
    if index is None:
        return None
    count = index.get_centres().count()
    if not count:
        return None
    return {
        "template": "centres/includes/home_section.html",
        "count": count,
        "index_url": index.get_url(request),
    }


@hooks.register("load_demo_content", order=80)
def load_centres_demo_content(log) -> None:
    from portal.centres.demo import load_centres_demo

    load_centres_demo(log)
