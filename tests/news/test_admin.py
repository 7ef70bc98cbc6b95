"""Editors write news in the Wagtail admin and keep the categories there."""

import pytest

from tests.news.factories import NewsCategoryFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client, django_user_model):
    client.force_login(django_user_model.objects.create_superuser("quantri", "quantri@example.org", "x"))
    return client


def test_an_editor_opens_the_news_form_with_categories_tags_and_go_live_date(admin_client, news_index):
    NewsCategoryFactory(name="Văn hóa đọc", slug="van-hoa-doc")

    response = admin_client.get(f"/admin/pages/add/news/newspage/{news_index.pk}/")

    assert response.status_code == 200
    html = response.text
    assert 'name="categories"' in html and 'name="tags"' in html and 'name="go_live_at"' in html
    assert "Văn hóa đọc" in html


def test_news_categories_are_listed_in_the_admin(admin_client):
    NewsCategoryFactory(name="Thông báo", slug="thong-bao")

    response = admin_client.get("/admin/snippets/news/newscategory/")

    assert response.status_code == 200 and "Thông báo" in response.text
