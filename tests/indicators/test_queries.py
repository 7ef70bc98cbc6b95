"""How many SQL queries the indicators dashboard takes: few, and the same for two indicators or twelve."""

import pytest

from tests.indicators.factories import (
    DistrictFactory,
    IndicatorFactory,
    MeasurementFactory,
    ProvinceFactory,
    make_dashboard,
)
from tests.queries import LISTING_QUERIES, listing_counts

pytestmark = pytest.mark.django_db


def test_the_dashboard_takes_a_bounded_number_of_queries_for_two_indicators_or_twelve(client, home):
    dashboard = make_dashboard(home)
    ProvinceFactory()
    districts = [DistrictFactory() for _ in range(3)]

    def add(count):
        for _ in range(count):
            indicator = IndicatorFactory()
            for unit in districts:
                MeasurementFactory(indicator=indicator, unit=unit, year=2024)

    few, many = listing_counts(client, dashboard.url, add)

    assert many <= LISTING_QUERIES
    assert few == many
