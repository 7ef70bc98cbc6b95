"""Crawlers find every public page in both languages, and stay off results and downloads."""

import pytest
from lxml import etree
from wagtail.models import Locale, PageViewRestriction

from tests.factories import StandardPageFactory

pytestmark = pytest.mark.django_db
NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}


@pytest.fixture
def english_home(home):
    english = home.copy_for_translation(Locale.objects.get_or_create(language_code="en")[0])
    english.save_revision().publish()
    return english


def test_sitemap_lists_public_pages_of_both_languages_with_their_alternates(client, home, english_home):
    about = StandardPageFactory(parent=home, title="Giới thiệu", slug="gioi-thieu")
    about.save_revision().publish()
    about.create_alias(parent=english_home, update_locale=english_home.locale, reset_translation_key=False)
    secret = StandardPageFactory(parent=home, title="Nội bộ", slug="noi-bo")
    PageViewRestriction.objects.create(page=secret, restriction_type="login")
    StandardPageFactory(parent=home, title="Bản nháp", slug="ban-nhap", live=False)

    response = client.get("/sitemap.xml")

    assert response.status_code == 200
    root = etree.fromstring(response.content)
    locations = root.xpath("//s:url/s:loc/text()", namespaces=NS)
    assert "http://localhost/gioi-thieu/" in locations and "http://localhost/en/gioi-thieu/" in locations
    assert not any("noi-bo" in url or "ban-nhap" in url for url in locations)
    (entry,) = root.xpath("//s:url[s:loc='http://localhost/gioi-thieu/']", namespaces=NS)
    alternates = {link.get("hreflang"): link.get("href") for link in entry.iterfind("x:link", NS)}
    assert alternates == {"vi": "http://localhost/gioi-thieu/", "en": "http://localhost/en/gioi-thieu/"}
    assert entry.findtext("s:lastmod", namespaces=NS)


def test_robots_points_at_the_sitemap_and_keeps_crawlers_off_results_and_downloads(client, home):
    text = client.get("/robots.txt").content.decode()

    assert "Sitemap: http://testserver/sitemap.xml" in text
    for path in ("/tim-kiem/", "/tai-ve/", "/api/search/"):
        assert f"Disallow: {path}\n" in text
