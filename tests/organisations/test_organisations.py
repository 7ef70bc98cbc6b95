"""Contributor organisations and their sections under the library."""

import pytest
from django.core.exceptions import ValidationError

from portal.organisations.models import Organisation
from portal.resources.models import OrganisationSectionPage
from tests.resources.factories import (
    LearningResourcePageFactory,
    OrganisationFactory,
    OrganisationSectionPageFactory,
)

pytestmark = pytest.mark.django_db


def test_an_organisation_gets_one_section_per_language(library):
    organisation = OrganisationFactory(name="Thư viện tỉnh Thái Nguyên", slug="thu-vien-tinh")
    OrganisationSectionPageFactory(parent=library, organisation=organisation)
    second = OrganisationSectionPage(
        title="Thư viện tỉnh (bản sao)", slug="thu-vien-2", organisation=organisation
    )

    with pytest.raises(ValidationError) as error:
        library.add_child(instance=second)

    assert "organisation" in error.value.message_dict


def test_section_page_shows_the_organisation_and_its_resources(client, library):
    section = OrganisationSectionPageFactory(
        parent=library,
        organisation__name="Hội Khuyến học tỉnh Thái Nguyên",
        organisation__slug="hoi-khuyen-hoc",
        organisation__kind=Organisation.Kind.ASSOCIATION,
        organisation__website="https://example.vn/",
        organisation__phone="0208 3855 111",
        introduction="Học liệu về khuyến học, khuyến tài.",
    )
    LearningResourcePageFactory(parent=section, title="Xây dựng gia đình học tập")

    response = client.get("/hoc-lieu/hoi-khuyen-hoc/")

    assert response.status_code == 200
    assert "Hội Khuyến học tỉnh Thái Nguyên" in response.text
    assert "Học liệu về khuyến học, khuyến tài." in response.text
    assert 'href="tel:02083855111"' in response.text
    assert "Xây dựng gia đình học tập" in response.text
    assert 'name="organisation"' not in response.text  # the section is already one organisation


def test_sections_are_created_under_the_library_only(home, library):
    from portal.resources.models import LearningResourcePage

    assert OrganisationSectionPage.can_create_at(library)
    assert not OrganisationSectionPage.can_create_at(home)
    assert not LearningResourcePage.can_create_at(library)


def test_unknown_organisation_kind_is_rejected():
    organisation = Organisation(name="Câu lạc bộ", slug="cau-lac-bo", kind="club")

    with pytest.raises(ValidationError):
        organisation.full_clean()
