"""Rules of the resource model: licence before publishing, identifiers, links, courses."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from portal.core.models import Licence
from portal.resources.models import LearningResourcePage
from tests.factories import LicenceFactory
from tests.resources.factories import (
    CourseIndexPageFactory,
    CoursePageFactory,
    LearningResourcePageFactory,
)

pytestmark = pytest.mark.django_db


def test_a_draft_may_lack_a_licence_but_cannot_be_published_without_one(section):
    draft = LearningResourcePage(title="Bản nháp chưa có giấy phép", live=False)
    section.add_child(instance=draft)
    revision = draft.save_revision(clean=False)  # as the admin saves a draft

    with pytest.raises(ValidationError) as error:
        revision.publish()

    assert "licence" in error.value.message_dict
    draft.refresh_from_db()
    assert not draft.live


def test_publishing_with_a_licence_succeeds(section, vocabularies):
    draft = LearningResourcePage(title="Bản nháp có giấy phép", live=False)
    section.add_child(instance=draft)
    draft.licence = Licence.objects.get(code="CC-BY-4.0")
    draft.save_revision(clean=False).publish()

    draft.refresh_from_db()
    assert draft.live


def test_identifier_is_made_from_the_title_and_kept_unique(section):
    first = LearningResourcePageFactory(parent=section, title="Kỹ năng sống cho học sinh")
    second = LearningResourcePageFactory(parent=section, title="Kỹ năng sống cho học sinh", slug="ban-2")

    assert first.identifier == "ky-nang-song-cho-hoc-sinh"
    assert second.identifier == "ky-nang-song-cho-hoc-sinh-2"


def test_a_given_identifier_is_kept_and_validated(section):
    resource = LearningResourcePageFactory(parent=section, identifier="oai:dspace.tnu.edu.vn:123/456")
    assert resource.identifier == "oai:dspace.tnu.edu.vn:123/456"

    resource.identifier = "có dấu cách"
    with pytest.raises(ValidationError) as error:
        resource.full_clean()
    assert "identifier" in error.value.message_dict


def test_copying_a_resource_gives_the_copy_its_own_identifier(section):
    resource = LearningResourcePageFactory(parent=section, title="Sổ tay nuôi ong")

    copy = resource.copy(update_attrs={"slug": "so-tay-nuoi-ong-ban-sao"})

    assert copy.identifier != resource.identifier


def test_a_link_resource_needs_its_address(section):
    resource = LearningResourcePageFactory(
        parent=section, resource_type="link", external_url="https://vnexpress.net/"
    )
    resource.external_url = ""

    with pytest.raises(ValidationError) as error:
        resource.full_clean()
    assert "external_url" in error.value.message_dict


def test_accessibility_features_accept_only_known_values(section):
    resource = LearningResourcePageFactory(parent=section, accessibility_features=["captions", "transcript"])
    assert [str(label) for label in resource.accessibility_labels()] == ["Phụ đề", "Bản ghi lời"]
    with translation.override("en"):
        assert [str(label) for label in resource.accessibility_labels()] == ["Captions", "Transcript"]

    resource.accessibility_features = ["telepathy"]
    with pytest.raises(ValidationError):
        resource.full_clean()


def test_a_dated_course_needs_a_start_before_its_end(home):
    index = CourseIndexPageFactory(parent=home)
    course = CoursePageFactory(parent=index)
    course.self_paced = False

    with pytest.raises(ValidationError) as error:
        course.full_clean()
    assert "start_date" in error.value.message_dict

    course.start_date, course.end_date = datetime.date(2026, 10, 1), datetime.date(2026, 9, 1)
    with pytest.raises(ValidationError) as error:
        course.full_clean()
    assert "end_date" in error.value.message_dict


def test_listing_querysets_feed_the_latest_pages_block(client, home, section):
    from portal.core.blocks import LatestPagesBlock

    LearningResourcePageFactory(parent=section, title="Sổ tay phòng chống thiên tai")
    block = LatestPagesBlock()
    value = block.to_python(
        {"heading": "Học liệu mới", "page_type": "resources.learningresourcepage", "count": 4}
    )

    html = block.render(value)

    assert "Sổ tay phòng chống thiên tai" in html


def test_addresses_are_ascii_even_for_vietnamese_titles(section):
    resource = LearningResourcePage(title="Sử dụng Zalo an toàn", licence=LicenceFactory())
    section.add_child(instance=resource)
    twin = LearningResourcePage(title="Sử dụng Zalo an toàn", licence=resource.licence)
    section.add_child(instance=twin)

    assert resource.slug == "su-dung-zalo-an-toan"
    assert twin.slug == "su-dung-zalo-an-toan-2"
