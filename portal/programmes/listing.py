"""Airings by local day: the schedule page, the home page's "on air today" and the calendars.

Days are Vietnam days: an airing at 23:30 belongs to that evening, one at 00:15 to the next day,
whatever UTC says. Every list here is one query, however many airings it holds.
"""

import datetime
from itertools import groupby

from django.utils import timezone

from portal.programmes.models.airings import Airing

SCHEDULE_DAYS = 14


def local_today() -> datetime.date:
    return timezone.localdate()


def day_start(day: datetime.date) -> datetime.datetime:
    """Midnight of ``day`` in the portal's time zone, as an aware datetime."""
    return datetime.datetime.combine(day, datetime.time.min, tzinfo=timezone.get_default_timezone())


def airings_between(start: datetime.datetime, end: datetime.datetime):
    return (
        Airing.objects.shown()
        .filter(starts_at__gte=start, starts_at__lt=end)
        .select_related("programme", "episode")
        .order_by("starts_at", "programme__title", "pk")
    )


def by_day(airings) -> list[dict]:
    """``[{"day": date, "airings": [...]}, ...]`` in time order, by local date."""
    return [
        {"day": day, "airings": list(items)}
        for day, items in groupby(airings, key=lambda airing: timezone.localtime(airing.starts_at).date())
    ]


def schedule_days(first_day: datetime.date | None = None, days: int = SCHEDULE_DAYS) -> list[dict]:
    """The airings of ``days`` days from ``first_day`` (today), grouped by day, today first."""
    first_day = first_day or local_today()
    start, end = day_start(first_day), day_start(first_day + datetime.timedelta(days=days))
    return by_day(airings_between(start, end))


def on_air_soon(today: datetime.date | None = None, limit: int = 6) -> dict | None:
    """Today's airings, or tomorrow's when today has none; None when both are empty."""
    today = today or local_today()
    for offset in (0, 1):
        day = today + datetime.timedelta(days=offset)
        airings = list(airings_between(day_start(day), day_start(day + datetime.timedelta(days=1)))[:limit])
        if airings:
            return {"day": day, "is_today": offset == 0, "airings": airings}
    return None
