"""An events index under the home page, and people who may (or may not) see registrants."""

import pytest

from portal.organisations.contributors import ensure_owned
from tests.registrations.factories import EventIndexPageFactory, EventPageFactory


@pytest.fixture
def wagtail_basics(db):
    """What Wagtail's migrations create, which the flush after a transactional test removes."""
    from wagtail.models import Collection, Locale, Page, Site

    Locale.objects.get_or_create(language_code="vi")
    root = Page.get_first_root_node() or Page.add_root(title="Root", slug="root")
    Site.objects.get_or_create(is_default_site=True, defaults={"hostname": "localhost", "root_page": root})
    if not Collection.objects.exists():
        Collection.add_root(name="Root")


@pytest.fixture
def events_index(wagtail_basics, home):
    return EventIndexPageFactory(parent=home)


@pytest.fixture
def event(events_index):
    return EventPageFactory(parent=events_index)


@pytest.fixture
def make_event(events_index):
    def make(**fields):
        return EventPageFactory(parent=events_index, **fields)

    return make


@pytest.fixture
def communes(db):
    from portal.core.reference_data import load_admin_units

    load_admin_units()


@pytest.fixture
def organiser_group(event):
    organisation = event.organiser
    if organisation.group_id is None:
        ensure_owned(organisation)
    return organisation.group
