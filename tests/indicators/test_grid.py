"""Entering a year's figures for one indicator across its units, on one admin screen."""

import datetime
from decimal import Decimal

import pytest
from django.contrib.auth import get_user_model
from wagtail.models import ModelLogEntry

from portal.indicators.models import Measurement
from tests.factories import AdminUnitFactory
from tests.indicators.factories import DistrictFactory, IndicatorFactory, MeasurementFactory, ProvinceFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def units():
    return {
        "province": ProvinceFactory(),
        "dai-tu": DistrictFactory(name="Đại Từ"),
        "phu-binh": DistrictFactory(name="Phú Bình"),
        "new": AdminUnitFactory(name="Quân Chu", valid_from=datetime.date(2025, 7, 1)),
    }


def grid_url(indicator, year):
    return f"/admin/indicators/grid/?indicator={indicator.code}&year={year}"


def fields(unit, **values):
    return {f"u{unit.pk}-{name}": value for name, value in values.items()}


def test_the_grid_lists_the_units_of_the_year_at_the_indicators_level(client, clerk, units):
    indicator = IndicatorFactory()
    before = client.get(grid_url(indicator, 2024), HTTP_ACCEPT_LANGUAGE="vi").content.decode()
    assert "Huyện Đại Từ" in before and "Huyện Phú Bình" in before and "Tỉnh Thái Nguyên" in before
    assert "Quân Chu" not in before
    after = client.get(grid_url(indicator, 2026)).content.decode()
    assert "Xã Quân Chu" in after and "Đại Từ" not in after  # the districts are gone by 2026


def test_a_rate_entered_as_numerator_and_denominator_is_saved_with_who_entered_it(client, clerk, units):
    indicator = IndicatorFactory()
    data = fields(units["dai-tu"], numerator="45", denominator="150", source="Báo cáo năm 2024")
    response = client.post(grid_url(indicator, 2024), data)
    assert response.status_code == 302
    measurement = Measurement.objects.get()
    assert (measurement.value, measurement.entered_by) == (Decimal("30.00"), clerk)
    page = client.get(response["Location"]).content.decode()
    assert "Đã cập nhật 1 số liệu năm 2024." in page
    entry = ModelLogEntry.objects.get(action="wagtail.create")
    assert entry.user == clerk and entry.data["changes"]["numerator"] == [None, "45"]


def test_one_wrong_row_saves_nothing_and_says_where(client, clerk, units):
    indicator = IndicatorFactory()
    data = {
        **fields(units["dai-tu"], value="45"),
        **fields(units["phu-binh"], value="120"),
    }
    html = client.post(grid_url(indicator, 2024), data, HTTP_ACCEPT_LANGUAGE="vi").content.decode()
    assert not Measurement.objects.exists()
    assert "Chưa lưu số liệu nào" in html
    wrong = html[html.index("Huyện Phú Bình") :]
    assert "Tỷ lệ phần trăm phải từ 0 đến 100." in wrong[: wrong.index("</tr>")]
    assert 'value="45"' in html  # what was typed in the other row is kept


def test_clearing_a_row_removes_its_figure_and_the_history_keeps_it(client, clerk, units):
    indicator = IndicatorFactory()
    MeasurementFactory(indicator=indicator, unit=units["dai-tu"], year=2024, numerator=30, denominator=100)
    client.post(grid_url(indicator, 2024), fields(units["dai-tu"], value="", numerator="", denominator=""))
    assert not Measurement.objects.exists()
    entry = ModelLogEntry.objects.get(action="wagtail.delete")
    assert entry.data["changes"]["value"][0] == "30.00" and "Đại Từ" in entry.label


def test_unchanged_rows_are_not_rewritten(client, clerk, units):
    indicator = IndicatorFactory()
    MeasurementFactory(indicator=indicator, unit=units["dai-tu"], year=2024, numerator=30, denominator=100)
    stamp = Measurement.objects.get().entered_at
    client.post(
        grid_url(indicator, 2024), fields(units["dai-tu"], value="30.00", numerator="30", denominator="100")
    )
    assert Measurement.objects.get().entered_at == stamp
    assert not ModelLogEntry.objects.filter(action__in=["wagtail.edit", "wagtail.create"]).exists()


def test_only_the_data_entry_role_reaches_the_grid(client, units):
    client.force_login(get_user_model().objects.create_user("khach", password="x", is_staff=True))
    indicator = IndicatorFactory()
    assert client.get(grid_url(indicator, 2024)).status_code in (302, 403)


def test_the_centres_indicator_is_filled_from_the_centres_pages_and_saved_only_on_request(
    client, clerk, units, home
):
    from tests.centres.factories import CentreFactory, CentreIndexPageFactory

    indicator = IndicatorFactory(code="tthtcd-cong-nghe-thong-tin", measured_at="commune")
    index = CentreIndexPageFactory(parent=home)
    CentreFactory(parent=index, commune=units["new"], uses_it=True)
    CentreFactory(parent=index, commune=units["new"], uses_it=False)
    html = client.get(grid_url(indicator, 2026) + "&fill=1").content.decode()
    row = html[html.index("Xã Quân Chu") :]
    row = row[: row.index("</tr>")]
    assert 'value="1"' in row and 'value="2"' in row and 'value="50.00"' in row
    assert not Measurement.objects.exists()  # only a suggestion until saved
    assert "Điền từ trang của các trung tâm" in client.get(grid_url(indicator, 2026)).content.decode()
