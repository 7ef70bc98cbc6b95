"""The indicators dashboard: found by the plan's indicator names, as a kind of its own."""

from django.utils.translation import gettext_lazy as _

from portal.indicators.models import Indicator, IndicatorDashboardPage
from search.families.registry import page_document, register, register_labels

INDICATORS_TYPE = {"indicators": _("Indicators")}


def dashboard_document(page: IndicatorDashboardPage) -> dict:
    names = [f"{indicator.name} {indicator.name_en}" for indicator in Indicator.objects.all()]
    return page_document(
        page,
        "pages",
        summary=page.search_description or page.introduction,
        body=" ".join(names),
        date=page.last_published_at or page.first_published_at,
        facets={"type": "indicators"},
        labels={"type": {"indicators": str(INDICATORS_TYPE["indicators"])}},
    )


register("pages", IndicatorDashboardPage, dashboard_document)
register_labels("type", lambda: INDICATORS_TYPE)
