"""Wagtail's page view, starting from what this generation of content already found.

Before Wagtail routes an address it reads the site for the host, the site's home page in the
visitor's language and that page as its own type: three queries on every page view. They only
change when content changes, so they are kept per generation (``portal.core.fragments``) and
handed to Wagtail's own ``serve`` view, which routes and serves as usual from there.
"""

from django.http import Http404
from django.utils import translation
from wagtail import views as wagtail_views
from wagtail.models import Site

from portal.core.fragments import per_generation


def _site(request):
    host, port = request._get_raw_host(), request.get_port()  # as Site.find_for_request reads them

    def find():
        site = Site._find_for_request(request)
        if site is not None:
            site.root_page  # noqa: B018 (read now, kept with the site)
        return site

    return per_generation(f"site:{host}:{port}", find)


def serve(request, path):
    site = _site(request)
    request._wagtail_site = site
    if site is not None:
        language = translation.get_language()
        home = per_generation(f"home:{site.pk}:{language}", lambda: site.root_page.localized.specific)
        try:
            request._wagtail_route_for_request = home.route(
                request, [part for part in path.split("/") if part]
            )
        except Http404:
            request._wagtail_route_for_request = None
    return wagtail_views.serve(request, path)
