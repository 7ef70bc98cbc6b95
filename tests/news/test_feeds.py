"""RSS 2.0 and Atom feeds of the news, read as a feed reader reads them (feedparser)."""

import datetime

import feedparser
import pytest
from wagtail.models import Locale, PageViewRestriction

from tests.news.factories import NewsCategoryFactory, NewsPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def item(news_index):
    reading = NewsCategoryFactory(slug="van-hoa-doc", name="Văn hóa đọc", name_en="Reading culture")
    item = NewsPageFactory(
        parent=news_index,
        title="Hưởng ứng Ngày Sách và Văn hóa đọc Việt Nam",
        slug="ngay-sach",
        date=datetime.date(2026, 4, 21),
        authors="Thư viện tỉnh, Nguyễn Thu Hà",
        summary="Trưng bày sách và tặng tủ sách cho trung tâm học tập cộng đồng.",
        categories=[reading],
    )
    item.save_revision().publish()
    return item


@pytest.mark.parametrize(
    ("path", "version"), [("/tin-tuc/rss.xml", "rss20"), ("/tin-tuc/atom.xml", "atom10")]
)
def test_feeds_carry_each_item_with_its_date_authors_categories_and_guid(client, item, path, version):
    response = client.get(path)
    feed = feedparser.parse(response.content)

    assert response.status_code == 200 and not feed.bozo and feed.version == version
    assert feed.feed.title.startswith("Tin tức") and feed.feed.link == "http://testserver/tin-tuc/"
    (entry,) = feed.entries
    assert entry.title == item.title
    assert entry.link == "http://testserver/tin-tuc/ngay-sach/"
    assert entry.id == "http://testserver/tin-tuc/ngay-sach/"
    assert entry.summary == item.summary
    assert "Thư viện tỉnh, Nguyễn Thu Hà" in entry.author
    assert [tag.term for tag in entry.tags] == ["Văn hóa đọc"]
    published = datetime.datetime(*entry.published_parsed[:6], tzinfo=datetime.UTC)
    assert published.astimezone(datetime.timezone(datetime.timedelta(hours=7))).date() == datetime.date(
        2026, 4, 21
    )


def test_feeds_leave_out_drafts_and_restricted_news(client, news_index, item):
    NewsPageFactory(parent=news_index, title="Bản nháp chưa duyệt", live=False)
    private = NewsPageFactory(parent=news_index, title="Tin nội bộ")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)

    titles = [entry.title for entry in feedparser.parse(client.get("/tin-tuc/rss.xml").content).entries]

    assert titles == [item.title]


def test_a_restricted_index_has_no_feed_and_other_pages_have_none(client, news_index, item):
    assert client.get("/khong-co/rss.xml").status_code == 404
    assert client.get("/tin-tuc/ngay-sach/rss.xml").status_code == 404
    PageViewRestriction.objects.create(page=news_index, restriction_type=PageViewRestriction.LOGIN)

    assert client.get("/tin-tuc/atom.xml").status_code == 404


def test_feeds_work_under_the_english_site_too(client, home, news_index, item):
    english = home.copy_for_translation(Locale.objects.get_or_create(language_code="en")[0])
    english.save_revision().publish()
    news_index.create_alias(parent=english, update_locale=english.locale, reset_translation_key=False)

    feed = feedparser.parse(client.get("/en/tin-tuc/rss.xml").content)

    assert feed.feed.link == "http://testserver/en/tin-tuc/"
    assert [entry.title for entry in feed.entries] == [item.title]
    assert [tag.term for tag in feed.entries[0].tags] == ["Reading culture"]


@pytest.mark.parametrize("path", ["/", "/tin-tuc/", "/tin-tuc/ngay-sach/"])
def test_home_and_news_pages_point_readers_to_both_feeds(client, item, path):
    html = client.get(path).text

    assert '<link rel="alternate" type="application/rss+xml" href="/tin-tuc/rss.xml"' in html
    assert '<link rel="alternate" type="application/atom+xml" href="/tin-tuc/atom.xml"' in html
