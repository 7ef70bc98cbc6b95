"""The home page's headline indicators and the data-entry role."""

from decimal import Decimal

import pytest
from django.contrib.auth.models import Permission

from portal.organisations.roles import INDICATOR_DATA_ENTRY, group_for, setup_roles
from tests.indicators.factories import DistrictFactory, IndicatorFactory, MeasurementFactory, make_dashboard

pytestmark = pytest.mark.django_db


def test_home_shows_the_latest_value_beside_the_next_target_and_links_to_the_dashboard(client, home):
    indicator = IndicatorFactory(
        name="Tỷ lệ công dân đạt danh hiệu công dân học tập", target_2025=Decimal(40)
    )
    district = DistrictFactory()
    MeasurementFactory(indicator=indicator, unit=district, year=2024, numerator=45, denominator=100)
    make_dashboard(home)
    html = client.get("/").content.decode()
    section = html[html.index('id="home-indicators"') :]
    assert indicator.name in section
    assert "45%" in section and "2024" in section
    assert "40%" in section and "2025" in section
    assert 'href="/chi-tieu/"' in section
    assert "indicators-status--achieved" in section


def test_after_2025_the_home_page_compares_with_the_2030_target(client, home):
    indicator = IndicatorFactory(target_2025=Decimal(40), target_2030=Decimal(60))
    commune = DistrictFactory(level="commune", valid_until=None, valid_from="2025-07-01")
    MeasurementFactory(indicator=indicator, unit=commune, year=2026, numerator=50, denominator=100)
    make_dashboard(home)
    section = client.get("/").content.decode().split('id="home-indicators"')[1]
    assert "60%" in section and "2030" in section
    assert "40%" not in section


def test_no_section_without_a_dashboard(client, home):
    IndicatorFactory()
    assert 'id="home-indicators"' not in client.get("/").content.decode()


def test_the_data_entry_role_may_add_and_change_measurements_only():
    setup_roles()
    group = group_for(INDICATOR_DATA_ENTRY)
    codenames = set(group.permissions.values_list("codename", flat=True))
    assert {"add_measurement", "change_measurement", "add_recognition", "change_recognition"} <= codenames
    assert "delete_measurement" not in codenames
    assert Permission.objects.filter(codename="change_indicator").exists()
    assert "change_indicator" not in codenames
