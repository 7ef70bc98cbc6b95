"""What the dashboard shows, read with a fixed number of queries however many units report.

Each indicator gets the province's series (with how each value was made), its status, a chart
drawn here as SVG coordinates, and the units of one year ranked.
"""

import datetime
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.utils.translation import gettext_lazy as _

from portal.core.models import AdminUnit
from portal.core.text import sort_key
from portal.indicators import computation
from portal.indicators.computation import ProvinceValue, Row
from portal.indicators.models.data import FIRST_YEAR, LAST_YEAR, Indicator, Measurement, unit_valid_in_year

CHART_WIDTH, CHART_HEIGHT, CHART_PAD = 600, 240, 40
STATUS_LABELS = {
    computation.ACHIEVED: _("Achieved"),
    computation.ON_TRACK: _("On track"),
    computation.AT_RISK: _("At risk"),
    computation.NO_DATA: _("No data yet"),
}


@dataclass
class UnitFigure:
    unit: AdminUnit
    value: Decimal
    numerator: int | None
    denominator: int | None
    successors: list[AdminUnit] = field(default_factory=list)


@dataclass
class CarriedFigure:
    """A unit made by the 2025 reform, with the rate its predecessors reached before it."""

    unit: AdminUnit
    year: int
    carried: Row
    predecessors: list[AdminUnit]
    own: Measurement | None  # the unit's own latest figure, to compare


@dataclass
class IndicatorView:
    indicator: Indicator
    series: dict[int, ProvinceValue]
    status: str
    ranked_year: int | None
    ranked: list[UnitFigure]
    chart: dict
    carried: list[CarriedFigure] = field(default_factory=list)

    @property
    def status_label(self) -> str:
        return STATUS_LABELS[self.status]

    @property
    def latest(self) -> tuple[int, ProvinceValue] | None:
        if not self.series:
            return None
        year = max(self.series)
        return year, self.series[year]

    @property
    def next_target(self):
        latest = self.latest
        return computation.next_target(
            latest[0] if latest else datetime.date.today().year,
            self.indicator.target_2025,
            self.indicator.target_2030,
        )


def _x(year: int) -> float:
    return CHART_PAD + (year - FIRST_YEAR) * (CHART_WIDTH - 2 * CHART_PAD) / (LAST_YEAR - FIRST_YEAR)


def chart(indicator: Indicator, series: dict[int, ProvinceValue]) -> dict:
    """Coordinates of the province's line and the two targets, in a 600 × 240 view box."""
    top = Decimal(100) if indicator.is_percent else max([Decimal(1), *(v.value for v in series.values())])

    # Coordinates are text: numbers would be localised ("40,5") in the Vietnamese interface.
    def y(value) -> str:
        return (
            f"{CHART_HEIGHT - CHART_PAD - float(Decimal(value) / top) * (CHART_HEIGHT - 2 * CHART_PAD):.1f}"
        )

    def x(year: int) -> str:
        return f"{_x(year):.1f}"

    points = [
        {"x": x(year), "y": y(v.value), "year": year, "value": v.value} for year, v in sorted(series.items())
    ]
    targets = [
        {"x": x(year), "y": y(value), "year": year, "value": value}
        for year, value in ((2025, indicator.target_2025), (2030, indicator.target_2030))
        if value is not None
    ]
    return {
        "width": CHART_WIDTH,
        "height": CHART_HEIGHT,
        "points": points,
        "polyline": " ".join(f"{p['x']},{p['y']}" for p in points),
        "targets": targets,
        "years": [{"x": x(year), "year": year} for year in range(FIRST_YEAR, LAST_YEAR + 1)],
        "axis": [{"y": y(top * k / 4), "label": top * k / 4} for k in range(5)],
        "baseline": CHART_HEIGHT - CHART_PAD,
        "year_labels": CHART_HEIGHT - CHART_PAD + 18,
        "left": CHART_PAD,
        "axis_labels": CHART_PAD - 6,
        "right": CHART_WIDTH - CHART_PAD,
    }


def _reform_links(
    units: list[AdminUnit],
) -> tuple[dict[int, list[AdminUnit]], dict[AdminUnit, list[AdminUnit]]]:
    """From the 2025 reform's links (one query): each old unit's successors — a district's are its
    own or else the units its communes went into — and each new unit's predecessors."""
    by_id = {unit.pk: unit for unit in units}
    successors: dict[int, dict[int, AdminUnit]] = defaultdict(dict)
    predecessors: dict[AdminUnit, list[AdminUnit]] = defaultdict(list)
    for link in AdminUnit.successors.through.objects.all():
        old, new = by_id.get(link.from_adminunit_id), by_id.get(link.to_adminunit_id)
        if old is None or new is None:
            continue  # the province's own succession is not a ranking matter
        successors[old.pk][new.pk] = new
        if old.parent_id:
            successors[old.parent_id][new.pk] = new
        predecessors[new].append(old)
    ordered = {
        unit_id: sorted(found.values(), key=lambda u: sort_key(u.name))
        for unit_id, found in successors.items()
    }
    return ordered, predecessors


