"""Measurements that cannot be right are refused with a clear message, before anything is saved."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command

from portal.indicators.models import Indicator, Measurement
from tests.indicators.factories import DistrictFactory, IndicatorFactory, MeasurementFactory

pytestmark = pytest.mark.django_db


def errors_of(measurement) -> dict:
    with pytest.raises(ValidationError) as raised:
        measurement.full_clean()
    return raised.value.message_dict


def test_a_consistent_measurement_is_accepted():
    MeasurementFactory.build(indicator=IndicatorFactory(), unit=DistrictFactory()).full_clean()


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"value": Decimal(120), "numerator": None, "denominator": None}, "value"),
        ({"numerator": 120, "denominator": 100, "value": Decimal(100)}, "numerator"),
        ({"year": 2031}, "year"),
        ({"value": Decimal(70)}, "value"),  # 50/100 is not 70%
    ],
)
def test_impossible_figures_are_refused(changes, field):
    measurement = MeasurementFactory.build(indicator=IndicatorFactory(), unit=DistrictFactory(), **changes)
    assert field in errors_of(measurement)


def test_a_unit_is_refused_for_a_year_it_did_not_exist():
    district = DistrictFactory(valid_until=datetime.date(2025, 6, 30))
    MeasurementFactory.build(indicator=IndicatorFactory(), unit=district, year=2025).full_clean()
    messages = errors_of(MeasurementFactory.build(indicator=IndicatorFactory(), unit=district, year=2026))
    assert "2026" in messages["unit"][0]


def test_load_indicators_seeds_every_target_of_the_plan_once():
    call_command("load_indicators")
    call_command("load_indicators")
    assert Indicator.objects.count() == 14
    skills = Indicator.objects.get(code="ky-nang-song")
    assert (skills.target_2025, skills.target_2030) == (Decimal(60), Decimal(70))
    assert Indicator.objects.get(code="dai-hoc-so").target_2030 == Decimal(100)
    assert Indicator.objects.get(code="tinh-hoc-tap").target_2025 is None
    assert not Measurement.objects.exists()
