"""Reading the page tree the way pages show it: listings of public pages, a page's ancestors
(breadcrumbs, the library a resource sits in) and the live translations the language switch
links to."""

from django.db.models import Exists, F, OuterRef
from django.db.models.lookups import StartsWith
from wagtail.models import Page, PageViewRestriction


def public(queryset):
    """``queryset.public()`` in the same query: pages with no view restriction on themselves or
    an ancestor (Wagtail's ``public()`` reads every restriction first)."""
    restricted = PageViewRestriction.objects.filter(StartsWith(OuterRef("path"), F("page__path")))
    return queryset.exclude(Exists(restricted))


def ancestors(page) -> list:
    """The page's ancestors from the tree's root down, read once per page object (a request's
    breadcrumbs, structured data and language links share them)."""
    if "_ancestors" not in page.__dict__:
        page._ancestors = list(page.get_ancestors().select_related("locale"))
    return list(page._ancestors)


def live_translations(pages) -> list:
    """Live pages sharing a translation key with any of ``pages``, with their locales."""
    keys = {page.translation_key for page in pages}
    return list(Page.objects.live().filter(translation_key__in=keys).select_related("locale"))
