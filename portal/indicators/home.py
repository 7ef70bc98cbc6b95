"""The home page's section of headline indicators, linking to the dashboard."""

from django.utils.translation import get_language

from portal.indicators.dashboard import build
from portal.indicators.models import IndicatorDashboardPage


def headline_section(home, request) -> dict | None:
    dashboard = IndicatorDashboardPage.objects.child_of(home).live().first()
    if dashboard is None:
        return None
    language = (get_language() or "vi")[:2]
    figures = []
    for view in build():
        if not view.indicator.headline:
            continue
        latest = view.latest
        target = view.next_target
        figures.append(
            {
                "name": view.indicator.display_name(language),
                "code": view.indicator.code,
                "is_percent": view.indicator.is_percent,
                "year": latest[0] if latest else None,
                "value": latest[1].value if latest else None,
                "target_year": target[0] if target else None,
                "target": target[1] if target else None,
                "status": view.status,
                "status_label": view.status_label,
            }
        )
    if not figures:
        return None
    return {
        "template": "indicators/includes/home_section.html",
        "figures": figures,
        "dashboard_url": dashboard.get_url(request),
    }
