"""The news index and news pages, as a reader sees them."""

import datetime
import re

import pytest
from django.core.management import call_command
from django.utils import timezone
from freezegun import freeze_time
from wagtail.models import PageViewRestriction

from tests.factories import StandardPageFactory
from tests.news.factories import NewsCategoryFactory, NewsPageFactory

pytestmark = pytest.mark.django_db

TITLES = re.compile(r'<h3 class="card__title"><a href="[^"]+">([^<]+)</a>')


def listed(html: str) -> list[str]:
    return TITLES.findall(html)


def test_index_lists_newest_first_ten_to_a_page(client, news_index):
    for day in range(12):
        NewsPageFactory(
            parent=news_index, title=f"Bản tin ngày {day + 1}", date=datetime.date(2026, 3, day + 1)
        )

    first, second = client.get("/tin-tuc/"), client.get("/tin-tuc/?page=2")

    assert listed(first.text)[:2] == ["Bản tin ngày 12", "Bản tin ngày 11"]
    assert len(listed(first.text)) == 10 and len(listed(second.text)) == 2
    assert 'href="?page=2"' in first.text and "Bản tin ngày 1<" in second.text
    assert '<time datetime="2026-03-12">' in first.text


@pytest.mark.parametrize(
    "query", ["?page=abc", "?page=-3", "?page=999999999999", "?category=%3Cscript%3E", "?category="]
)
def test_bad_parameters_still_show_the_news(client, news_index, query):
    NewsPageFactory(parent=news_index, title="Khai mạc Tuần lễ học tập suốt đời")

    response = client.get("/tin-tuc/" + query)

    assert response.status_code == 200
    assert "Khai mạc Tuần lễ học tập suốt đời" in response.text
    assert "<script>" not in response.text.split("<main", 1)[1]


def test_category_filter_narrows_the_list_and_keeps_it_across_pages(client, news_index):
    reading = NewsCategoryFactory(slug="van-hoa-doc", name="Văn hóa đọc", name_en="Reading culture")
    other = NewsCategoryFactory(slug="thong-bao", name="Thông báo")
    for number in range(11):
        NewsPageFactory(parent=news_index, title=f"Ngày Sách {number}", categories=[reading])
    NewsPageFactory(parent=news_index, title="Lịch nghỉ Tết", categories=[other])

    response = client.get("/tin-tuc/?category=van-hoa-doc")

    assert "Lịch nghỉ Tết" not in listed(response.text) and len(listed(response.text)) == 10
    assert 'href="?category=van-hoa-doc&amp;page=2"' in response.text
    assert '<option value="van-hoa-doc" selected>Văn hóa đọc (11)</option>' in response.text
    unknown = client.get("/tin-tuc/?category=khong-co")
    assert "Lịch nghỉ Tết" in unknown.text and 'role="status"' in unknown.text


def test_english_interface_names_categories_in_english(client, home, news_index):
    from wagtail.models import Locale

    english = home.copy_for_translation(Locale.objects.get_or_create(language_code="en")[0])
    english.save_revision().publish()
    news_index.create_alias(parent=english, update_locale=english.locale, reset_translation_key=False)
    reading = NewsCategoryFactory(slug="van-hoa-doc", name="Văn hóa đọc", name_en="Reading culture")
    NewsPageFactory(parent=news_index, title="Ngày Sách 21/4", categories=[reading])

    response = client.get("/en/tin-tuc/")

    assert response.status_code == 200
    assert "Ngày Sách 21/4" in response.text and "Reading culture" in response.text


def test_a_news_page_shows_date_authors_categories_tags_and_picture_caption(client, news_index):
    from wagtail.images import get_image_model
    from wagtail.images.tests.utils import get_test_image_file

    image = get_image_model().objects.create(title="Ảnh", file=get_test_image_file())
    item = NewsPageFactory(
        parent=news_index,
        title="Khai mạc Tuần lễ",
        date=datetime.date(2026, 10, 1),
        authors="Lê Văn Nam, Hoàng Thị Mai",
        categories=[NewsCategoryFactory(slug="hoc-tap-suot-doi", name="Học tập suốt đời")],
        lead_image=image,
        lead_image_caption="Đại biểu tại lễ khai mạc",
        body=[("paragraph", "<p>Học tập suốt đời là nhu cầu của mỗi người.</p>")],
    )
    item.tags.add("Tuần lễ học tập suốt đời")
    item.save()

    html = client.get(item.url).text

    assert '<time datetime="2026-10-01">' in html
    assert "Lê Văn Nam, Hoàng Thị Mai" in html and "Học tập suốt đời là nhu cầu" in html
    assert 'href="/tin-tuc/?category=hoc-tap-suot-doi"' in html
    assert (
        "Tuần lễ học tập suốt đời</li>" in html
        and "<figcaption>Đại biểu tại lễ khai mạc</figcaption>" in html
    )


def test_a_scheduled_item_appears_only_once_its_go_live_time_has_come(client, news_index):
    go_live = timezone.now() + datetime.timedelta(hours=2)
    item = NewsPageFactory.build(
        title="Khai giảng lớp xóa mù chữ", slug="khai-giang", live=False, go_live_at=go_live
    )
    news_index.add_child(instance=item)
    item.save_revision().publish()

    assert "Khai giảng lớp xóa mù chữ" not in client.get("/tin-tuc/").text
    assert client.get("/tin-tuc/khai-giang/").status_code == 404
    assert "Khai giảng lớp xóa mù chữ" not in client.get("/tin-tuc/rss.xml").text

    with freeze_time(go_live + datetime.timedelta(minutes=1)):
        call_command("publish_scheduled")  # what portal.schedule runs every ten minutes

    assert "Khai giảng lớp xóa mù chữ" in client.get("/tin-tuc/").text
    assert client.get("/tin-tuc/khai-giang/").status_code == 200
    assert "Khai giảng lớp xóa mù chữ" in client.get("/tin-tuc/rss.xml").text


def test_drafts_and_restricted_news_are_not_listed(client, news_index):
    NewsPageFactory(parent=news_index, title="Bản nháp", live=False)
    private = NewsPageFactory(parent=news_index, title="Tin nội bộ")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    NewsPageFactory(parent=news_index, title="Tin công khai")

    assert listed(client.get("/tin-tuc/").text) == ["Tin công khai"]


def test_the_listing_runs_the_same_queries_whatever_its_size(
    client, news_index, django_assert_max_num_queries
):
    category = NewsCategoryFactory()
    for number in range(3):
        NewsPageFactory(parent=news_index, categories=[category], title=f"Tin {number}")
    with django_assert_max_num_queries(40) as few:
        client.get("/tin-tuc/")
    for number in range(7):
        NewsPageFactory(parent=news_index, categories=[category], title=f"Tin thêm {number}")

    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get("/tin-tuc/")


def test_home_page_shows_latest_news_and_links_to_the_index(client, home, news_index):
    for number in range(6):
        NewsPageFactory(parent=news_index, title=f"Tin mới {number}", date=datetime.date(2026, 5, number + 1))
    StandardPageFactory(parent=home, slug="gioi-thieu")

    html = client.get("/").text

    assert "Tin mới 5" in html and "Tin mới 2" in html and "Tin mới 1" not in html
    assert 'href="/tin-tuc/"' in html


def test_home_page_has_no_news_section_without_news(client, home, news_index):
    assert 'id="home-news"' not in client.get("/").text
