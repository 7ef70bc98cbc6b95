"""The anonymous page cache: served again without the database, never stale after a change,
never for someone signed in, never a page with a form token, per language."""

import pytest
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def page_cache(settings):
    settings.PAGE_CACHE_SECONDS = 600
    cache.clear()
    yield
    cache.clear()


def test_a_second_visit_is_served_from_the_cache_without_the_database(client, resource):
    first = client.get(resource.url)
    assert first["X-Page-Cache"] == "miss"
    with CaptureQueriesContext(connection) as queries:
        second = client.get(resource.url)
    assert second["X-Page-Cache"] == "hit"
    assert len(queries) == 0
    assert second.content == first.content


def test_a_published_change_shows_at_once(client, resource):
    client.get(resource.url)
    resource.title = "Kỹ năng số cho mọi người"
    resource.save_revision().publish()
    response = client.get(resource.url)
    assert response["X-Page-Cache"] == "miss"
    assert "Kỹ năng số cho mọi người" in response.content.decode()


def test_an_unpublished_page_is_gone_at_once(client, resource):
    client.get(resource.url)
    url = resource.url
    resource.unpublish()
    assert client.get(url).status_code == 404


def test_a_page_made_private_is_not_served_from_the_cache(client, resource):
    client.get(resource.url)
    PageViewRestriction.objects.create(page=resource, restriction_type=PageViewRestriction.LOGIN)
    response = client.get(resource.url)
    assert response.status_code == 302  # to the sign-in page, not the cached copy


def test_a_changed_term_shows_on_cached_listings(client, resource, library):
    from tests.factories import SubjectFactory

    subject = SubjectFactory(name="Kỹ năng số")
    resource.subjects.set([subject])
    resource.save_revision().publish()
    client.get(library.url)
    subject.name = "Kỹ năng công nghệ số"
    subject.save()
    assert "Kỹ năng công nghệ số" in client.get(library.url).content.decode()


def test_someone_signed_in_is_never_served_or_stored(client, resource):
    user = get_user_model().objects.create_user("bientap", password="x")
    client.force_login(user)
    assert "X-Page-Cache" not in client.get(resource.url)
    client.logout()
    assert client.get(resource.url)["X-Page-Cache"] == "miss"


def test_a_page_with_a_form_token_is_not_stored(client, resource):
    PageViewRestriction.objects.create(
        page=resource, restriction_type=PageViewRestriction.PASSWORD, password="x"
    )
    client.get(resource.url)
    assert "X-Page-Cache" not in client.get(resource.url)  # the password form carries a CSRF token


def test_each_language_has_its_own_copy(client, home):
    vietnamese = client.get("/tim-kiem/")
    english = client.get("/en/tim-kiem/")
    assert vietnamese["X-Page-Cache"] == english["X-Page-Cache"] == "miss"
    assert client.get("/en/tim-kiem/").content == english.content
    assert english.content != vietnamese.content
