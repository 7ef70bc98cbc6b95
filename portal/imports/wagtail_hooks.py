"""Admin wiring: the import screens, the harvest screens and the harvest sources' viewset."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.viewsets.model import ModelViewSet

from portal.imports import views
from portal.resources.models import HarvestSource

urls = (
    [
        path("", views.new_import, name="new"),
        path("<int:job_id>/", views.job_detail, name="job"),
        path("<int:job_id>/confirm/", views.confirm_job, name="confirm"),
        path("<int:job_id>/cancel/", views.cancel_job, name="cancel"),
        path("harvests/", views.harvests, name="harvests"),
        path("harvests/<int:source_id>/run/", views.run_harvest_now, name="harvest_now"),
        path("harvests/runs/<int:run_id>/", views.harvest_run, name="harvest_run"),
    ],
    "imports",
)


@hooks.register("register_admin_urls")
def register_urls():
    return [path("imports/", include(urls))]


class ShownWhen(MenuItem):
    def __init__(self, *args, shown_when, **kwargs):
        super().__init__(*args, **kwargs)
        self.shown_when = shown_when

    def is_shown(self, request):
        return self.shown_when(request.user)


def _menu_item(label, url_name: str, icon: str, order: int, shown_when):
    def menu_item():
        name = url_name.replace(":", "-")
        return ShownWhen(
            label, reverse(url_name), icon_name=icon, order=order, name=name, shown_when=shown_when
        )

    return menu_item


hooks.register(
    "register_admin_menu_item",
    _menu_item(_("Import resources"), "imports:new", "table", 420, views.may_import),
)
hooks.register(
    "register_admin_menu_item",
    _menu_item(_("OAI-PMH harvests"), "imports:harvests", "download", 430, views.may_harvest),
)


class HarvestSourceViewSet(ModelViewSet):
    model = HarvestSource
    icon = "download"
    add_to_admin_menu = False
    form_fields = ["organisation", "endpoint", "set_spec", "schedule"]
    list_display = ["endpoint", "set_spec", "organisation", "schedule", "last_harvested_at"]
    list_filter = ["organisation", "schedule"]


@hooks.register("register_admin_viewset")
def register_harvest_sources():
    return HarvestSourceViewSet("harvest_sources", url_prefix="imports/harvest-sources")
