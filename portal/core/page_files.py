"""Machine-readable files beside a page: ``<page>lich.ics``, ``<page>rss.xml``, ``<page>atom.xml``.

Wagtail routes only addresses made of ``[\\w-]+/`` parts, so a name with a dot never reaches a
page's routes. One pattern (in the site's ``i18n_patterns``, before Wagtail's URLs) finds the page
the way Wagtail does and hands the request to the page's own route of that name
(``@path("lich.ics")`` on a RoutablePageMixin page). Only live pages anyone may read have them.
"""

from django.http import Http404
from django.urls import Resolver404, re_path
from wagtail.models import Page, PageViewRestriction

FILE_NAMES = ("lich.ics", "rss.xml", "atom.xml")


def page_file(request, page_path: str, name: str):
    found = Page.route_for_request(request, page_path)
    page = found.page if found is not None else None
    if page is None or not page.live or not hasattr(page, "resolve_subpage"):
        raise Http404
    if page.get_url(request) != request.path.removesuffix(name):
        raise Http404  # the path named one of the page's sub-routes, not the page itself
    if PageViewRestriction.objects.filter(page__in=page.get_ancestors(inclusive=True)).exists():
        raise Http404  # calendars and feeds carry only what anyone may read
    try:
        view, args, kwargs = page.resolve_subpage(f"/{name}")
    except (Http404, Resolver404):
        raise Http404 from None
    return view(request, *args, **kwargs)


urlpatterns = [
    re_path(
        r"^(?P<page_path>(?:[\w\-]+/)*)(?P<name>{})$".format(
            "|".join(name.replace(".", r"\.") for name in FILE_NAMES)
        ),
        page_file,
        name="page_file",
    )
]
