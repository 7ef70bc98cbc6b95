"""What is counted when people read resources and download their files, and what is not."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from portal.usage import recording
from portal.usage.models import Dimension, UsageCount
from portal.usage.people import month_start
from tests.usage.conftest import GOOGLEBOT, PHONE

pytestmark = pytest.mark.django_db


def figures(dimension) -> dict[str, tuple[int, int, str]]:
    return {
        row.key: (row.views, row.downloads, row.scope)
        for row in UsageCount.objects.filter(dimension=dimension, month=month_start())
    }


def download_url(resource) -> str:
    document = resource.files.first().document
    return reverse("media:download", args=[document.pk, document.filename])


def test_views_and_downloads_are_counted_per_month_for_each_dimension(client, resource):
    first = client.get(resource.url, HTTP_USER_AGENT=PHONE)
    client.get(resource.url, HTTP_USER_AGENT=PHONE)
    download = client.get(download_url(resource), HTTP_USER_AGENT=PHONE)
    recording.flush()

    assert first.status_code == 200 and download.status_code == 200
    scope = "dai-hoc-thai-nguyen"
    assert figures(Dimension.RESOURCE) == {str(resource.pk): (2, 1, scope)}
    assert figures(Dimension.ORGANISATION) == {scope: (2, 1, scope)}
    assert figures(Dimension.SUBJECT) == {"ky-nang-so": (2, 1, scope), "nong-nghiep": (2, 1, scope)}
    assert figures(Dimension.LANGUAGE) == {"vi": (2, 1, scope), "tyz": (2, 1, scope)}


def test_flushing_again_adds_to_the_months_figures(client, resource):
    client.get(resource.url, HTTP_USER_AGENT=PHONE)
    recording.flush()
    client.get(resource.url, HTTP_USER_AGENT=PHONE)
    recording.flush()

    assert figures(Dimension.RESOURCE)[str(resource.pk)][0] == 2


def test_the_mark_never_reaches_the_visitor(client, resource):
    response = client.get(resource.url, HTTP_USER_AGENT=PHONE)

    assert "X-Usage" not in response.headers


@pytest.mark.parametrize("agent", [GOOGLEBOT, "", "python-requests/2.32"])
def test_robots_and_requests_that_do_not_say_what_they_are_are_not_counted(client, resource, agent):
    response = client.get(resource.url, HTTP_USER_AGENT=agent)
    client.get(download_url(resource), HTTP_USER_AGENT=agent)
    recording.flush()

    assert response.status_code == 200 and "X-Usage" not in response.headers
    assert not UsageCount.objects.exists()


def test_editors_checking_their_pages_and_head_requests_are_not_counted(client, resource, provincial_editor):
    client.head(resource.url, HTTP_USER_AGENT=PHONE)
    client.force_login(provincial_editor)
    client.get(resource.url, HTTP_USER_AGENT=PHONE)
    client.get(download_url(resource), HTTP_USER_AGENT=PHONE)
    recording.flush()

    assert not UsageCount.objects.exists()


def test_a_missing_page_is_not_counted(client, resource):
    client.get(resource.url + "khong-co/", HTTP_USER_AGENT=PHONE)

    assert recording.pending() == 0


def test_a_page_answered_from_the_cache_is_counted_and_keeps_the_mark_private(client, resource, settings):
    settings.ROOT_URLCONF = "tests.usage.cached_urls"
    cached_url = "/cached" + resource.url

    first = client.get(cached_url, HTTP_USER_AGENT=PHONE)
    with CaptureQueriesContext(connection) as queries:
        second = client.get(cached_url, HTTP_USER_AGENT=PHONE)
    recording.flush()

    assert first.status_code == second.status_code == 200
    assert len(queries) == 0  # the view did not run: the cache answered
    assert "X-Usage" not in first.headers and "X-Usage" not in second.headers
    assert figures(Dimension.RESOURCE)[str(resource.pk)][0] == 2


def test_a_page_from_the_portals_own_page_cache_is_counted(client, resource, settings):
    settings.PAGE_CACHE_SECONDS = 600
    client.get("/")  # the site's settings row is made on the first visit (a change: a new generation)

    first = client.get(resource.url, HTTP_USER_AGENT=PHONE)
    second = client.get(resource.url, HTTP_USER_AGENT=PHONE)
    recording.flush()

    assert (first["X-Page-Cache"], second["X-Page-Cache"]) == ("miss", "hit")
    assert "X-Usage" not in first.headers and "X-Usage" not in second.headers
    assert figures(Dimension.RESOURCE)[str(resource.pk)][0] == 2


def test_the_buffer_goes_to_the_database_once_it_is_old_enough(client, resource, settings):
    settings.USAGE_FLUSH_SECONDS = 0

    client.get(resource.url, HTTP_USER_AGENT=PHONE)

    assert recording.pending() == 0
    assert figures(Dimension.RESOURCE)[str(resource.pk)][0] == 1


def test_flush_reads_what_resources_are_in_a_fixed_number_of_queries(make_resource):
    def selects(count: int) -> int:
        pages = [make_resource(title=f"Học liệu {count}-{number}") for number in range(count)]
        for page in pages:
            recording.record_view("resource", page.pk)
            recording._add(
                recording.Counter({("document", month_start(), page.files.first().document_id): 1})
            )
        with CaptureQueriesContext(connection) as queries:
            recording.flush()
        return sum(query["sql"].startswith("SELECT") for query in queries.captured_queries)

    assert selects(1) == selects(6)


def test_a_preview_is_neither_marked_nor_counted(rf, resource):
    from django.contrib.auth.models import AnonymousUser

    request = rf.get(resource.url, HTTP_USER_AGENT=PHONE)
    request.user = AnonymousUser()
    response = resource.make_preview_request(original_request=request)

    assert response.status_code == 200 and "X-Usage" not in response.headers
    assert recording.pending() == 0
