"""The home page's section of headline indicators, linking to the dashboard."""

import datetime

from django.utils.translation import get_language

from portal.core.caching import cached
from portal.indicators.dashboard import build
from portal.indicators.models import IndicatorDashboardPage


def headline_section(home, request) -> dict | None:
    dashboard = home.child_index(IndicatorDashboardPage)
    if dashboard is None:
        return None
    language = (get_language() or "vi")[:2]
    # Kept until a figure (or anything else) changes, and at most for the day: whether a figure
    # is on track depends on the year.
    key = f"home-indicators:{language}:{datetime.date.today().isoformat()}"
    figures = cached(key, lambda: headline_figures(language))
    if not figures:
        return None
    return {
        "template": "indicators/includes/home_section.html",
        "figures": figures,
        "dashboard_url": dashboard.get_url(request),
    }


def headline_figures(language: str) -> list[dict]:
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
                "status_label": str(view.status_label),
            }
        )
    return figures
