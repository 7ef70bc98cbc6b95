"""Organisations are snippets: editors keep their names, logos and contacts in one place."""

from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from portal.organisations.contributors import hide_others_drafts
from portal.organisations.models import Organisation

hooks.register("construct_page_chooser_queryset", hide_others_drafts)


class OrganisationViewSet(SnippetViewSet):
    model = Organisation
    icon = "group"
    menu_order = 250
    add_to_admin_menu = True
    list_display = ["name", "kind", "website", "email"]
    list_export = ["name", "slug", "kind", "website", "email", "phone"]
    export_filename = "to-chuc"
    list_filter = ["kind"]
    search_fields = ["name"]


register_snippet(OrganisationViewSet)
