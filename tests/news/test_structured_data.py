"""A news item describes itself to search engines as a schema.org NewsArticle."""

import datetime

import pytest
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Site

from portal.core.models import PortalSettings
from tests.core.test_structured_data import structured_data
from tests.news.factories import NewsCategoryFactory, NewsPageFactory

pytestmark = pytest.mark.django_db


def test_news_article_names_its_dates_authors_publisher_image_and_section(client, news_index):
    settings = PortalSettings.for_site(Site.objects.get(is_default_site=True))
    settings.organisation = "Sở Giáo dục và Đào tạo tỉnh Thái Nguyên"
    settings.save()
    item = NewsPageFactory(
        parent=news_index,
        title="Khai mạc Tuần lễ hưởng ứng học tập suốt đời",
        slug="khai-mac",
        date=datetime.date(2026, 10, 1),
        authors="Lê Văn Nam; Hoàng Thị Mai",
        summary="Lễ khai mạc tại trung tâm học tập cộng đồng.",
        categories=[NewsCategoryFactory(slug="hoc-tap-suot-doi", name="Học tập suốt đời")],
        lead_image=get_image_model().objects.create(title="Ảnh", file=get_test_image_file()),
    )
    item.save_revision().publish()

    nodes = structured_data(client.get("/tin-tuc/khai-mac/").text)

    (article,) = [node for node in nodes if node["@type"] == "NewsArticle"]
    assert article["headline"] == item.title and article["url"] == "http://testserver/tin-tuc/khai-mac/"
    assert article["datePublished"].startswith("2026-10-01T") and article["datePublished"].endswith("+07:00")
    assert article["dateModified"].endswith("+07:00")
    assert article["author"] == [
        {"@type": "Person", "name": "Lê Văn Nam"},
        {"@type": "Person", "name": "Hoàng Thị Mai"},
    ]
    assert article["publisher"]["@type"] == "Organization"
    assert article["publisher"]["name"] == "Sở Giáo dục và Đào tạo tỉnh Thái Nguyên"
    assert article["image"].startswith("http://testserver/") and article["image"].endswith(".jpg")
    assert article["articleSection"] == ["Học tập suốt đời"]
    assert article["description"] == item.summary
    (crumbs,) = [node for node in nodes if node["@type"] == "BreadcrumbList"]
    assert [crumb["name"] for crumb in crumbs["itemListElement"]][-2:] == ["Tin tức", item.title]
