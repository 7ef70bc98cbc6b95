"""Admin wiring of the usage report (a menu item, its addresses) and its demo figures."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from portal.usage import views
from portal.usage.access import may_use

urls = (
    [
        path("", views.report_view, name="report"),
        path("export/<str:file_format>/", views.export_view, name="export"),
    ],
    "usage_admin",
)


@hooks.register("register_admin_urls")
def register_urls():
    return [path("usage/", include(urls))]


class UsageMenuItem(MenuItem):
    def is_shown(self, request):
        return may_use(request.user)


@hooks.register("register_admin_menu_item")
def usage_menu_item():
    return UsageMenuItem(
        _("Usage statistics"), reverse("usage_admin:report"), icon_name="table", order=450, name="usage"
    )


@hooks.register("load_demo_content", order=95)
def load_usage_demo_content(log) -> None:
    from portal.usage.demo import load_usage_demo

    load_usage_demo(log)
