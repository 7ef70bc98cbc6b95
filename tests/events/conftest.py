"""The events tree most tests need: home → events index → a campaign; the .ics address route."""

import pytest

from tests.events.factories import CampaignPageFactory, EventIndexPageFactory


@pytest.fixture
def index(home):
    return EventIndexPageFactory(parent=home)


@pytest.fixture
def campaign(index):
    return CampaignPageFactory(
        parent=index, title="Tuần lễ hưởng ứng học tập suốt đời 2026", slug="tuan-le-2026"
    )
