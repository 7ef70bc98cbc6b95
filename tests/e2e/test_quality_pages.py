"""Every public page type of the demo portal on a 360 px phone: no serious or critical WCAG 2.2 AA
violation, first load at most 150 KB, nothing from another host, images with their size and lazy, form
controls tall enough to touch, and valid HTML. The demo is loaded once for the module (it takes minutes), so this runs in `make test-slow`.

The pages are served by a live server of the module's own: pytest-django's would flush the database
after every test. Afterwards the database is put back as it was before the demo."""

import urllib.error
import urllib.request
from io import StringIO

import pytest
from django.apps import apps
from django.conf import settings
from django.core.management import call_command
from django.core.management.color import no_style
from django.test import override_settings

from tests.conftest import filesystem_storages
from tests.quality import PHONE, html_errors, serious_violations, visit

pytestmark = [pytest.mark.slow, pytest.mark.browser, pytest.mark.django_db]

PAGE_TYPES = [
    "home", "english home", "standard page", "library", "library filtered", "subject", "organisation",
    "resource: document", "resource: video", "resource: audio", "resource: link", "resource: image set",
    "resource: interactive", "course index", "course", "collection index", "collection",
    "search form", "search results", "search filtered", "search without results",
    "programme index", "programme", "episode: video", "episode: audio only", "episode not aired",
    "schedule", "event index", "campaign", "events calendar", "event", "event registration",
    "registration confirmation", "registration cancel", "news index", "news", "centre index", "centre",
    "dashboard", "dashboard report", "privacy notice", "english library", "english events",
    "english dashboard", "not found",
]  # fmt: skip


