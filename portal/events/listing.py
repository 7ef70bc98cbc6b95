"""Event listings and the month calendar, as plain GET pages that work without JavaScript.

Filters (upcoming or past, area, campaign, audience, month) are a GET form; a value that is not
understood is left out and named on the page, never an error. Whatever the page size, a listing
runs a fixed number of queries: cards are fetched with their relations joined or prefetched, and
the campaigns they belong to are read once.
"""

import calendar
import datetime
import re

from django import forms
from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from portal.core.models import AdminUnit, Audience
from portal.events.models.events import EventPage

PAGE_SIZE = 12
_MONTH = re.compile(r"^(\d{4})-(\d{1,2})$")
MONTH_NOT_UNDERSTOOD = _("The month was not understood (write it as 2026-10): here is this month.")
EARLIEST_YEAR, LATEST_YEAR = 2000, 2100


def valid_month(year: int, month: int) -> datetime.date | None:
    """The first day of that month, or None when it is not a month we show."""
    if EARLIEST_YEAR <= year <= LATEST_YEAR and 1 <= month <= 12:
        return datetime.date(year, month, 1)
    return None


def month_from_query(value: str | None) -> tuple[datetime.date, str | None]:
    """``2026-10`` → 1 October 2026; empty or not understood → this month (and why, if bad)."""
    this_month = timezone.localdate().replace(day=1)
    if not value:
        return this_month, None
    match = _MONTH.match(value.strip())
    day = valid_month(int(match[1]), int(match[2])) if match else None
    return (day, None) if day else (this_month, MONTH_NOT_UNDERSTOOD)


def month_bounds(first: datetime.date) -> tuple[datetime.date, datetime.date]:
    return first, first.replace(day=calendar.monthrange(first.year, first.month)[1])


class MonthField(forms.ChoiceField):
    """A month as ``2026-10``, among the months that have events; cleaned to its first day."""

    def clean(self, value):
        value = super().clean(value)
        if not value:
            return None
        match = _MONTH.match(value)
        return valid_month(int(match[1]), int(match[2])) if match else None


class EventFilterForm(forms.Form):
    """Upcoming or past, then the area, campaign, audience and month an event is in."""

    when = forms.ChoiceField(
        label=_("When"),
        required=False,
        choices=[("upcoming", _("Upcoming")), ("past", _("Past"))],
    )
    unit = forms.ChoiceField(label=_("Area"), required=False)
    campaign = forms.ChoiceField(label=_("Campaign"), required=False)
    audience = forms.ChoiceField(label=_("Audience"), required=False)
    month = MonthField(label=_("Month"), required=False)

    def __init__(self, data=None, *, units=(), campaigns=(), audiences=(), months=(), **kwargs):
        super().__init__(data, **kwargs)
        self.fields["unit"].choices = [("", _("All areas")), *((unit.slug, unit.full_name) for unit in units)]
        self.fields["campaign"].choices = [
            ("", _("All campaigns")),
            *((campaign.slug, campaign.title) for campaign in campaigns),
        ]
        self.fields["audience"].choices = [
            ("", _("Everyone")),
            *((audience.slug, audience.label) for audience in audiences),
        ]
        self.fields["month"].choices = [
            ("", _("Any month")),
            *((f"{month:%Y-%m}", f"{month.month}/{month.year}") for month in months),
        ]

    @property
    def data_or_empty(self) -> dict:
        return getattr(self, "cleaned_data", {})

    @property
    def period(self) -> str:
        """Upcoming by default; a month chosen alone shows that whole month."""
        chosen = self.data_or_empty.get("when")
        if chosen:
            return chosen
        return "all" if self.data_or_empty.get("month") else "upcoming"

    @property
    def ignored(self) -> list[str]:
        return [str(self.fields[name].label) for name in self.errors if name in self.fields]


