"""Admin wiring (the organiser's list and exports, a button on registrable pages) and demo content."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.widgets import Button

from portal.registrations import admin_views
from portal.registrations.access import may_see, may_use
from portal.registrations.pages import RegistrablePageMixin

urls = (
    [
        path("", admin_views.index, name="index"),
        path("<int:page_id>/", admin_views.registrants, name="page"),
        path("<int:page_id>/export/<str:file_format>/", admin_views.export, name="export"),
    ],
    "registrations_admin",
)


@hooks.register("register_admin_urls")
def register_urls():
    return [path("registrations/", include(urls))]


class RegistrationsMenuItem(MenuItem):
    def is_shown(self, request):
        return may_use(request.user)


@hooks.register("register_admin_menu_item")
def registrations_menu_item():
    return RegistrationsMenuItem(
        _("Registrations"),
        reverse("registrations_admin:index"),
        icon_name="group",
        order=440,
        name="registrations",
    )


@hooks.register("register_page_header_buttons")
def registrants_button(page, user, view_name, next_url=None):
    model = page.specific_class
    if model is None or not issubclass(model, RegistrablePageMixin):
        return
    page = page if isinstance(page, RegistrablePageMixin) else page.specific
    if page.registration_capacity() is None:
        return
    if may_see(user, page):
        yield Button(
            _("Registrations"),
            reverse("registrations_admin:page", args=[page.pk]),
            icon_name="group",
            priority=85,
        )


@hooks.register("load_demo_content", order=60)
def load_registrations_demo_content(log):
    from portal.registrations.demo import load_registrations_demo

    load_registrations_demo(log)
