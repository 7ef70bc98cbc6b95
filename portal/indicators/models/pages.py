"""The public dashboard of the plan's indicators, with its exports and yearly reports."""

from django.db import models
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Page
from wagtail.search import index

from portal.core import jsonld
from portal.core.forms import PortalPageForm
from portal.core.routing import KnownAncestorsMixin


class IndicatorDashboardPage(KnownAncestorsMixin, RoutablePageMixin, Page):
    """/chi-tieu/: each indicator of the plan against its 2025 and 2030 targets, by year and unit.

    Figures come from ``Measurement`` rows, not from the page; exports (CSV, XLSX) and a printable
    yearly report are routes of the page, so they follow it into each language's tree.
    """

    introduction = models.TextField(_("introduction"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("introduction")]
    search_fields = [*Page.search_fields, index.SearchField("introduction")]
    api_fields = [APIField("introduction")]
    base_form_class = PortalPageForm
    parent_page_types = ["core.HomePage"]
    subpage_types: list[str] = []
    max_count_per_parent = 1
    template = "indicators/indicator_dashboard_page.html"

    class Meta:
        verbose_name = _("indicator dashboard")

    def structured_data(self, request) -> dict:
        return jsonld.page_node(self, request, "Dataset", description=self.introduction or None)

    def get_context(self, request, *args, **kwargs):
        from portal.indicators.dashboard import build, recognitions

        context = super().get_context(request, *args, **kwargs)
        context["views"] = build(None)
        context["recognitions"] = recognitions(None)
        return context

    @path("")
    def dashboard(self, request):
        return self.render(request)

    @path("bao-cao/<int:year>/")
    def report(self, request, year):
        from portal.indicators.dashboard import recognitions
        from portal.indicators.models.data import FIRST_YEAR, LAST_YEAR

        if not FIRST_YEAR <= year <= LAST_YEAR:
            raise Http404
        return self.render(
            request,
            context_overrides={
                "report_year": year,
                "views": self._views(year),
                "recognitions": recognitions(year),
            },
            template="indicators/indicator_report.html",
        )

    @path("xuat/<str:kind>/")
    def export(self, request, kind):
        from portal.indicators.exports import export_response

        if kind not in ("csv", "xlsx"):
            raise Http404
        return export_response(self._views(None), kind)

    @staticmethod
    def _views(year):
        from portal.indicators.dashboard import build

        return build(year)
