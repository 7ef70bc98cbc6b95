"""The dashboard's rules, checked against figures worked out by hand."""

from decimal import Decimal

from portal.indicators import computation
from portal.indicators.computation import Row


def test_province_rate_is_the_sum_of_numerators_over_the_sum_of_denominators():
    # 30/100 and 90/200: (30 + 90) / (100 + 200) = 40%, not the mean of 30% and 45% (37.5%).
    rows = [
        Row(1, "district", 2024, Decimal(30), 30, 100),
        Row(2, "district", 2024, Decimal(45), 90, 200),
        Row(9, "province", 2024, Decimal("38.00")),
    ]
    value = computation.province_value("sum", "district", rows, expected_units=2)
    assert value.value == Decimal("40.00")
    assert value.method == "sum"
    assert value.units == 2


def test_province_row_is_used_when_units_are_missing_or_the_value_is_entered():
    rows = [Row(1, "district", 2024, Decimal(30), 30, 100), Row(9, "province", 2024, Decimal("38.5"))]
    incomplete = computation.province_value("sum", "district", rows, expected_units=9)
    assert (incomplete.value, incomplete.method) == (Decimal("38.5"), "entered")
    entered = computation.province_value("entered", "province", rows)
    assert (entered.value, entered.method) == (Decimal("38.5"), "entered")
    assert computation.province_value("entered", "province", rows[:1]) is None


def test_status_achieved_on_track_and_at_risk():
    t25, t30 = Decimal(60), Decimal(70)
    assert computation.status({2023: Decimal(55), 2024: Decimal(61)}, t25, t30) == "achieved"
    # 50 → 55 in a year: 60 by 2025, on track.
    assert computation.status({2023: Decimal(50), 2024: Decimal(55)}, t25, t30) == "on_track"
    # 50 → 52: 54 by 2025, at risk.
    assert computation.status({2023: Decimal(50), 2024: Decimal(52)}, t25, t30) == "at_risk"
    assert computation.status({}, t25, t30) == "no_data"


def test_after_2025_the_2030_target_counts():
    t25, t30 = Decimal(60), Decimal(70)
    # 65 in 2026 meets the 2025 target but not the 2030 one; +2 a year reaches 73 by 2030.
    assert computation.next_target(2026, t25, t30) == (2030, t30)
    assert computation.status({2025: Decimal(63), 2026: Decimal(65)}, t25, t30) == "on_track"
    assert computation.status({2025: Decimal(64), 2026: Decimal(65)}, t25, t30) == "at_risk"
    assert computation.status({2030: Decimal(71)}, t25, t30) == "achieved"


def test_lower_is_better_indicators():
    assert computation.status({2024: Decimal(4)}, Decimal(5), Decimal(3), "lower") == "achieved"


def test_figures_carried_to_a_successor_only_where_every_predecessor_has_a_fraction():
    rows = {
        1: Row(1, "commune", 2025, Decimal(20), 20, 100),
        2: Row(2, "commune", 2025, Decimal(50), 150, 300),
        3: Row(3, "commune", 2025, Decimal(40)),
    }
    carried = computation.carry_over(rows, {10: [1, 2], 11: [1, 3]})
    assert carried[10].value == Decimal("42.50")  # (20 + 150) / (100 + 300)
    assert (carried[10].numerator, carried[10].denominator) == (170, 400)
    assert 11 not in carried  # unit 3 has no numerator: its figure stays history
