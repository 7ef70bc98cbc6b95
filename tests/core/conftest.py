import pytest

from tests.resources.factories import LearningResourcePageFactory


@pytest.fixture
def resource(section, client):
    """A live resource in the library, after the first visit of the site."""
    page = LearningResourcePageFactory(parent=section, title="Kỹ năng số cho người cao tuổi")
    client.get("/")  # the site's settings row is made on the first visit (a change, like any other)
    return page
