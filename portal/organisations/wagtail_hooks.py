"""Organisations are snippets: editors keep their names, logos and contacts in one place."""

from django.contrib.auth import get_user_model
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from portal.core.demo import DEMO_EDITOR
from portal.organisations.contributors import hide_others_drafts
from portal.organisations.models import Organisation
from portal.organisations.roles import PROVINCIAL_EDITOR, group_for, setup_roles

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


@hooks.register("load_demo_content", order=10)
def load_roles(log) -> None:
    """The roles, and the demo editor as a provincial editor: it publishes and approves."""
    editor = get_user_model().objects.filter(username=DEMO_EDITOR).first()
    if editor is not None:
        editor.groups.set([group_for(PROVINCIAL_EDITOR)])
    setup_roles()
    log(f"  roles: {PROVINCIAL_EDITOR.key} ({group_for(PROVINCIAL_EDITOR).user_set.count()} member(s))")
