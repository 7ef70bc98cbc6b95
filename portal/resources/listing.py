"""Resource listings shared by the library, subject, organisation and collection pages.

Filters are a plain GET form so they work without JavaScript; they are the facets of
``search.facets``, counted as the search page counts them. A value that is not understood
is ignored and reported on the page, never an error. Whatever the page size, a listing runs a
fixed number of queries: cards are fetched with their relations joined or prefetched.
"""

import re

from django import forms
from django.core.paginator import Paginator
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page, Site

from portal.core.caching import cached
from portal.core.tree import public
from portal.resources.downloads import with_download_totals
from portal.resources.models.choices import ResourceType
from search import query
from search.facets import LISTING_FACETS
from search.families.registry import relabel

PAGE_SIZE = 20
_SLUG = re.compile(r"^[-a-zA-Z0-9_]{1,120}$")
SORTS = {
    "newest": ("-first_published_at", "-pk"),
    "downloads": ("-downloads", "-first_published_at", "-pk"),
    "title": ("title", "pk"),
}


def _term_choices(model) -> list[tuple[str, str]]:
    """Every term as (slug, name in the visitor's language), read once until a term changes."""
    language = translation.get_language() or "vi"
    return cached(
        f"term-choices:{model._meta.label_lower}:{language}",
        lambda: [(term.slug, str(getattr(term, "label", term))) for term in model.objects.all()],
    )


def _field(facet, counts) -> forms.Field:
    if counts is not None:  # "Kỹ năng số (12)"
        choices = [(count.value, f"{count.label} ({count.count})") for count in counts if count.count]
        return forms.ChoiceField(
            label=facet.heading, required=False, choices=[("", facet.everything), *choices]
        )
    if facet.terms is None:
        return forms.ChoiceField(
            label=facet.heading, required=False, choices=[("", facet.everything), *ResourceType.choices]
        )
    return forms.ChoiceField(
        label=facet.heading, required=False, choices=[("", facet.everything), *_term_choices(facet.terms)]
    )


class ResourceFilterForm(forms.Form):
    """One select per listing facet (``search.facets``), then the sort order.

    ``counts`` (facet → ``FacetCount`` list) are the search index's facet counts: the options
    are the values that would find something, each with its number. Without them (an empty
    index), every term is offered, without numbers.
    """

    sort = forms.ChoiceField(
        label=_("Sort by"),
        required=False,
        choices=[("newest", _("Newest")), ("downloads", _("Most downloaded")), ("title", _("Title A–Z"))],
    )

    def __init__(self, data=None, fixed=(), counts=None, **kwargs):
        super().__init__(data, **kwargs)
        sort = self.fields.pop("sort")
        for facet in LISTING_FACETS:
            if facet.name not in fixed:
                self.fields[facet.name] = _field(
                    facet, None if counts is None else counts.get(facet.name, [])
                )
        self.fields["sort"] = sort

    def filter(self, queryset):
        """The queryset narrowed by every valid filter; invalid ones are left out."""
        data = getattr(self, "cleaned_data", {})
        for facet in LISTING_FACETS:
            value = data.get(facet.name)
            if value:
                lookup = facet.field if facet.terms is None else f"{facet.field}__slug"
                queryset = queryset.filter(**{lookup: getattr(value, "slug", value)})
        return queryset

    @property
    def sort_key(self) -> str:
        return getattr(self, "cleaned_data", {}).get("sort") or "newest"

    @property
    def ignored(self) -> list[str]:
        """Labels of the filters whose values were not understood."""
        return [str(self.fields[name].label) for name in self.errors if name in self.fields]


def card_queryset(queryset):
    """Live, public resources with what a card shows joined or prefetched."""
    return with_download_totals(
        public(queryset.live())
        .select_related("organisation", "licence", "level", "thumbnail")
        .prefetch_related("subjects", "languages", "thumbnail__renditions")
    )


def facet_counts(fixed: dict[str, str], chosen: dict[str, str]) -> dict | None:
    """Facet → ``FacetCount`` list of live resources, counted as the search page counts them
    (each facet with every other facet's filter applied); None when the index has none."""
    filters = {name: (value,) for name, value in {**fixed, **chosen}.items() if _SLUG.match(value)}
    locale = (translation.get_language() or "vi")[:2]
    results = query.search(
        query.SearchQuery(families=("resources",), filters=filters, locale=locale, page_size=1)
    )
    relabel(results)
    return results.facets if any(results.facets.values()) else None


LISTED = ("filter_form", "ignored_filters", "resources", "page_obj", "paginator")  # what it gives


def resource_listing(request, resources, fixed: dict[str, str] | None = None) -> dict:
    """Filter, sort and paginate ``resources`` from the request's GET parameters.

    ``fixed`` holds the filters the page itself stands for (a subject's page: its subject).
    """
    fixed = fixed or {}
    chosen = {
        facet.name: request.GET.get(facet.name, "") for facet in LISTING_FACETS if facet.name not in fixed
    }
    counts = facet_counts(fixed, chosen)
    form = ResourceFilterForm(request.GET or None, fixed=fixed, counts=counts)
    form.is_valid()
    queryset = card_queryset(form.filter(resources)).order_by(*SORTS[form.sort_key])
    paginator = Paginator(queryset, PAGE_SIZE)
    page = paginator.get_page(request.GET.get("page"))
    return {
        "filter_form": form,
        "ignored_filters": form.ignored,
        "resources": page.object_list,
        "page_obj": page,
        "paginator": paginator,
    }


BROWSE_SLUGS = {"courses": "khoa-hoc", "collections": "bo-suu-tap"}


def browse_links(request) -> dict[str, str]:
    """The course and collection indexes' addresses, found as ``{% slugurl %}`` finds them (the
    first in tree order within the site), in one query."""
    site = Site.find_for_request(request)
    if site is None:
        return {}
    first = {}
    for page in Page.objects.in_site(site).filter(slug__in=BROWSE_SLUGS.values()).order_by("path"):
        first.setdefault(page.slug, page)
    return {name: first[slug].get_url(request) for name, slug in BROWSE_SLUGS.items() if slug in first}
