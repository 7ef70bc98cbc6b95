"""Pure calculations behind the dashboard: the province's value, the status against the target,
and figures carried across the 2025 reform. No database access here, so each rule is testable
with hand-computed numbers.
"""

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

REFORM_YEAR = 2025
SUB_PROVINCE_LEVELS = ("district", "commune")


@dataclass(frozen=True)
class Row:
    """One measurement, reduced to what the calculations need."""

    unit_id: int
    level: str
    year: int
    value: Decimal
    numerator: int | None = None
    denominator: int | None = None

    @property
    def has_fraction(self) -> bool:
        return self.numerator is not None and bool(self.denominator)


@dataclass(frozen=True)
class ProvinceValue:
    value: Decimal
    method: str  # "sum": from summed numerators/denominators; "entered": the province's own row
    units: int = 0  # how many units were summed


def rate(numerator: int, denominator: int) -> Decimal:
    return (Decimal(100 * numerator) / Decimal(denominator)).quantize(Decimal("0.01"), ROUND_HALF_UP)


def province_value(
    aggregation: str, measured_at: str, rows: Iterable[Row], expected_units: int | None = None
) -> ProvinceValue | None:
    """The province's value for one year.

    For a summed indicator: the sum of the units' numerators over the sum of their denominators,
    at the level the indicator is measured at (communes once districts are gone), when every row
    of that level has both and, if ``expected_units`` is given, every unit reported. Otherwise the
    value entered for the province itself. ``method`` says which.
    """
    rows = list(rows)
    entered = [row for row in rows if row.level == "province"]
    if aggregation == "sum":
        by_level: dict[str, list[Row]] = defaultdict(list)
        for row in rows:
            if row.level in SUB_PROVINCE_LEVELS:
                by_level[row.level].append(row)
        for level in (measured_at, *SUB_PROVINCE_LEVELS):
            units = by_level.get(level)
            if not units:
                continue
            complete = expected_units is None or len(units) >= expected_units
            if all(row.has_fraction for row in units) and (complete or not entered):
                numerator = sum(row.numerator for row in units)
                denominator = sum(row.denominator for row in units)
                return ProvinceValue(rate(numerator, denominator), "sum", len(units))
            break
    if entered:
        return ProvinceValue(Decimal(entered[-1].value), "entered")
    return None


def meets(value: Decimal, target: Decimal, direction: str = "higher") -> bool:
    return value <= target if direction == "lower" else value >= target


def next_target(
    latest_year: int, target_2025: Decimal | None, target_2030: Decimal | None
) -> tuple[int, Decimal] | None:
    """The 2025 target until 2025 (when there is one), the 2030 target after."""
    if latest_year <= REFORM_YEAR and target_2025 is not None:
        return REFORM_YEAR, target_2025
    if target_2030 is not None:
        return 2030, target_2030
    return None


ACHIEVED, ON_TRACK, AT_RISK, NO_DATA = "achieved", "on_track", "at_risk", "no_data"


def status(
    points: Mapping[int, Decimal],
    target_2025: Decimal | None,
    target_2030: Decimal | None,
    direction: str = "higher",
) -> str:
    """Achieved when the latest value meets the next target; on track when the straight line
    through the last two years reaches it by its year; at risk otherwise."""
    if not points:
        return NO_DATA
    years = sorted(points)
    latest = years[-1]
    target = next_target(latest, target_2025, target_2030)
    if target is None:
        return NO_DATA
    target_year, target_value = target
    if meets(Decimal(points[latest]), Decimal(target_value), direction):
        return ACHIEVED
    if len(years) < 2:
        return AT_RISK
    before = years[-2]
    slope = (Decimal(points[latest]) - Decimal(points[before])) / Decimal(latest - before)
    projected = Decimal(points[latest]) + slope * (target_year - latest)
    return ON_TRACK if meets(projected, Decimal(target_value), direction) else AT_RISK


def carry_over(rows: Mapping[int, Row], predecessors: Mapping[int, list[int]]) -> dict[int, Row]:
    """Figures of the units that replaced others, from their predecessors' figures.

    The one rule: a successor's rate is the sum of its predecessors' numerators over the sum of
    their denominators, when every predecessor has both. Where that is not so, nothing is carried
    and the predecessors' figures stay history.
    """
    carried = {}
    for successor_id, predecessor_ids in predecessors.items():
        parts = [rows.get(unit_id) for unit_id in predecessor_ids]
        if not parts or any(part is None or not part.has_fraction for part in parts):
            continue
        numerator = sum(part.numerator for part in parts)
        denominator = sum(part.denominator for part in parts)
        carried[successor_id] = Row(
            successor_id, "commune", parts[0].year, rate(numerator, denominator), numerator, denominator
        )
    return carried
