"""The read-only API: what partners' platforms read, and nothing an anonymous visitor could not."""

import datetime

import pytest
from wagtail.models import PageViewRestriction, ReferenceIndex

from portal.core.models import Language, Subject
from tests.resources.factories import DocumentFactory, LearningResourcePageFactory, ResourceFileFactory

pytestmark = pytest.mark.django_db
RESOURCES = "resources.LearningResourcePage"


def api(client, path: str, **query):
    response = client.get(f"/api/v2/{path}", query)
    return response.status_code, response.json()


@pytest.fixture
def resource(section, vocabularies):
    page = LearningResourcePageFactory(
        parent=section,
        title="Sử dụng điện thoại thông minh an toàn",
        subjects=[Subject.objects.get(slug="ky-nang-so")],
        languages=[Language.objects.get(slug="vi")],
    )
    ResourceFileFactory(page=page, document__title="Cẩm nang", document__file_size=2048)
    page.save_revision().publish()
    return page


def test_a_resource_comes_with_vocabulary_names_licence_and_counted_downloads(client, resource):
    status, data = api(client, f"pages/{resource.pk}/")

    assert status == 200
    assert data["title"] == "Sử dụng điện thoại thông minh an toàn"
    assert data["subjects"] == [{"slug": "ky-nang-so", "name": "Kỹ năng số", "name_en": "Digital skills"}]
    assert data["licence"]["code"] == "CC-BY-4.0" and data["licence"]["url"].startswith(
        "https://creativecommons"
    )
    assert data["organisation"]["slug"] == "dai-hoc-thai-nguyen"
    (file,) = data["files"]
    assert file["title"] == "Cẩm nang" and file["format"] == "PDF" and file["size"] == 2048
    assert file["download_url"].startswith("http://testserver/tai-ve/")


def test_only_live_public_pages_are_served(client, section, resource):
    draft = LearningResourcePageFactory(parent=section, live=False)
    private = LearningResourcePageFactory(parent=section)
    PageViewRestriction.objects.create(page=private, restriction_type="login")

    status, data = api(client, "pages/", type=RESOURCES)

    assert status == 200
    assert [item["id"] for item in data["items"]] == [resource.pk]
    assert api(client, f"pages/{draft.pk}/")[0] == 404
    assert api(client, f"pages/{private.pk}/")[0] == 404


def test_pages_filter_by_vocabulary_slugs_and_publication_date(client, section, resource):
    LearningResourcePageFactory(parent=section, title="Kỹ thuật trồng chè")

    def ids(**query):
        return [item["id"] for item in api(client, "pages/", type=RESOURCES, **query)[1]["items"]]

    assert ids(subject="ky-nang-so") == [resource.pk]
    assert ids(language="vi") == [resource.pk]
    assert len(ids(organisation="dai-hoc-thai-nguyen")) == 2
    tomorrow = (datetime.date.today() + datetime.timedelta(days=1)).isoformat()
    assert ids(published_from=tomorrow) == []


def test_a_filter_the_page_type_cannot_answer_is_a_clear_400(client, resource):
    status, data = api(client, "pages/", subject="ky-nang-so")

    assert status == 400
    assert "type" in data["message"]
    assert api(client, "pages/", type=RESOURCES, published_from="hôm qua")[0] == 400


def test_documents_are_only_those_live_public_pages_use(client, resource):
    DocumentFactory(title="Biên bản nội bộ")
    ReferenceIndex.create_or_update_for_object(resource)

    status, data = api(client, "documents/")

    assert status == 200
    assert [item["title"] for item in data["items"]] == ["Cẩm nang"]
    assert data["items"][0]["meta"]["download_url"].startswith("http://testserver/tai-ve/")


def test_any_site_may_read_it(client, resource):
    response = client.get("/api/v2/pages/", HTTP_ORIGIN="https://lms.tnu.edu.vn")

    assert response["Access-Control-Allow-Origin"] == "*"


def test_an_event_names_its_commune_organiser_and_audiences(client, home, section, vocabularies):
    from portal.core.models import AdminUnit, Audience
    from tests.events.factories import EventIndexPageFactory, EventPageFactory

    commune = AdminUnit.objects.create(
        slug="phuong-phan-dinh-phung",
        kind="Phường",
        name="Phan Đình Phùng",
        level="commune",
        valid_from=datetime.date(2025, 7, 1),
    )
    event = EventPageFactory(
        parent=EventIndexPageFactory(parent=home), commune=commune, organiser=section.organisation
    )
    event.audiences.set([Audience.objects.get(slug="nguoi-cao-tuoi")])
    event.save_revision().publish()

    status, data = api(client, f"pages/{event.pk}/")

    assert status == 200
    assert data["commune"] == {
        "slug": "phuong-phan-dinh-phung",
        "name": "Phường Phan Đình Phùng",
        "level": "commune",
    }
    assert data["organiser"]["name"] == "Đại học Thái Nguyên"
    assert data["audiences"][0]["slug"] == "nguoi-cao-tuoi" and data["audiences"][0]["name"]
    assert "registrations" not in data  # personal data never leaves through the API
