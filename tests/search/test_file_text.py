"""Search finds words inside a resource's files, says which file, and follows a replaced file."""

import pytest
from django.core.files.base import ContentFile

from portal.resources import demo_files
from tests.resources.factories import (
    LearningResourcePageFactory,
    LibraryIndexPageFactory,
    OrganisationSectionPageFactory,
    ResourceFileFactory,
)

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(demo_files.font_file() is None, reason="DejaVu Sans is not installed"),
]


def _pdf(*sections) -> bytes:
    return demo_files.text_pdf("Sổ tay gia cầm", "Sở NN", "Phòng bệnh cho gà", "CC BY 4.0", sections)


@pytest.fixture
def handbook(home, make_document, django_capture_on_commit_callbacks):
    section = OrganisationSectionPageFactory(parent=LibraryIndexPageFactory(parent=home))
    page = LearningResourcePageFactory(parent=section, title="Sổ tay phòng bệnh cho gia cầm")
    with django_capture_on_commit_callbacks(execute=True):
        document = make_document(
            _pdf(("Lịch tiêm phòng", "Nhỏ vắc-xin Newcastle cho gà con lúc 7 ngày tuổi.")), "so-tay.pdf"
        )
        ResourceFileFactory(page=page, document=document, label="Sổ tay (PDF)")
        page.save_revision().publish()
    return page


def test_a_phrase_inside_a_file_finds_the_resource_and_says_where(client, handbook):
    data = client.get("/api/search/", {"q": "vac xin newcastle"}).json()
    page = client.get("/tim-kiem/", {"q": "vắc-xin Newcastle"})

    [result] = data["results"]
    assert result["title"] == "Sổ tay phòng bệnh cho gia cầm"
    assert result["found_in_file"] == "Sổ tay (PDF)"
    assert "Nhỏ <mark>vắc</mark>-<mark>xin</mark> <mark>Newcastle</mark> cho gà con" in result["highlight"]
    assert "Tìm thấy trong tệp “Sổ tay (PDF)”" in page.text


def test_a_replaced_file_is_searched_by_its_new_text(client, handbook, django_capture_on_commit_callbacks):
    document = handbook.files.get().document
    new = _pdf(("Lịch tiêm phòng", "Tiêm vắc-xin cúm gia cầm khi gà được ba tuần tuổi."))
    with django_capture_on_commit_callbacks(execute=True):
        document.file.save("so-tay-2025.pdf", ContentFile(new), save=False)
        document.file_size = len(new)
        document.save()

    assert client.get("/api/search/", {"q": "newcastle"}).json()["total"] == 0
    assert client.get("/api/search/", {"q": "cum gia cam ba tuan tuoi"}).json()["total"] == 1
