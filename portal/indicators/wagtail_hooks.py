"""The indicators app's admin (measurements, recognitions), home-page section and demo content."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from portal.indicators.models import Indicator, Measurement, Recognition


class IndicatorViewSet(SnippetViewSet):
    model = Indicator
    icon = "list-ol"
    list_display = ["name", "code", "unit", "target_2025", "target_2030", "aggregation"]
    search_fields = ["name", "code"]


class MeasurementViewSet(SnippetViewSet):
    model = Measurement
    icon = "table"
    list_display = ["indicator", "unit", "year", "value", "numerator", "denominator", "entered_at"]
    list_filter = ["indicator", "year"]
    list_export = ["indicator", "unit", "year", "value", "numerator", "denominator", "source"]


class RecognitionViewSet(SnippetViewSet):
    model = Recognition
    icon = "pick"
    list_display = ["title", "unit", "year", "count"]
    list_filter = ["title", "year"]


class IndicatorGroup(SnippetViewSetGroup):
    menu_label = _("Indicators")
    menu_icon = "table"
    menu_order = 320
    items = (IndicatorViewSet, MeasurementViewSet, RecognitionViewSet)


register_snippet(IndicatorGroup)


@hooks.register("after_create_snippet")
@hooks.register("after_edit_snippet")
def remember_who_entered(request, instance) -> None:
    """A measurement records who entered or last changed it."""
    if isinstance(instance, Measurement) and instance.entered_by_id != request.user.pk:
        Measurement.objects.filter(pk=instance.pk).update(entered_by=request.user)


@hooks.register("home_page_sections", order=5)
def headline_indicators_section(home, request) -> dict | None:
    """The plan's headline indicators: latest value beside the next target and its year."""
    from portal.indicators.home import headline_section

    return headline_section(home, request)


@hooks.register("load_demo_content", order=90)
def load_indicators_demo_content(log) -> None:
    from portal.indicators.demo import load_indicators_demo

    load_indicators_demo(log)
    _demo_data_entry_role()


def _demo_data_entry_role() -> None:
    """The demo's data-entry account enters figures, and nothing else."""
    from django.contrib.auth import get_user_model

    from portal.core.demo import DEMO_DATA_ENTRY
    from portal.organisations.roles import INDICATOR_DATA_ENTRY, group_for

    clerk = get_user_model().objects.filter(username=DEMO_DATA_ENTRY).first()
    if clerk is not None:
        clerk.groups.add(group_for(INDICATOR_DATA_ENTRY))


@hooks.register("register_admin_urls")
def indicator_upload_urls():
    from django.urls import path

    from portal.indicators.grid import grid_view
    from portal.indicators.upload import upload_view

    return [
        path("indicators/upload/", upload_view, name="indicators_upload"),
        path("indicators/grid/", grid_view, name="indicators_grid"),
    ]


class DataEntryMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perms(["indicators.add_measurement", "indicators.change_measurement"])


@hooks.register("register_admin_menu_item")
def indicator_upload_menu_item():
    return DataEntryMenuItem(
        _("Upload figures"),
        reverse("indicators_upload"),
        name="indicators-upload",
        icon_name="upload",
        order=322,
    )


@hooks.register("register_admin_menu_item")
def indicator_grid_menu_item():
    return DataEntryMenuItem(
        _("Enter figures"), reverse("indicators_grid"), name="indicators-grid", icon_name="table", order=321
    )
