"""The library's public pages: they answer 200 and show what a visitor needs to decide."""

import pytest

from portal.core.models import Language, Licence, Subject
from tests.resources.factories import (
    CollectionIndexPageFactory,
    CollectionItemFactory,
    CollectionPageFactory,
    CourseIndexPageFactory,
    CourseModuleFactory,
    CoursePageFactory,
    DocumentFactory,
    LearningResourcePageFactory,
    ResourceFileFactory,
)

pytestmark = pytest.mark.django_db


def test_resource_page_shows_licence_contributor_files_and_attribution(client, vocabularies, section):
    licence = Licence.objects.get(code="CC-BY-SA-4.0")
    resource = LearningResourcePageFactory(
        parent=section,
        title="Sử dụng điện thoại thông minh an toàn",
        authors="Nguyễn Văn An",
        licence=licence,
        subjects=[Subject.objects.get(slug="ky-nang-so")],
        languages=[Language.objects.get(slug="tyz")],
    )
    document = DocumentFactory(title="Tài liệu hướng dẫn")
    ResourceFileFactory(page=resource, document=document, label="Sách hướng dẫn")

    response = client.get(resource.url)

    assert response.status_code == 200
    html = response.text
    assert "Sử dụng điện thoại thông minh an toàn" in html
    assert 'rel="license" href="https://creativecommons.org/licenses/by-sa/4.0/"' in html
    assert "Đại học Thái Nguyên" in html
    assert "Sách hướng dẫn" in html and "PDF" in html
    assert f"/tai-ve/{document.pk}/" in html
    assert "Nguyễn Văn An, Đại học Thái Nguyên (2024)" in html
    assert "(https://creativecommons.org/licenses/by-sa/4.0/)" in html
    assert "Tiếng Tày" in html
    assert 'href="/hoc-lieu/chu-de/ky-nang-so/"' in html


def test_resource_organisation_defaults_from_its_section(section):
    resource = LearningResourcePageFactory(parent=section)

    assert resource.organisation == section.organisation


def test_library_index_lists_resources_newest_first(client, section):
    LearningResourcePageFactory(parent=section, title="Trồng chè an toàn")
    LearningResourcePageFactory(parent=section, title="Nuôi gà thả vườn")

    response = client.get("/hoc-lieu/")

    assert response.status_code == 200
    assert response.text.index("Nuôi gà thả vườn") < response.text.index("Trồng chè an toàn")
    assert "Đại học Thái Nguyên" in response.text


def test_section_page_lists_only_its_organisations_resources(client, library, section):
    from tests.resources.factories import OrganisationSectionPageFactory

    other = OrganisationSectionPageFactory(parent=library, organisation__name="Thư viện tỉnh")
    LearningResourcePageFactory(parent=section, title="Giáo trình tin học cơ bản")
    LearningResourcePageFactory(parent=other, title="Sách nói cho người khiếm thị")

    response = client.get(section.url)

    assert response.status_code == 200
    assert "Giáo trình tin học cơ bản" in response.text
    assert "Sách nói cho người khiếm thị" not in response.text


def test_subject_page_lists_resources_of_that_subject(client, vocabularies, section):
    health = Subject.objects.get(slug="suc-khoe")
    LearningResourcePageFactory(parent=section, title="Phòng chống sốt xuất huyết", subjects=[health])
    LearningResourcePageFactory(parent=section, title="Luật giao thông đường bộ")

    response = client.get("/hoc-lieu/chu-de/suc-khoe/")

    assert response.status_code == 200
    assert "Phòng chống sốt xuất huyết" in response.text
    assert "Luật giao thông đường bộ" not in response.text
    assert client.get("/hoc-lieu/chu-de/khong-co/").status_code == 404


def test_collection_page_keeps_the_editors_order(client, home, section):
    index = CollectionIndexPageFactory(parent=home)
    collection = CollectionPageFactory(parent=index, title="Kỹ năng số cho người cao tuổi")
    second = LearningResourcePageFactory(parent=section, title="Gọi video cho con cháu")
    first = LearningResourcePageFactory(parent=section, title="Nhận biết tin nhắn lừa đảo")
    CollectionItemFactory(collection=collection, resource=first, sort_order=0, note="Bắt đầu từ đây")
    CollectionItemFactory(collection=collection, resource=second, sort_order=1)

    response = client.get(collection.url)

    assert response.status_code == 200
    assert response.text.index(first.title) < response.text.index(second.title)
    assert "Bắt đầu từ đây" in response.text
    assert client.get(index.url).status_code == 200
    assert "Kỹ năng số cho người cao tuổi" in client.get(first.url).text


def test_course_page_lists_modules_and_their_resources(client, home, section):
    index = CourseIndexPageFactory(parent=home)
    course = CoursePageFactory(
        parent=index, title="Tin học văn phòng cơ bản", enrolment_url="https://example.vn/dang-ky"
    )
    lesson = LearningResourcePageFactory(parent=section, title="Soạn thảo văn bản")
    CourseModuleFactory(
        course=course,
        title="Tuần 1: Làm quen",
        items=[
            ("resource", lesson),
            ("lesson", {"title": "Bật máy tính", "text": "<p>Nhấn nút nguồn.</p>", "duration": "10 phút"}),
        ],
    )

    response = client.get(course.url)

    assert response.status_code == 200
    assert "Tuần 1: Làm quen" in response.text
    assert f'href="{lesson.url}"' in response.text
    assert "Bật máy tính" in response.text
    assert 'href="https://example.vn/dang-ky"' in response.text
    assert "Tin học văn phòng cơ bản" in client.get(index.url).text
