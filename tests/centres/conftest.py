"""The centres tree most tests need: home → centre index."""

import pytest

from tests.centres.factories import CentreIndexPageFactory


@pytest.fixture
def centre_index(home):
    return CentreIndexPageFactory(parent=home)
