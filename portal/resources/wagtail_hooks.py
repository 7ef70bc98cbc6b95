"""The resources app's part of `manage.py load_demo`."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem


@hooks.register("load_demo_content", order=20)
def load_resources_demo_content(log):
    from portal.resources.demo import load_resources_demo

    load_resources_demo(log)


@hooks.register("load_demo_content", order=30)
def load_demo_contributor(log) -> None:
    """The demo contributor joins its organisation (made by the library's demo) to submit work."""
    from portal.core.demo import DEMO_CONTRIBUTOR
    from portal.resources.contributors import setup_contributor

    _username, email, name = DEMO_CONTRIBUTOR
    setup = setup_contributor(name, email)
    log(f"  contributor: {setup.user.get_username()} in “{setup.group.name}”")


@hooks.register("register_admin_urls")
def link_health_urls():
    from django.urls import path

    from portal.resources.link_views import broken_links

    return [path("broken-links/", broken_links, name="resources_broken_links")]


class LinkHealthMenuItem(MenuItem):
    def is_shown(self, request):
        from portal.resources.link_views import may_see_link_health

        return may_see_link_health(request.user)


@hooks.register("register_reports_menu_item")
def link_health_menu_item():
    return LinkHealthMenuItem(
        _("Broken links"),
        reverse("resources_broken_links"),
        name="broken-links",
        icon_name="link",
        order=1000,
    )
