"""The dashboard across the 2025 reform, against figures worked out by hand.

Old communes Ân (30/100), Bình (45/150) and Cao (80/200) report for 2024 and end on 30/6/2025.
Xuân is formed from Ân and Bình (a merge); Cao is split into Yên and Zang. The new communes report
for 2025 and 2026.
"""

import csv
import datetime
import io

import pytest

from portal.core.models import AdminUnit
from tests.factories import AdminUnitFactory
from tests.indicators.factories import IndicatorFactory, MeasurementFactory, make_dashboard

pytestmark = pytest.mark.django_db

OLD_UNTIL, NEW_FROM = datetime.date(2025, 6, 30), datetime.date(2025, 7, 1)


@pytest.fixture
def reform(home):
    indicator = IndicatorFactory(
        name="Tỷ lệ trung tâm học tập cộng đồng ứng dụng công nghệ thông tin",
        measured_at=AdminUnit.Level.COMMUNE,
    )
    old = {
        name: AdminUnitFactory(name=name, valid_from=datetime.date(2008, 8, 1), valid_until=OLD_UNTIL)
        for name in ("Ân", "Bình", "Cao")
    }
    new = {name: AdminUnitFactory(name=name, valid_from=NEW_FROM) for name in ("Xuân", "Yên", "Zang")}
    old["Ân"].successors.add(new["Xuân"])
    old["Bình"].successors.add(new["Xuân"])
    old["Cao"].successors.add(new["Yên"], new["Zang"])
    figures = [
        ("Ân", 2024, 30, 100),
        ("Bình", 2024, 45, 150),
        ("Cao", 2024, 80, 200),
        ("Xuân", 2025, 90, 250),
        ("Yên", 2025, 50, 100),
        ("Zang", 2025, 45, 100),
        ("Xuân", 2026, 150, 250),
        ("Yên", 2026, 70, 100),
        ("Zang", 2026, 60, 100),
    ]
    units = old | new
    for name, year, numerator, denominator in figures:
        MeasurementFactory(
            indicator=indicator, unit=units[name], year=year, numerator=numerator, denominator=denominator
        )
    make_dashboard(home)
    return indicator


def test_the_province_value_sums_old_units_before_and_new_units_after_the_reform(client, reform):
    html = client.get("/chi-tieu/").content.decode()
    assert "2024: 34,44%" in html or "2024: 34.44%" in html  # 155 / 450
    assert "2025: 41,11%" in html or "2025: 41.11%" in html  # 185 / 450
    assert "2026: 62,22%" in html or "2026: 62.22%" in html  # 280 / 450
    # 62.22% in 2026 is below the 70% of 2030, but +21.11 a year reaches it by then.
    assert "indicators-status--on_track" in html


def test_a_merged_unit_carries_its_predecessors_summed_rate_and_a_split_one_its_predecessors(client, reform):
    html = client.get("/chi-tieu/").content.decode()
    carried = html[html.index("số liệu năm 2024 chuyển sang") :]
    xuan = carried[carried.index("Xã Xuân") :]
    assert "Xã Ân, Xã Bình" in xuan[:200]
    assert "(75 / 250)" in xuan[:400]  # (30 + 45) / (100 + 150) = 30%
    assert "60%" in xuan[:600] and "(2026)" in xuan[:600]  # its own latest figure beside it
    for split in ("Xã Yên", "Xã Zang"):
        row = carried[carried.index(split) :][:400]
        assert "Xã Cao" in row and "(80 / 200)" in row  # each part keeps Cao's 40%


def test_the_export_holds_the_carried_figures_with_their_origin(client, reform):
    response = client.get("/chi-tieu/xuat/csv/")
    table = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    carried = {row[2]: row for row in table if row[7].startswith("chuyển từ")}
    assert set(carried) == {"Xã Xuân", "Xã Yên", "Xã Zang"}
    assert carried["Xã Xuân"][3:7] == ["2024", "30.00", "75", "250"]
    assert carried["Xã Yên"][4:7] == ["40.00", "80", "200"]
    assert "Xã Ân, Xã Bình" in carried["Xã Xuân"][7]
