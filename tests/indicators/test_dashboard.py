"""The public dashboard: figures, chart, ranking, exports, yearly report, English mirror."""

import csv
import datetime
import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from openpyxl import load_workbook

from portal.core.demo import mirror_in_other_languages
from portal.core.models import AdminUnit
from tests.factories import AdminUnitFactory
from tests.indicators.factories import (
    DistrictFactory,
    IndicatorFactory,
    MeasurementFactory,
    ProvinceFactory,
    make_dashboard,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def figures(home):
    """Two districts: 30/100 and 90/200 in 2024 (province 40%), 20/100 and 40/100 in 2023."""
    indicator = IndicatorFactory(name="Tỷ lệ người trong độ tuổi lao động được trang bị kỹ năng sống")
    first, second = DistrictFactory(name="Đại Từ"), DistrictFactory(name="Phú Bình")
    for unit, year, numerator, denominator in (
        (first, 2023, 20, 100),
        (second, 2023, 40, 100),
        (first, 2024, 30, 100),
        (second, 2024, 90, 200),
    ):
        MeasurementFactory(
            indicator=indicator, unit=unit, year=year, numerator=numerator, denominator=denominator
        )
    return indicator, make_dashboard(home)


def test_dashboard_shows_the_province_value_chart_and_status(client, figures):
    indicator, _dashboard = figures
    html = client.get("/chi-tieu/").content.decode()
    assert indicator.name in html
    assert 'role="img"' in html and "<title" in html and "<desc" in html
    assert "2024: 40" in html  # (30 + 90) / (100 + 200), in the chart's description
    assert "indicators-status--at_risk" in html  # 30% → 40%: 50% by 2025, short of 60%


def test_units_are_ranked_for_the_latest_year_with_their_successors(client, figures):
    _indicator, _ = figures
    district = AdminUnit.objects.get(name="Đại Từ")
    commune = AdminUnitFactory(parent=district, valid_until=datetime.date(2025, 6, 30))
    new = AdminUnitFactory(name="Đại Từ", kind="Xã", valid_from=datetime.date(2025, 7, 1))
    commune.successors.add(new)
    html = client.get("/chi-tieu/").content.decode()
    ranking = html[html.index("indicators-ranking") :]
    assert ranking.index("Phú Bình") < ranking.index("Huyện Đại Từ")  # 45% before 30%
    assert "→ Xã Đại Từ" in ranking


def test_csv_and_xlsx_exports_hold_the_figures_shown(client, figures):
    response = client.get("/chi-tieu/xuat/csv/")
    assert response["Content-Type"].startswith("text/csv")
    table = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert all(row[0].startswith("chi-tieu") for row in table[1:])
    assert any(row[3] == "2024" and row[4] == "40.00" for row in table)
    workbook = load_workbook(io.BytesIO(client.get("/chi-tieu/xuat/xlsx/").content))
    values = [row for row in workbook.active.iter_rows(values_only=True)]
    assert any(row[3] == 2024 and row[4] == 40.0 for row in values)
    assert client.get("/chi-tieu/xuat/pdf/").status_code == 404


def test_yearly_report_stops_at_its_year(client, figures):
    html = client.get("/chi-tieu/bao-cao/2023/").content.decode()
    assert "2023: 30" in html and "2024:" not in html
    assert client.get("/chi-tieu/bao-cao/1999/").status_code == 404


def test_the_dashboard_is_read_with_the_same_queries_for_10_or_100_units(client, home):
    indicator = IndicatorFactory()
    make_dashboard(home)
    ProvinceFactory()

    def queries_with(count):
        for _ in range(count - indicator.measurements.count()):
            MeasurementFactory(indicator=indicator, year=2024)
        with CaptureQueriesContext(connection) as captured:
            assert client.get("/chi-tieu/").status_code == 200
        return len(captured)

    client.get("/chi-tieu/")  # the site's and locales' caches are filled on the first request
    assert queries_with(10) == queries_with(100)


def test_the_dashboard_reads_in_english_under_en(client, figures):
    indicator, dashboard = figures
    from portal.core.demo import load_english_home

    load_english_home(dashboard.get_parent().specific, lambda *_: None)
    mirror_in_other_languages(dashboard.get_parent().specific, [dashboard], lambda *_: None)
    response = client.get("/en/chi-tieu/")
    assert response.status_code == 200
    assert indicator.name_en in response.content.decode()