def card_queryset(queryset):
    """Events with what a card shows joined or prefetched."""
    return queryset.select_related("commune", "organiser").prefetch_related(
        Prefetch("audiences", queryset=Audience.objects.order_by("sort_order", "name"))
    )


def attach_campaigns(events, campaigns) -> None:
    """Each event's campaign, from one list read beforehand (no query per card)."""
    by_path = {campaign.path: campaign for campaign in campaigns}
    for event in events:
        event.listed_campaign = by_path.get(event.path[: -EventPage.steplen])


def filtered_events(index, form: EventFilterForm, campaigns):
    data, now = form.data_or_empty, timezone.now()
    events = index.get_events()
    if data.get("unit"):
        events = events.filter(commune__slug=data["unit"])
    if data.get("campaign"):
        chosen = next((campaign for campaign in campaigns if campaign.slug == data["campaign"]), None)
        events = events.filter(path__startswith=chosen.path) if chosen else events
    if data.get("audience"):
        events = events.filter(audiences__slug=data["audience"])
    if data.get("month"):
        first, last = month_bounds(data["month"])
        events = events.filter(start_day__lte=last, end_day__gte=first)
    if form.period == "upcoming":
        return events.filter(finishes_at__gte=now).order_by("starts_at", "pk")
    if form.period == "past":
        return events.filter(finishes_at__lt=now).order_by("-starts_at", "-pk")
    return events.order_by("starts_at", "pk")


def event_listing(request, index) -> dict:
    campaigns = list(index.get_campaigns())
    events = index.get_events()
    units = AdminUnit.objects.filter(pk__in=events.values("commune_id")).order_by("name")
    audiences = Audience.objects.filter(pk__in=events.values("audiences__id"))
    months = sorted(set(events.dates("start_day", "month")) | set(events.dates("end_day", "month")))
    form = EventFilterForm(
        request.GET or None, units=units, campaigns=campaigns, audiences=audiences, months=months
    )
    form.is_valid()
    queryset = card_queryset(filtered_events(index, form, campaigns)).distinct()
    paginator = Paginator(queryset, PAGE_SIZE)
    page = paginator.get_page(request.GET.get("page"))
    attach_campaigns(page.object_list, campaigns)
    return {
        "filter_form": form,
        "ignored_filters": form.ignored,
        "when": form.period,
        "events": page.object_list,
        "page_obj": page,
        "paginator": paginator,
        "campaigns": campaigns,
        "calendar_url": index.calendar_url(request),
    }


def upcoming_events(index, limit: int = 4) -> list:
    events = index.get_events().filter(finishes_at__gte=timezone.now()).order_by("starts_at", "pk")
    return list(card_queryset(events)[:limit])


def month_calendar(request, index, first: datetime.date) -> dict:
    """The weeks of the month (Monday first), each day with the events held on it."""
    first, last = month_bounds(first)
    events = list(
        card_queryset(index.get_events().filter(start_day__lte=last, end_day__gte=first)).order_by(
            "starts_at", "pk"
        )
    )
    by_day: dict[datetime.date, list] = {}
    for event in events:
        day = max(event.start_day, first)
        while day <= min(event.end_day, last):
            by_day.setdefault(day, []).append(event)
            day += datetime.timedelta(days=1)
    weeks = [
        [{"date": day, "in_month": day.month == first.month, "events": by_day.get(day, [])} for day in week]
        for week in calendar.Calendar(firstweekday=0).monthdatescalendar(first.year, first.month)
    ]
    previous = (first - datetime.timedelta(days=1)).replace(day=1)
    following = last + datetime.timedelta(days=1)
    return {
        "month": first,
        "weeks": weeks,
        "month_events": events,
        "today": timezone.localdate(),
        "previous_month_url": index.calendar_url(request, previous)
        if valid_month(previous.year, previous.month)
        else "",
        "next_month_url": index.calendar_url(request, following)
        if valid_month(following.year, following.month)
        else "",
        "listing_url": index.get_url(request),
    }
