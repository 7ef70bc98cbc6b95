"""The demo gives the dashboard figures for every district, a few new communes and recognitions."""

import pytest

from portal.core.demo import load_english_home, load_home
from portal.core.models import AdminUnit
from portal.core.reference_data import load_admin_units
from portal.indicators.demo import load_indicators_demo
from portal.indicators.models import Measurement, Recognition

pytestmark = pytest.mark.django_db


def test_demo_figures_are_loaded_once_and_shown(client):
    load_admin_units()
    home = load_home(lambda *_: None)
    load_english_home(home, lambda *_: None)
    load_indicators_demo(lambda *_: None)
    count = Measurement.objects.count()
    load_indicators_demo(lambda *_: None)
    assert Measurement.objects.count() == count
    districts = AdminUnit.objects.filter(level=AdminUnit.Level.DISTRICT)
    assert Measurement.objects.filter(unit__in=districts, year=2022).values("unit").distinct().count() == 9
    assert Measurement.objects.filter(unit__level=AdminUnit.Level.COMMUNE, year=2026).exists()
    assert Recognition.objects.filter(title=Recognition.Title.DISTRICT).exists()
    html = client.get("/chi-tieu/").content.decode()
    assert "indicators-status--at_risk" in html and "indicators-status--achieved" in html
    assert 'id="recognitions-title"' in html
    assert client.get("/en/chi-tieu/").status_code == 200
