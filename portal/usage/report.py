"""What the usage report shows, for a year and optionally one organisation, in a fixed number of
queries. Names are looked up by key when shown, so a renamed subject or organisation shows its
current name; searches appear only for phrases that enough people searched (see ``people.py``)."""

import datetime
from dataclasses import dataclass, field

from django.conf import settings
from django.db.models import Max, Sum
from django.utils.translation import gettext as _

from portal.core.models import Language, Subject
from portal.organisations.models import Organisation
from portal.resources.models import LearningResourcePage
from portal.usage.models import Dimension, SearchCount, SearchWording, UsageCount

TOP = 20
CHART_WIDTH, CHART_HEIGHT, CHART_LEFT, CHART_PAD = 640, 260, 56, 28


@dataclass
class Row:
    label: str
    views: int = 0
    downloads: int = 0
    url: str = ""


@dataclass
class SearchRow:
    phrase: str
    searches: int
    no_results: int
    people: int


@dataclass
class Report:
    year: int
    organisation: Organisation | None
    months: list[Row]
    resources: list[Row]
    organisations: list[Row]
    subjects: list[Row]
    languages: list[Row]
    frequent_searches: list[SearchRow] = field(default_factory=list)
    searches_without_result: list[SearchRow] = field(default_factory=list)
    shows_searches: bool = False

    @property
    def total_views(self) -> int:
        return sum(row.views for row in self.months)

    @property
    def total_downloads(self) -> int:
        return sum(row.downloads for row in self.months)

    @property
    def chart(self) -> dict:
        return chart(self.months)


def _year_rows(year: int, organisation: Organisation | None):
    rows = UsageCount.objects.filter(
        month__gte=datetime.date(year, 1, 1), month__lte=datetime.date(year, 12, 1)
    )
    return rows.filter(scope=organisation.slug) if organisation is not None else rows


def _totals(rows, dimension: str, limit: int | None = TOP) -> list[dict]:
    totals = (
        rows.filter(dimension=dimension)
        .order_by()
        .values("key")
        .annotate(views=Sum("views"), downloads=Sum("downloads"))
        .order_by("-views", "-downloads", "key")
    )
    return list(totals[:limit] if limit else totals)


def month_label(number: int) -> str:
    return _("Month %(number)s") % {"number": number}


def _months(rows) -> list[Row]:
    by_month = {
        item["month"].month: item
        for item in rows.filter(dimension=Dimension.RESOURCE)
        .order_by()
        .values("month")
        .annotate(views=Sum("views"), downloads=Sum("downloads"))
    }
    return [
        Row(
            month_label(number),
            by_month.get(number, {}).get("views", 0),
            by_month.get(number, {}).get("downloads", 0),
        )
        for number in range(1, 13)
    ]


def _resources(rows, request) -> list[Row]:
    totals = _totals(rows, Dimension.RESOURCE)
    ids = [int(item["key"]) for item in totals if item["key"].isdigit()]
    pages = {page.pk: page for page in LearningResourcePage.objects.filter(pk__in=ids)}
    result = []
    for item in totals:
        page = pages.get(int(item["key"])) if item["key"].isdigit() else None
        label = page.title if page else _("Deleted resource (no. %(key)s)") % {"key": item["key"]}
        url = (page.get_url(request) or "") if page else ""
        result.append(Row(label, item["views"], item["downloads"], url))
    return result


def _named(rows, dimension: str, names: dict[str, str]) -> list[Row]:
    return [
        Row(names.get(item["key"], item["key"]), item["views"], item["downloads"])
        for item in _totals(rows, dimension, limit=None)
    ]