def demo_paths() -> dict[str, str]:
    """One address per page type, read from the loaded demo."""
    from portal.centres.models import CommunityLearningCentrePage
    from portal.core.models import StandardPage, Subject
    from portal.events.models import CampaignPage, EventPage
    from portal.indicators.models import Measurement
    from portal.news.models import NewsPage
    from portal.programmes.models import BroadcastProgrammePage, EpisodePage
    from portal.resources.models import (
        CollectionPage,
        CoursePage,
        LearningResourcePage,
        OrganisationSectionPage,
    )
    from tests.registrations.factories import RegistrationFactory

    def first(model, **filters):
        return model.objects.live().public().filter(locale__language_code="vi", **filters).first().url

    resources = LearningResourcePage.objects.live().filter(locale__language_code="vi")
    subject = Subject.objects.filter(resources__live=True).first()
    open_event = next(
        event
        for event in EventPage.objects.live()
        if event.registration_capacity() and event.registration_is_open()
    )
    registration = RegistrationFactory(page=open_event, name="Lò Thị Mai", phone="0388123456")
    paths = {
        "home": "/",
        "english home": "/en/",
        "standard page": first(StandardPage),
        "library": "/hoc-lieu/",
        "library filtered": f"/hoc-lieu/?subject={subject.slug}",
        "subject": f"/hoc-lieu/chu-de/{subject.slug}/",
        "organisation": first(OrganisationSectionPage),
        "course index": "/khoa-hoc/",
        "course": first(CoursePage),
        "collection index": "/bo-suu-tap/",
        "collection": first(CollectionPage),
        "search form": "/tim-kiem/",
        "search results": "/tim-kiem/?q=ky+nang",
        "search filtered": "/tim-kiem/?q=ky+nang&type=video",
        "search without results": "/tim-kiem/?q=qqqzzzxxx",
        "programme index": "/chuong-trinh/",
        "programme": first(BroadcastProgrammePage),
        "episode: video": first(EpisodePage, media__isnull=False, audio__isnull=False),
        "episode: audio only": first(EpisodePage, media__isnull=False, audio__isnull=True),
        "episode not aired": first(EpisodePage, media__isnull=True, audio__isnull=True),
        "schedule": "/lich-phat-song/",
        "event index": "/su-kien/",
        "campaign": first(CampaignPage),
        "events calendar": "/su-kien/lich/",
        "event": open_event.url,
        "event registration": open_event.url + "dang-ky/",
        "registration confirmation": open_event.url + f"dang-ky/{registration.token}/",
        "registration cancel": open_event.url + f"dang-ky/{registration.token}/huy/",
        "news index": "/tin-tuc/",
        "news": first(NewsPage),
        "centre index": "/trung-tam-hoc-tap-cong-dong/",
        "centre": first(CommunityLearningCentrePage),
        "dashboard": "/chi-tieu/",
        "dashboard report": f"/chi-tieu/bao-cao/{Measurement.objects.order_by('-year').first().year}/",
        "privacy notice": "/bao-ve-du-lieu-ca-nhan/",
        "english library": "/en/hoc-lieu/",
        "english events": "/en/su-kien/",
        "english dashboard": "/en/chi-tieu/",
        "not found": "/khong-co-trang-nay/",
    }
    for kind in ("document", "video", "audio", "link", "image_set", "interactive"):
        paths[f"resource: {kind.replace('_', ' ')}"] = resources.filter(resource_type=kind).first().url
    return paths


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker, tmp_path_factory):
    """The demo portal behind a live server, for the whole module."""
    from django.db import connection
    from pytest_django.live_server_helper import LiveServer
    from wagtail.models import Collection, Locale, Page, Site

    folder = tmp_path_factory.mktemp("demo")
    media = override_settings(
        MEDIA_ROOT=folder / "public",
        PRIVATE_MEDIA_ROOT=folder / "private",
        MEDIA_UPLOAD_TEMP_ROOT=folder / "uploads",
        VAR_DIR=folder / "var",
        STORAGES={**settings.STORAGES, **filesystem_storages(folder)},
    )
    with media, django_db_blocker.unblock():
        before = connection.creation.serialize_db_to_string()
        try:
            # What Wagtail's migrations made, in case a transactional test's flush removed it.
            Locale.objects.get_or_create(language_code="vi")
            if Collection.get_first_root_node() is None:
                Collection.add_root(name="Root")
            root = Page.get_first_root_node() or Page.add_root(title="Root", slug="root")
            Site.objects.get_or_create(
                is_default_site=True, defaults={"hostname": "localhost", "root_page": root}
            )
            call_command("load_demo", stdout=StringIO())
            paths = demo_paths()
            server = LiveServer("127.0.0.1:0")
            try:
                yield server.url, paths, folder
            finally:
                server.stop()
        finally:
            call_command("flush", interactive=False, verbosity=0, inhibit_post_migrate=True)
            connection.creation.deserialize_db_from_string(before)
            # The flush restarted every id sequence; the rows put back keep their ids, so the
            # sequences must move past them or the next test's first insert collides.
            with connection.cursor() as cursor:
                for statement in connection.ops.sequence_reset_sql(
                    no_style(), apps.get_models(include_auto_created=True)
                ):
                    cursor.execute(statement)
            # Playwright's greenlets give this fixture a connection of its own, which the database
            # teardown would not see: left open, it keeps the test database from being dropped.
            connection.close()


@pytest.fixture(autouse=True)
def media_root(demo):
    """The demo's files, for every test of the module (instead of an empty folder per test)."""
    return demo[2]


def fetch(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()


@pytest.mark.parametrize("page_type", PAGE_TYPES)
def test_page_type_meets_the_bars(demo, browser, page_type):
    base, paths, _folder = demo
    result = visit(browser, base + paths[page_type])

    assert result.status == (404 if page_type == "not found" else 200)
    assert result.problems() == []


def test_the_error_page_meets_the_bars(demo, browser):
    """The 500 page, as Django renders it, served in place of the home page."""
    from django.test import RequestFactory
    from django.views.defaults import server_error

    base, _paths, _folder = demo
    html = server_error(RequestFactory().get("/")).content.decode()
    context = browser.new_context(viewport=PHONE)
    try:
        context.route(
            base + "/", lambda route: route.fulfill(status=500, body=html, content_type="text/html")
        )
        page = context.new_page()
        page.goto(base + "/")

        assert page.locator("h1").count() == 1
        assert serious_violations(page) == []
    finally:
        context.close()


def test_every_page_type_is_valid_html(demo, tmp_path):
    from django.test import RequestFactory
    from django.views.defaults import server_error

    base, paths, _folder = demo
    documents = {page_type: fetch(base + paths[page_type])[1] for page_type in PAGE_TYPES}
    documents["server error"] = server_error(RequestFactory().get("/")).content.decode()

    errors = html_errors(documents, tmp_path)

    assert {page_type: found for page_type, found in errors.items() if found} == {}
