"""``/sitemap.xml`` and ``/robots.txt``: every live public page of both languages, for crawlers.

Built on Wagtail's sitemap generator; each page lists its translations (``hreflang``), the
English mirrors of the index pages included, so a search engine shows people their language.
"""

from django.http import HttpResponse
from django.urls import reverse
from django.views.decorators.cache import cache_control
from wagtail.contrib.sitemaps.sitemap_generator import Sitemap
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.models import Page

from portal.core.models import HomePage

# Result pages, downloads, the search API and forms are of no use in a search engine's index.
CRAWLERS_KEEP_OFF = (
    "/tim-kiem/",
    "/en/tim-kiem/",
    "/api/search/",
    "/en/api/search/",
    "/tai-ve/",
    "/admin/",
    "/documents/",
)


class PortalSitemap(Sitemap):
    def items(self):
        site = self.get_wagtail_site()
        homes = HomePage.objects.filter(translation_key=site.root_page.translation_key).live()
        pages = Page.objects.none()
        for home in homes:
            pages |= Page.objects.descendant_of(home, inclusive=True)
        return pages.live().public().select_related("locale").order_by("path").defer_streamfields()

    def _urls(self, page, protocol, domain):
        items = list(self.paginator.page(page).object_list)
        siblings = (
            Page.objects.live()
            .public()
            .filter(translation_key__in={item.translation_key for item in items})
            .select_related("locale")
        )
        translations: dict = {}
        for sibling in siblings:
            url = sibling.get_full_url(self.request)
            if url:
                translations.setdefault(sibling.translation_key, []).append(
                    {"lang_code": sibling.locale.language_code, "location": url}
                )
        urls = []
        for item in items:
            location = item.get_full_url(self.request)
            if not location:
                continue
            alternates = translations.get(item.translation_key, [])
            urls.append(
                {
                    "item": item,
                    "location": location,
                    "lastmod": item.last_published_at or item.latest_revision_created_at,
                    "alternates": alternates if len(alternates) > 1 else [],
                }
            )
        lastmods = [url["lastmod"] for url in urls if url["lastmod"]]
        if lastmods:
            self.latest_lastmod = max(lastmods)
        return urls


def sitemap_xml(request):
    return sitemap(request, sitemaps={"pages": PortalSitemap})


@cache_control(max_age=86400, public=True)
def robots_txt(request):
    lines = ["User-agent: *", *(f"Disallow: {path}" for path in CRAWLERS_KEEP_OFF)]
    lines.append(f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}")
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
