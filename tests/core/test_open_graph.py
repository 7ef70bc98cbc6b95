"""A link pasted into Zalo or Facebook shows a proper card: title, text, picture, language."""

import re

import pytest
import wagtail_factories

from tests.factories import StandardPageFactory

pytestmark = pytest.mark.django_db


def meta(html: str) -> dict[str, str]:
    return dict(re.findall(r'<meta property="(og:[a-z:_]+)" content="([^"]*)">', html))


def test_a_page_card_has_its_title_text_address_and_language(client, home):
    StandardPageFactory(
        parent=home,
        title="Ngày Sách và Văn hóa đọc",
        slug="ngay-sach",
        search_description="Đọc sách cùng con.",
    )

    html = client.get("/ngay-sach/?utm_source=zalo").text
    card = meta(html)

    assert card["og:title"] == "Ngày Sách và Văn hóa đọc"
    assert card["og:description"] == "Đọc sách cùng con."
    assert card["og:url"] == "http://testserver/ngay-sach/"
    assert card["og:locale"] == "vi_VN" and card["og:locale:alternate"] == "en_US"
    assert '<link rel="canonical" href="http://testserver/ngay-sach/">' in html
    assert "og:image" not in card


def test_the_picture_is_a_light_jpeg_at_the_size_cards_use(client, home):
    home.hero_image = wagtail_factories.ImageFactory(title="Cánh đồng chè Tân Cương")
    home.hero_text = "Học mọi lúc, mọi nơi."
    home.save()

    card = meta(client.get("/").text)

    assert re.fullmatch(r"http://testserver/media/.+\.jpg", card["og:image"])
    assert card["og:image:alt"] == "Cánh đồng chè Tân Cương"
    assert card["og:description"] == "Học mọi lúc, mọi nơi."


def test_the_english_interface_announces_english(client, home):
    assert meta(client.get("/en/").text)["og:locale"] == "en_US"


def test_a_page_offers_plain_share_links_and_its_address_to_copy(client, home):
    StandardPageFactory(parent=home, title="Ngày Sách", slug="ngay-sach")

    html = client.get("/ngay-sach/?trang=2").text

    assert 'href="https://sp.zalo.me/share?url=http%3A%2F%2Ftestserver%2Fngay-sach%2F"' in html
    assert (
        'href="https://www.facebook.com/sharer/sharer.php?u=http%3A%2F%2Ftestserver%2Fngay-sach%2F"' in html
    )
    assert 'id="share-url" type="url" value="http://testserver/ngay-sach/" readonly' in html
    assert all(src.startswith("/static/") for src in re.findall(r'<script src="([^"]+)"', html))  # ours only
    assert "Chia sẻ trang này" in html
    assert "sp.zalo.me" not in client.get("/").text  # the home page is shared by its address alone
