"""Search engines and aggregators read what a resource is, who made it, its licence and files."""

import pytest

from portal.core.models import Audience, EducationLevel, Language, Licence
from tests.resources.factories import (
    CollectionItemFactory,
    CollectionPageFactory,
    CoursePageFactory,
    LearningResourcePageFactory,
    ResourceFileFactory,
)
from tests.structured import node_of_type

pytestmark = pytest.mark.django_db


def test_a_resource_describes_itself_as_a_learning_resource(client, section, vocabularies):
    page = LearningResourcePageFactory(
        parent=section,
        title="Hướng dẫn trồng chè an toàn",
        summary="Kỹ thuật trồng chè theo hướng VietGAP.",
        authors="Hoàng Văn Long; Ma Thị Hạnh",
        resource_type="video",
        level=EducationLevel.objects.first(),
        licence=Licence.objects.get(code="CC-BY-SA-4.0"),
        accessibility_features=["captions", "transcript"],
        adapted_from_title="Tea growing guide",
        adapted_from_url="https://example.org/tea",
        languages=[Language.objects.get(slug="vi"), Language.objects.get(slug="tyz")],
        audiences=[Audience.objects.first()],
    )
    ResourceFileFactory(page=page, document__file_size=2048)

    resource = node_of_type(client.get(page.url).text, "LearningResource")

    assert resource["name"] == "Hướng dẫn trồng chè an toàn"
    assert resource["description"] == "Kỹ thuật trồng chè theo hướng VietGAP."
    assert resource["educationalLevel"] == page.level.name
    assert resource["audience"] == [{"@type": "Audience", "audienceType": page.audiences.get().name}]
    assert resource["dateCreated"] == "2024-09-05"
    assert resource["sourceOrganization"]["name"] == "Đại học Thái Nguyên"
    assert resource["learningResourceType"] == "Video"
    assert resource["inLanguage"] == ["vi", "tyz"]
    assert resource["license"] == "https://creativecommons.org/licenses/by-sa/4.0/"
    assert [author["name"] for author in resource["author"]] == ["Hoàng Văn Long", "Ma Thị Hạnh"]
    assert resource["publisher"] == {
        "@type": "Organization",
        "name": "Đại học Thái Nguyên",
        **_contact(section),
    }
    assert resource["accessibilityFeature"] == ["captions", "transcript"]
    assert resource["isAccessibleForFree"] is True
    assert resource["isBasedOn"]["url"] == "https://example.org/tea"
    (encoding,) = resource["encoding"]
    assert encoding["contentUrl"].startswith("http://testserver/tai-ve/")
    assert encoding["encodingFormat"] == "application/pdf" and encoding["contentSize"] == "2.0 KB"


def _contact(section) -> dict:
    return {"email": section.organisation.email} if section.organisation.email else {}


def test_a_course_offers_an_instance(client, home):
    course = CoursePageFactory(parent=home, title="Tin học cơ bản cho người lớn tuổi", self_paced=True)

    node = node_of_type(client.get(course.url).text, "Course")

    assert node["hasCourseInstance"] == {"@type": "CourseInstance", "courseMode": "online"}
    assert node["isAccessibleForFree"] is True


def test_a_collection_lists_its_live_resources(client, home, section):
    collection = CollectionPageFactory(parent=home, title="Kỹ năng số cho người cao tuổi")
    shown = CollectionItemFactory(
        collection=collection, resource__parent=section, resource__title="Dùng Zalo"
    )
    CollectionItemFactory(collection=collection, resource__parent=section, resource__live=False)

    node = node_of_type(client.get(collection.url).text, "Collection")

    assert [part["name"] for part in node["hasPart"]] == ["Dùng Zalo"]
    assert node["hasPart"][0]["url"] == f"http://testserver{shown.resource.url}"


def test_an_organisation_section_describes_the_organisation(client, section):
    node = node_of_type(client.get(section.url).text, "Organization")

    assert node["name"] == "Đại học Thái Nguyên"
    assert node["url"] == f"http://testserver{section.url}"
