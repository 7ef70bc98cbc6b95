import pytest

from tests.resources.factories import (
    LearningResourcePageFactory,
    LibraryIndexPageFactory,
    OrganisationSectionPageFactory,
)


@pytest.fixture
def library(home):
    return LibraryIndexPageFactory(parent=home)


@pytest.fixture
def library_section(library):
    return OrganisationSectionPageFactory(parent=library)


@pytest.fixture
def resource(library_section, client):
    """A live resource in the library, after the first visit of the site."""
    page = LearningResourcePageFactory(parent=library_section, title="Kỹ năng số cho người cao tuổi")
    client.get("/")  # the site's settings row is made on the first visit (a change, like any other)
    return page
