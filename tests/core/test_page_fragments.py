"""Rendered pages kept as fragments (page cache off): built once, then served without the
database for everyone, signed in or not, never stale after a change, never a preview, each
address and language apart; and routing that remembers what it found until content changes."""

import pytest
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from tests.resources.factories import LearningResourcePageFactory, OrganisationSectionPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fragments(settings):
    settings.PAGE_CACHE_SECONDS = 0
    settings.PAGE_FRAGMENT_SECONDS = 600
    cache.clear()
    yield
    cache.clear()


def visit(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return response, len(queries)


def test_a_page_seen_again_is_served_without_the_database(client, resource):
    first, built = visit(client, resource.url)
    again, kept = visit(client, resource.url)
    assert again.content == first.content
    assert built >= 8 and kept == 0
    assert "X-Page-Cache" not in again  # the view ran: this is not the page cache


def test_a_published_change_shows_at_once(client, resource):
    visit(client, resource.url)
    resource.title = "Kỹ năng số cho mọi người"
    resource.save_revision().publish()
    assert "Kỹ năng số cho mọi người" in client.get(resource.url).content.decode()


def test_someone_signed_in_gets_the_kept_page_with_their_own_user_bar(client, resource):
    anonymous, _ = visit(client, resource.url)
    editor = get_user_model().objects.create_superuser("bientap", "bientap@example.vn", "x")
    client.force_login(editor)
    signed_in, queries = visit(client, resource.url)
    assert "<wagtail-userbar" in signed_in.content.decode()
    assert "<wagtail-userbar" not in anonymous.content.decode()
    assert (
        anonymous.content.decode().split("</footer>")[0] == signed_in.content.decode().split("</footer>")[0]
    )
    assert queries < 8  # the session and user, not the page


def test_a_preview_shows_the_unsaved_change_and_is_not_kept(rf, client, resource):
    from django.contrib.auth.models import AnonymousUser

    visit(client, resource.url)
    resource.title = "Bản nháp chưa lưu"
    request = rf.get(resource.url)
    request.user = AnonymousUser()
    preview = resource.make_preview_request(original_request=request)
    assert "Bản nháp chưa lưu" in preview.content.decode()
    live = client.get(resource.url).content.decode()
    assert "Kỹ năng số cho người cao tuổi" in live and "Bản nháp chưa lưu" not in live


def test_a_restricted_page_still_asks_to_sign_in_after_someone_saw_it(client, resource):
    PageViewRestriction.objects.create(page=resource, restriction_type=PageViewRestriction.LOGIN)
    member = get_user_model().objects.create_user("hocvien", "hocvien@example.vn", "x")
    client.force_login(member)
    visit(client, resource.url)
    client.logout()
    assert client.get(resource.url).status_code == 302


def test_each_filter_order_and_language_is_kept_apart(client, section, library):
    LearningResourcePageFactory(parent=section, title="An toàn giao thông")
    LearningResourcePageFactory(parent=section, title="Bảo vệ rừng")
    client.get("/")
    by_title = client.get(library.url + "?sort=title").content.decode()
    newest = client.get(library.url).content.decode()
    assert by_title.index("An toàn giao thông") < by_title.index("Bảo vệ rừng")
    assert newest.index("Bảo vệ rừng") < newest.index("An toàn giao thông")
    assert client.get(library.url + "?sort=title").content.decode() == by_title
    english = client.get("/en" + library.url).content.decode()
    assert 'lang="en"' in english and 'lang="en"' not in newest.split(">")[1]


def test_a_moved_page_answers_at_its_new_address_at_once(client, resource, library):
    other = OrganisationSectionPageFactory(parent=library, title="Sở Y tế")
    old_url = resource.url
    visit(client, old_url)
    resource.move(other, pos="last-child")
    resource.refresh_from_db()
    moved = client.get(old_url)  # Wagtail's redirect from the old address, not the kept page
    assert moved.status_code == 301 and moved["Location"] == resource.url
    assert "Kỹ năng số cho người cao tuổi" in client.get(resource.url).content.decode()


def test_a_change_made_without_signals_shows_once_what_was_kept_is_old(
    client, resource, monkeypatch, settings
):
    from portal.core import fragments
    from portal.resources.models import LearningResourcePage

    visit(client, resource.url)
    LearningResourcePage.objects.filter(pk=resource.pk).update(title="Sửa thẳng trong cơ sở dữ liệu")
    settings.PAGE_FRAGMENT_SECONDS = 0  # the rendered page's own time is over,
    monkeypatch.setattr(fragments._store, "seconds", 0)  # and so is PROCESS_SECONDS
    assert "Sửa thẳng trong cơ sở dữ liệu" in client.get(resource.url).content.decode()
