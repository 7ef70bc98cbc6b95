"""A small portal with one of each public page the fuzz tests send requests to."""

from dataclasses import dataclass
from io import StringIO

import pytest
from django.core.management import call_command

from tests.centres.factories import CentreClassFactory, CentreFactory, CentreIndexPageFactory
from tests.events.factories import CampaignPageFactory, EventIndexPageFactory
from tests.factories import SubjectFactory
from tests.indicators.factories import MeasurementFactory, make_dashboard
from tests.news.factories import NewsCategoryFactory, NewsIndexPageFactory, NewsPageFactory
from tests.registrations.factories import EventPageFactory, RegistrationFactory
from tests.resources.factories import (
    LearningResourcePageFactory,
    LibraryIndexPageFactory,
    OrganisationSectionPageFactory,
    ResourceFileFactory,
)


@dataclass
class Portal:
    library: object
    section: object
    resource: object
    events: object
    campaign: object
    event: object
    registration: object
    news: object
    centres: object
    centre: object
    dashboard: object


@pytest.fixture
def portal(home, settings) -> Portal:
    """One of each: the search indexes hold them (database backend), registration is open, and
    no request limit hides an error behind a 429."""
    settings.RATE_LIMITS = dict.fromkeys(settings.RATE_LIMITS, "off")
    library = LibraryIndexPageFactory(parent=home)
    section = OrganisationSectionPageFactory(
        parent=library, organisation__name="Đại học Thái Nguyên", organisation__slug="dai-hoc-thai-nguyen"
    )
    subject = SubjectFactory(name="Kỹ năng số", name_en="Digital skills", slug="ky-nang-so")
    resource = LearningResourcePageFactory(
        parent=section, title="Dùng điện thoại an toàn", subjects=[subject]
    )
    ResourceFileFactory(page=resource)
    LearningResourcePageFactory(parent=section, title="Kỹ thuật trồng chè", subjects=[subject])
    events = EventIndexPageFactory(parent=home)
    campaign = CampaignPageFactory(parent=events)
    event = EventPageFactory(parent=campaign, title="Ngày hội đọc sách", slug="ngay-hoi-doc-sach")
    registration = RegistrationFactory(page=event)
    news = NewsIndexPageFactory(parent=home)
    category = NewsCategoryFactory(slug="hoat-dong")
    for _ in range(3):
        NewsPageFactory(parent=news, categories=[category])
    centres = CentreIndexPageFactory(parent=home)
    centre = CentreFactory(parent=centres)
    CentreClassFactory(page=centre)
    dashboard = make_dashboard(home)
    MeasurementFactory()
    call_command("search_index", "--rebuild", "--backend", "database", stdout=StringIO())
    return Portal(
        library, section, resource, events, campaign, event, registration, news, centres, centre, dashboard
    )
