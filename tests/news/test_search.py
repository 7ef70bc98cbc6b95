"""News items are found by the public search, as their own kind, with their date."""

import datetime

import pytest
from django.utils import translation

from portal.news.search import NEWS_TYPE
from search.documents import prepare
from search.indexing import document_for
from search.query import SearchQuery, search
from tests.news.factories import NewsCategoryFactory, NewsPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def item(news_index):
    item = NewsPageFactory(
        parent=news_index,
        title="Khai mạc Tuần lễ hưởng ứng học tập suốt đời",
        date=datetime.date(2026, 10, 1),
        summary="Lớp học thử kỹ năng số và ngày hội đọc sách.",
        categories=[NewsCategoryFactory(slug="van-hoa-doc", name="Văn hóa đọc", name_en="Reading culture")],
    )
    item.tags.add("Tuần lễ học tập")
    item.save()
    return item


def test_news_document_is_of_the_news_type_with_its_date(item):
    document = prepare(document_for(item))

    assert document["family"] == "news" and document["facets"]["type"] == ["news"]
    with translation.override("vi"):
        assert document["labels"]["type"]["news"] == str(NEWS_TYPE["news"])  # "Tin tức"
    assert document["date"] == "2026-10-01" and document["facets"]["year"] == ["2026"]
    assert "Reading culture" in document["keywords"] and "Tuần lễ học tập" in document["keywords"]


def test_published_news_is_found_without_diacritics_and_filtered_by_type(
    item, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        item.save_revision().publish()

    results = search(SearchQuery(text="tuan le hoc tap suot doi", filters={"type": ("news",)}, locale="vi"))

    assert [hit.url for hit in results.hits] == [item.url]
    assert str(results.hits[0].date)[:10] == "2026-10-01"
    with translation.override("en"):
        english = search(SearchQuery(text="ky nang so", filters={"type": ("news",)}, locale="en"))
    assert [hit.url for hit in english.hits] == [item.url]


def test_search_page_shows_the_news_type(client, item, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        item.save_revision().publish()

    html = client.get("/tim-kiem/?q=khai+mac+tuan+le").text

    assert item.title in html
