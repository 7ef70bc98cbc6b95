"""Resource listings shared by the library, subject, organisation and collection pages.

Filters are a plain GET form so they work without JavaScript. A value that is not understood
is ignored and reported on the page, never an error. Whatever the page size, a listing runs a
fixed number of queries: cards are fetched with their relations joined or prefetched.
"""

import re

from django import forms
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.utils.translation import gettext_lazy as _

from portal.core.models import Audience, EducationLevel, Language, Licence, Subject
from portal.organisations.models import Organisation
from portal.resources.downloads import with_download_totals
from portal.resources.models.choices import ResourceType

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


class ResourceFilterForm(forms.Form):
    subject = TermChoiceField(Subject.objects.all(), label=_("Subject"), empty_label=_("All subjects"))
    type = forms.ChoiceField(label=_("Type"), required=False)
    level = TermChoiceField(EducationLevel.objects.all(), label=_("Level"), empty_label=_("All levels"))
    audience = TermChoiceField(Audience.objects.all(), label=_("For"), empty_label=_("Everyone"))
    language = TermChoiceField(Language.objects.all(), label=_("Language"), empty_label=_("All languages"))
    licence = TermChoiceField(Licence.objects.all(), label=_("Licence"), empty_label=_("All licences"))
    organisation = TermChoiceField(None, label=_("Contributor"), empty_label=_("All contributors"))
    sort = forms.ChoiceField(
        label=_("Sort by"),
        required=False,
        choices=[("newest", _("Newest")), ("downloads", _("Most downloaded")), ("title", _("Title A–Z"))],
    )

    def __init__(self, data=None, fixed=(), **kwargs):
        super().__init__(data, **kwargs)
        self.fields["type"].choices = [("", _("All types")), *ResourceType.choices]
        self.fields["organisation"].queryset = Organisation.objects.all()
        for name in fixed:
            del self.fields[name]

    def filter(self, queryset):
        """The queryset narrowed by every valid filter; invalid ones are left out."""
        data = getattr(self, "cleaned_data", {})
        lookups = {
            "subject": "subjects",
            "type": "resource_type",
            "level": "level",
            "audience": "audiences",
            "language": "languages",
            "licence": "licence",
            "organisation": "organisation",
        }
        for name, lookup in lookups.items():
            value = data.get(name)
            if value:
                queryset = queryset.filter(**{lookup: value})
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
        queryset.live()
        .public()
        .select_related("organisation", "licence", "level", "thumbnail")
        .prefetch_related("subjects", "languages", "thumbnail__renditions")
    )


def resource_listing(request, resources, fixed=()) -> dict:
    """Filter, sort and paginate ``resources`` from the request's GET parameters."""
    form = ResourceFilterForm(request.GET or None, fixed=fixed)
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