def _searches(year: int) -> tuple[list[SearchRow], list[SearchRow]]:
    """Phrases at least ``USAGE_SEARCH_MIN_PEOPLE`` people searched within one month of the year,
    each shown as most people wrote it; figures from those months only."""
    shown = SearchCount.objects.filter(month__year=year, people__gte=settings.USAGE_SEARCH_MIN_PEOPLE)
    totals = list(
        shown.order_by()
        .values("phrase")
        .annotate(searches=Sum("searches"), no_results=Sum("no_results"), people=Max("people"))
    )
    frequent = sorted(totals, key=lambda item: (-item["searches"], item["phrase"]))[:TOP]
    empty = sorted(
        (item for item in totals if item["no_results"]),
        key=lambda item: (-item["no_results"], item["phrase"]),
    )[:TOP]
    phrases = {item["phrase"] for item in frequent + empty}
    writings: dict[str, tuple[int, str]] = {}
    for item in (
        SearchWording.objects.filter(search__in=shown, search__phrase__in=phrases)
        .order_by()
        .values("search__phrase", "text")
        .annotate(count=Sum("count"))
    ):
        best = writings.get(item["search__phrase"])
        if best is None or (item["count"], item["text"]) > best:
            writings[item["search__phrase"]] = (item["count"], item["text"])

    def row(item) -> SearchRow:
        text = writings.get(item["phrase"], (0, item["phrase"]))[1]
        return SearchRow(text, item["searches"], item["no_results"], item["people"])

    return [row(item) for item in frequent], [row(item) for item in empty]


def build(request, year: int, organisation: Organisation | None, shows_searches: bool) -> Report:
    rows = _year_rows(year, organisation)
    organisations = dict(Organisation.objects.values_list("slug", "name"))
    subjects = {subject.slug: subject.label for subject in Subject.objects.all()}
    languages = {language.slug: language.label for language in Language.objects.all()}
    report = Report(
        year=year,
        organisation=organisation,
        months=_months(rows),
        resources=_resources(rows, request),
        organisations=_named(rows, Dimension.ORGANISATION, organisations),
        subjects=_named(rows, Dimension.SUBJECT, subjects),
        languages=_named(rows, Dimension.LANGUAGE, languages),
        shows_searches=shows_searches,
    )
    if shows_searches:
        report.frequent_searches, report.searches_without_result = _searches(year)
    return report


def years_with_figures() -> list[int]:
    this_year = datetime.date.today().year
    years = {day.year for day in UsageCount.objects.dates("month", "year")} | {this_year}
    return sorted(years, reverse=True)


def chart(months: list[Row]) -> dict:
    """Bars of views and downloads per month; coordinates as text (numbers would be localised)."""
    top = max([1, *(row.views for row in months), *(row.downloads for row in months)])
    step = 10 ** max(len(str(top)) - 1, 0)
    top = -(-top // step) * step  # rounded up to a readable axis
    plot_height = CHART_HEIGHT - 2 * CHART_PAD
    slot = (CHART_WIDTH - CHART_LEFT - CHART_PAD) / len(months)
    bar = slot * 0.36

    def height(value: int) -> float:
        return value / top * plot_height

    bars = []
    for index, row in enumerate(months):
        x = CHART_LEFT + index * slot + slot * 0.14
        for offset, value, kind in ((0, row.views, "views"), (bar, row.downloads, "downloads")):
            bars.append(
                {
                    "kind": kind,
                    "x": f"{x + offset:.1f}",
                    "y": f"{CHART_HEIGHT - CHART_PAD - height(value):.1f}",
                    "width": f"{bar:.1f}",
                    "height": f"{height(value):.1f}",
                }
            )
    return {
        "width": CHART_WIDTH,
        "height": CHART_HEIGHT,
        "bars": bars,
        "labels": [
            {"x": f"{CHART_LEFT + (index + 0.5) * slot:.1f}", "text": str(index + 1)}
            for index in range(len(months))
        ],
        "axis": [
            {"y": f"{CHART_HEIGHT - CHART_PAD - plot_height * k / 4:.1f}", "label": top * k // 4}
            for k in range(5)
        ],
        "left": CHART_LEFT,
        "right": CHART_WIDTH - CHART_PAD,
        "axis_labels": CHART_LEFT - 6,
        "month_labels": CHART_HEIGHT - CHART_PAD + 16,
    }
