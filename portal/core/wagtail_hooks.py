"""Admin menu for the shared vocabularies and administrative units."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from portal.core.models import AdminUnit, Audience, EducationLevel, Language, Licence, Subject


class TermViewSet(SnippetViewSet):
    list_display = ["name", "name_en", "slug", "sort_order"]
    search_fields = ["name", "name_en"]
    ordering = ["sort_order", "name"]


def term_viewset(term_model, icon: str) -> type[TermViewSet]:
    return type(f"{term_model.__name__}ViewSet", (TermViewSet,), {"model": term_model, "icon": icon})


class LicenceViewSet(TermViewSet):
    model = Licence
    icon = "copy"
    list_display = ["name", "code", "is_open", "url"]


class AdminUnitViewSet(SnippetViewSet):
    model = AdminUnit
    icon = "site"
    list_display = ["full_name", "level", "parent", "valid_from", "valid_until", "successor_names"]
    list_filter = ["level"]
    search_fields = ["name"]

    def get_queryset(self, request):
        return AdminUnit.objects.select_related("parent").prefetch_related("successors")


class TaxonomyGroup(SnippetViewSetGroup):
    menu_label = _("Vocabularies")
    menu_icon = "tag"
    menu_order = 300
    items = (
        term_viewset(Subject, "folder-open-inverse"),
        term_viewset(EducationLevel, "order"),
        term_viewset(Audience, "group"),
        term_viewset(Language, "globe"),
        LicenceViewSet,
        AdminUnitViewSet,
    )


register_snippet(TaxonomyGroup)


@hooks.register("load_demo_content", order=0)
def load_core_demo_content(log):
    from portal.core.demo import load_core_demo

    load_core_demo(log)
