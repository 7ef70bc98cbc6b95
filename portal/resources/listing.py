"""Resource listings shared by the library, subject, organisation and collection pages.

Filters are a plain GET form so they work without JavaScript; they are the facets of
``portal.resources.facets``, counted as the search page counts them. A value that is not understood
is ignored and reported on the page, never an error. Whatever the page size, a listing runs a
fixed number of queries: cards are fetched with their relations joined or prefetched.
"""

import re

from django import forms
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from portal.core.routing import public
from portal.resources.downloads import with_download_totals
from portal.resources.facets import LISTING_FACETS
from portal.resources.models.choices import ResourceType
from search import query
from search.families.registry import relabel

PAGE_SIZE = 20
_SLUG = re.compile(r"^[-a-zA-Z0-9_]{1,120}$")
SORTS = {
    "newest": ("-first_published_at", "-pk"),
    "downloads": ("-downloads", "-first_published_at", "-pk"),
    "title": ("title", "pk"),
}


class TermChoiceField(forms.ModelChoiceField):
    """Chooses a term by slug; shows its name in the visitor's language."""

    def __init__(self, queryset, **kwargs):
        super().__init__(queryset, to_field_name="slug", required=False, **kwargs)

    def to_python(self, value):
        if value in self.empty_values:
            return None
        if not _SLUG.match(str(value)):
            raise ValidationError(self.error_messages["invalid_choice"], code="invalid_choice")
        return super().to_python(value)

    def label_from_instance(self, obj):
        return getattr(obj, "label", str(obj))


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
    return TermChoiceField(facet.terms.objects.all(), label=facet.heading, empty_label=facet.everything)


class ResourceFilterForm(forms.Form):
    """One select per listing facet (``portal.resources.facets``), then the sort order.

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
