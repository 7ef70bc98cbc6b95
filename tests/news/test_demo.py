"""The news demo: ten items from the plan, one scheduled, loaded once however often it runs."""

import pytest
from wagtail.models import Locale

from portal.news.demo import load_news_demo
from portal.news.models import NewsCategory, NewsPage

pytestmark = pytest.mark.django_db


@pytest.fixture
def english_home(home):
    translation = home.copy_for_translation(Locale.objects.get_or_create(language_code="en")[0])
    translation.save_revision().publish()
    return translation


def test_demo_news_load_once_with_one_scheduled_item_and_mirror_under_english(client, home, english_home):
    load_news_demo(lambda line: None)
    messages = []

    load_news_demo(messages.append)

    assert any("0 new items" in line for line in messages)
    assert NewsPage.objects.count() == 10 and NewsPage.objects.live().count() == 9
    scheduled = NewsPage.objects.get(live=False)
    assert scheduled.get_latest_revision().approved_go_live_at is not None
    assert NewsCategory.objects.filter(slug="van-hoa-doc", name_en="Reading culture").exists()
    assert NewsPage.objects.exclude(lead_image=None).count() >= 3
    listing = client.get("/tin-tuc/").text
    assert "Ngày Sách và Văn hóa đọc" in listing and scheduled.title not in listing
    assert client.get("/en/tin-tuc/").status_code == 200
    assert client.get("/tin-tuc/?page=2").status_code == 200
    assert 'id="home-news"' in client.get("/").text