def build(year: int | None = None) -> list[IndicatorView]:
    """Every indicator's view; ``year`` fixes the ranked year and ends the series (yearly report)."""
    indicators = list(Indicator.objects.all())
    measurements = Measurement.objects.select_related("unit").order_by("year", "unit__valid_from")
    if year is not None:
        measurements = measurements.filter(year__lte=year)
    units = [unit for unit in AdminUnit.objects.exclude(level=AdminUnit.Level.PROVINCE)]
    successors, predecessors = _reform_links(units)
    by_indicator: dict[int, list[Measurement]] = defaultdict(list)
    for measurement in measurements:
        by_indicator[measurement.indicator_id].append(measurement)
    views = []
    for indicator in indicators:
        view = _view(indicator, by_indicator[indicator.pk], units, successors, year)
        view.carried = _carried(by_indicator[indicator.pk], predecessors)
        views.append(view)
    return views


def _carried(measurements: list[Measurement], predecessors: dict) -> list[CarriedFigure]:
    """The last year before the reform, carried to each new unit by the one rule of
    ``computation.carry_over`` (summed numerators over summed denominators)."""
    before = [m for m in measurements if m.year < computation.REFORM_YEAR and m.unit.level != "province"]
    if not before or not predecessors:
        return []
    year = max(m.year for m in before)
    rows = {m.unit_id: _row(m) for m in before if m.year == year}
    carried = computation.carry_over(
        rows, {unit.pk: [p.pk for p in units] for unit, units in predecessors.items()}
    )
    latest: dict[int, Measurement] = {}
    for m in measurements:
        if m.unit_id in carried and m.year >= computation.REFORM_YEAR:
            latest[m.unit_id] = m  # measurements come ordered by year
    figures = [
        CarriedFigure(
            unit, year, carried[unit.pk], sorted(units, key=lambda u: sort_key(u.name)), latest.get(unit.pk)
        )
        for unit, units in predecessors.items()
        if unit.pk in carried
    ]
    return sorted(figures, key=lambda figure: sort_key(figure.unit.name))


def _row(m: Measurement) -> Row:
    return Row(m.unit_id, m.unit.level, m.year, m.value, m.numerator, m.denominator)


def _expected(units: list[AdminUnit], level: str, year: int) -> int:
    return sum(1 for unit in units if unit.level == level and unit_valid_in_year(unit, year))


def _view(indicator, measurements, units, successors, year) -> IndicatorView:
    rows_by_year: dict[int, list[Row]] = defaultdict(list)
    for m in measurements:
        rows_by_year[m.year].append(_row(m))
    series = {}
    for row_year, rows in sorted(rows_by_year.items()):
        levels = {row.level for row in rows if row.level != "province"}
        level = indicator.measured_at if indicator.measured_at in levels else next(iter(sorted(levels)), None)
        expected = _expected(units, level, row_year) if level else None
        value = computation.province_value(indicator.aggregation, indicator.measured_at, rows, expected)
        if value is not None:
            series[row_year] = value
    status = computation.status(
        {y: v.value for y, v in series.items()},
        indicator.target_2025,
        indicator.target_2030,
        indicator.direction,
    )
    local = [m for m in measurements if m.unit.level != AdminUnit.Level.PROVINCE]
    ranked_year = year if year is not None else max((m.year for m in local), default=None)
    # One level per ranking: in 2025 both the old districts and the new communes report.
    levels = {m.unit.level for m in local if m.year == ranked_year}
    ranked_level = (
        indicator.measured_at if indicator.measured_at in levels else next(iter(sorted(levels)), None)
    )
    reverse = indicator.direction == Indicator.Direction.HIGHER
    ranked = sorted(
        (
            UnitFigure(m.unit, m.value, m.numerator, m.denominator, successors.get(m.unit_id, []))
            for m in local
            if m.year == ranked_year and m.unit.level == ranked_level
        ),
        key=lambda figure: (-figure.value if reverse else figure.value, sort_key(figure.unit.name)),
    )
    return IndicatorView(indicator, series, status, ranked_year, ranked, chart(indicator, series))


def recognitions(year: int | None = None) -> dict:
    """Learning titles recognised across the province, by title and year (one query)."""
    from django.db.models import Sum

    from portal.indicators.models.data import Recognition

    totals = Recognition.objects.values("title", "year").annotate(total=Sum("count")).order_by("year")
    if year is not None:
        totals = totals.filter(year__lte=year)
    years, table = [], defaultdict(dict)
    for row in totals:
        if row["year"] not in years:
            years.append(row["year"])
        table[row["title"]][row["year"]] = row["total"]
    rows = [
        {"label": label, "counts": [table[title].get(y) for y in years]}
        for title, label in Recognition.Title.choices
        if title in table
    ]
    return {"years": years, "rows": rows}
