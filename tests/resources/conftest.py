"""The library tree most tests need: home → library → one organisation's section."""

import pytest

from tests.resources.factories import LibraryIndexPageFactory, OrganisationSectionPageFactory


@pytest.fixture
def vocabularies(db):
    """The shared subjects, levels, audiences, languages and licences, as ``load_demo`` loads them."""
    from portal.core.reference_data import load_vocabularies

    load_vocabularies()


@pytest.fixture
def library(home):
    return LibraryIndexPageFactory(parent=home)


@pytest.fixture
def section(library):
    return OrganisationSectionPageFactory(
        parent=library, organisation__name="Đại học Thái Nguyên", organisation__slug="dai-hoc-thai-nguyen"
    )
