"""What visitors see, cached until content changes (``portal.core.caching``).

Anonymous pages are served again without the database, never stale after any change that shows
(each invalidation path below), never to someone signed in, never a page with a form token or
with live figures; fragments are reused for signed-in visitors too, and what is behind a view
restriction is never served from any cache to someone not allowed.
"""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import PageViewRestriction

from tests.factories import SubjectFactory
from tests.resources.factories import OrganisationSectionPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def page_cache(settings):
    settings.PAGE_CACHE_SECONDS = 600
    cache.clear()
    yield
    cache.clear()


def warm(client, url: str) -> None:
    """A first visit, so the next one may be answered from the cache."""
    assert client.get(url).status_code == 200


def test_a_second_visit_is_served_from_the_cache_without_the_database(client, resource):
    first = client.get(resource.url)
    with CaptureQueriesContext(connection) as queries:
        second = client.get(resource.url)

    assert (first["X-Page-Cache"], second["X-Page-Cache"]) == ("miss", "hit")
    assert len(queries) == 0
    assert second.content == first.content
    assert second["Cache-Control"] == "max-age=0"  # browsers ask again: a change shows at once


def test_a_published_change_shows_at_once(client, resource):
    warm(client, resource.url)

    resource.title = "Kỹ năng số cho mọi người"
    resource.save_revision().publish()

    response = client.get(resource.url)
    assert response["X-Page-Cache"] == "miss"
    assert "Kỹ năng số cho mọi người" in response.text


def test_an_unpublished_page_is_gone_at_once_and_leaves_its_listing(client, resource, library):
    warm(client, resource.url)
    warm(client, library.url)
    url = resource.url

    resource.unpublish()

    assert client.get(url).status_code == 404
    assert resource.title not in client.get(library.url).text


def test_a_moved_page_answers_at_its_new_address_and_the_old_one_leads_there(client, resource, library):
    warm(client, resource.url)
    old_url = resource.url
    other = OrganisationSectionPageFactory(parent=library, organisation__slug="so-gddt")

    resource.move(other, pos="last-child")

    new_url = type(resource).objects.get(pk=resource.pk).url
    assert new_url.startswith("/hoc-lieu/so-gddt/")
    moved = client.get(old_url)
    assert moved.status_code == 301 and moved["Location"] == new_url
    assert client.get(new_url).status_code == 200


def test_a_deleted_page_is_gone_at_once(client, resource, library):
    warm(client, library.url)
    title = resource.title

    resource.delete()

    assert title not in client.get(library.url).text


def test_a_renamed_term_shows_on_cached_listings(client, resource, library):
    subject = SubjectFactory(name="Kỹ năng số")
    resource.subjects.set([subject])
    resource.save_revision().publish()
    warm(client, library.url)

    subject.name = "Kỹ năng công nghệ số"
    subject.save()

    assert "Kỹ năng công nghệ số" in client.get(library.url).text


def test_a_renamed_organisation_shows_on_its_resources(client, resource, section):
    warm(client, resource.url)

    organisation = section.organisation
    organisation.name = "Đại học Thái Nguyên (TNU)"
    organisation.save()

    assert "Đại học Thái Nguyên (TNU)" in client.get(resource.url).text


def test_writes_without_signals_say_so_themselves(client, home):
    """New airings (``bulk_create``) appear on the cached schedule at once."""
    from portal.programmes.tasks import roll_forward
    from tests.programmes.factories import (
        BroadcastProgrammePageFactory,
        ProgrammeIndexPageFactory,
        SchedulePageFactory,
    )

    index = ProgrammeIndexPageFactory(parent=home)
    schedule = SchedulePageFactory(parent=home)
    warm(client, schedule.url)
    tomorrow = (timezone.localdate() + datetime.timedelta(days=1)).weekday()
    programme = BroadcastProgrammePageFactory(
        parent=index, title="Nông nghiệp xanh mỗi tuần", slot_weekday=tomorrow, slot_time=datetime.time(20)
    )
    programme.airings.all().delete()
    warm(client, schedule.url)
    assert "Nông nghiệp xanh mỗi tuần" not in client.get(schedule.url).text

    assert roll_forward() > 0

    assert "Nông nghiệp xanh mỗi tuần" in client.get(schedule.url).text


def test_a_page_with_seats_left_is_never_served_stale(client, home):
    from portal.registrations import seats
    from tests.registrations.factories import EventIndexPageFactory, EventPageFactory

    index = EventIndexPageFactory(parent=home)
    event = EventPageFactory(parent=index, capacity=2, starts_at=timezone.now() + datetime.timedelta(days=3))
    first = client.get(event.url)
    assert "X-Page-Cache" not in first and "no-store" in first["Cache-Control"]
    assert "Còn 2 chỗ" in first.text

    seats.register(event, name="Nguyễn Văn An", phone="0912345678", commune=None)

    again = client.get(event.url)
    assert "X-Page-Cache" not in again
    assert "Còn 1 chỗ" in again.text


def test_a_restriction_added_later_is_never_answered_from_any_cache(client, resource, django_user_model):
    warm(client, resource.url)
    member = django_user_model.objects.create_user("thanh-vien", password="x")
    insider = client.__class__()
    insider.force_login(member)
    warm(insider, resource.url)  # its fragment kept for a signed-in visitor

    PageViewRestriction.objects.create(page=resource, restriction_type=PageViewRestriction.LOGIN)

    anonymous = client.get(resource.url)
    assert anonymous.status_code == 302 and "/_util/login/" in anonymous["Location"]
    stranger = client.__class__()
    stranger.force_login(django_user_model.objects.create_user("nguoi-khac", password="x"))
    assert stranger.get(resource.url).status_code == 200  # signed in: allowed by a LOGIN restriction


def test_someone_signed_in_is_never_served_or_stored(client, resource):
    client.force_login(get_user_model().objects.create_user("bientap", password="x"))
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


def test_a_signed_in_visitor_gets_the_kept_fragment_without_the_pages_relations(client, resource):
    client.force_login(get_user_model().objects.create_user("giao-vien", password="x"))
    warm(client, resource.url)
    with CaptureQueriesContext(connection) as first:
        client.get(resource.url)
    resource.subjects.add(SubjectFactory(name="Nuôi ong"))  # a change: the fragment is built anew
    resource.save_revision().publish()
    with CaptureQueriesContext(connection) as rebuilt:
        response = client.get(resource.url)

    assert "Nuôi ong" in response.text
    assert len(first) < len(rebuilt)


def test_with_the_cache_off_every_visit_builds_the_page(client, resource, settings):
    settings.PAGE_CACHE_SECONDS = 0
    warm(client, resource.url)

    assert "X-Page-Cache" not in client.get(resource.url)


def test_rows_written_while_people_browse_leave_cached_pages_alone(client, resource, make_document):
    """Only the models an app declares with ``shows_on_pages`` start a new generation: a download
    counted or a session saved on every visit must not empty the cache."""
    from media.models import DownloadCounter
    from portal.core.caching import content_generation
    from tests.media import corpus

    document = make_document(corpus.pdf("navy"), "tai-lieu.pdf", "Tài liệu")
    warm(client, resource.url)
    before = content_generation()

    DownloadCounter.objects.create(document=document, count=3)

    assert content_generation() == before
    assert client.get(resource.url)["X-Page-Cache"] == "hit"
