"""Pages are saved to the test database (PostgreSQL where reachable) and served in Vietnamese."""

import os

import pytest
from django.db import connection

from tests.factories import StandardPageFactory

pytestmark = pytest.mark.django_db


def test_page_saved_and_served_from_the_database(client, home):
    page = StandardPageFactory(parent=home, title="Ngày Sách và Văn hóa đọc Việt Nam", slug="ngay-sach")

    response = client.get("/ngay-sach/")

    assert response.status_code == 200
    assert "Ngày Sách và Văn hóa đọc Việt Nam" in response.text
    assert page.live
    if os.environ.get("CI") == "true":
        assert connection.vendor == "postgresql"


def test_home_page_is_vietnamese_and_accessible(client, home):
    response = client.get("/")

    assert response.status_code == 200
    assert '<html lang="vi">' in response.text
    assert 'href="#main"' in response.text and 'id="main"' in response.text
    assert "Bỏ qua, đến nội dung chính" in response.text
    assert home.hero_title in response.text
    assert 'action="/tim-kiem/"' in response.text


def test_english_interface_mirrors_under_en(client, home):
    response = client.get("/en/")

    assert response.status_code == 200
    assert '<html lang="en">' in response.text
    assert "Skip to main content" in response.text
    assert 'href="/" lang="vi"' in response.text


def test_unknown_page_gets_a_friendly_404(client, home):
    response = client.get("/khong-co-trang-nay/")

    assert response.status_code == 404
    assert "Không tìm thấy trang" in response.text


@pytest.mark.parametrize("query", ["", "học tập", "x" * 10_000, '"unbalanced', "\x00\x1f", "page=-1"])
def test_search_page_never_fails(client, home, query):
    StandardPageFactory(parent=home, title="Học tập suốt đời")

    response = client.get("/tim-kiem/", {"q": query, "page": "-1"})

    assert response.status_code == 200
