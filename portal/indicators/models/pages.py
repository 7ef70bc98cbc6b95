"""The public dashboard of the plan's indicators, with its exports and yearly reports."""

from django.http import Http404
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.routable_page.models import RoutablePageMixin, path

from portal.core import jsonld
from portal.core.models.pages import SectionIndexPage


class IndicatorDashboardPage(RoutablePageMixin, SectionIndexPage):
    """/chi-tieu/: each indicator of the plan against its 2025 and 2030 targets, by year and unit.

    Figures come from ``Measurement`` rows, not from the page; exports (CSV, XLSX) and a printable
    yearly report are routes of the page, so they follow it into each language's tree.
    """

    subpage_types: list[str] = []
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
