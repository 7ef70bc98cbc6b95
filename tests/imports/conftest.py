import pytest
from wagtail.users.models import UserProfile

from tests.organisations.conftest import department, editor, university  # noqa: F401


@pytest.fixture
def vocabularies(db):
    from portal.core.reference_data import load_vocabularies

    load_vocabularies()


@pytest.fixture
def contributor_in_english(client, university, vocabularies):  # noqa: F811 - the fixture imported above
    """The university's contributor, signed in, reading the admin (and the check's messages) in English."""
    profile = UserProfile.get_for_user(university.user)
    profile.preferred_language = "en"
    profile.save()
    client.force_login(university.user)
    return university
