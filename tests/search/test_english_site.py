"""The English site searches the library: Vietnamese resources (with the English interface), by
English vocabulary names too, and a page's English translation instead of it where one exists."""

import pytest
from wagtail.models import Locale

pytestmark = pytest.mark.django_db


def titles(client, path: str, text: str) -> list[str]:
    return [hit["title"] for hit in client.get(path, {"q": text}).json()["results"]]


def test_english_search_finds_the_vietnamese_library_by_english_names_too(client, resource):
    for text in ("dung dien thoai", "ky nang so", "digital skills", "Digital Skills"):
        assert titles(client, "/en/api/search/", text) == ["Dùng điện thoại an toàn"], text
    assert titles(client, "/api/search/", "digital skills") == ["Dùng điện thoại an toàn"]
    page = client.get("/en/tim-kiem/", {"q": "digital skills"}).text
    assert "Dùng điện thoại an toàn" in page and "Search" in page  # the English interface
    assert '> Digital skills <span class="count">(1)' in page and "Kỹ năng số" not in page  # English labels
    facets = client.get("/en/api/search/", {"q": "digital skills"}).json()["facets"]
    assert {count["label"] for count in facets["subject"]} == {"Digital skills"}
    assert {count["label"] for count in facets["type"]} == {"Document"}
    vietnamese = client.get("/api/search/", {"q": "digital skills"}).json()["facets"]
    assert {count["label"] for count in vietnamese["type"]} == {"Tài liệu"}


def test_a_page_translated_into_english_is_found_in_english_on_the_english_site(
    client, resource, django_capture_on_commit_callbacks
):
    english = Locale.objects.get_or_create(language_code="en")[0]
    with django_capture_on_commit_callbacks(execute=True):
        translation = resource.copy_for_translation(english, copy_parents=True)
        translation.title = "Using a phone safely"
        translation.save_revision().publish()

    assert titles(client, "/en/api/search/", "phone safely") == ["Using a phone safely"]
    assert titles(client, "/en/api/search/", "dung dien thoai") == []  # its translation stands for it
    assert titles(client, "/api/search/", "dung dien thoai") == ["Dùng điện thoại an toàn"]
