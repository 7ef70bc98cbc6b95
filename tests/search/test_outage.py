"""Search against a real Elasticsearch-API server of the test's own, stopped or rebuilt mid-way.

With the server stopped, every search still answers (from the database) and says it runs in a
simpler mode; while the indexes are rebuilt and their aliases swapped, no search fails or sees
a half-built index.
"""

import threading
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connections
from django.test import Client

from tests import servers
from tests.media.conftest import wagtail_basics  # noqa: F401 - for the transactional test
from tests.outage import stop_for_good
from tests.resources.factories import (
    LearningResourcePageFactory,
    LibraryIndexPageFactory,
    OrganisationSectionPageFactory,
)

pytestmark = pytest.mark.elasticsearch

TEA = 12  # resources about tea; the rest are about other things
NOTICE = 'class="search-notice"'


@pytest.fixture
def own_elasticsearch(tmp_path):
    """An Elasticsearch-API server for this test only, which the test may stop: (process, url)."""
    workdir = tmp_path / "elasticsearch-own"
    workdir.mkdir()

    def launch():
        port = servers.free_port()
        command = [
            str(servers.BIN / "noida-db"), "start", "--only", "elasticsearch",
            "--data-dir", str(workdir / "data"), "--elasticsearch-port", str(port),
        ]  # fmt: skip
        url = f"http://127.0.0.1:{port}"
        return command, url, url

    with servers.running(launch, workdir) as (process, url):
        yield process, url


@pytest.fixture
def on_elasticsearch(settings, own_elasticsearch, es_prefix):
    _process, url = own_elasticsearch
    settings.ELASTICSEARCH_URL, settings.SEARCH_BACKEND = url, "elasticsearch"
    settings.ELASTICSEARCH_INDEX_PREFIX, settings.ELASTICSEARCH_TIMEOUT = es_prefix, 5
    settings.RATE_LIMITS = dict.fromkeys(settings.RATE_LIMITS, "off")
    return own_elasticsearch


def make_library(home) -> list[str]:
    section = OrganisationSectionPageFactory(
        parent=LibraryIndexPageFactory(parent=home), organisation__name="Trung tâm Khuyến nông"
    )
    titles = [f"Kỹ thuật trồng chè Tân Cương, phần {n}" for n in range(1, TEA + 1)]
    for title in titles:
        LearningResourcePageFactory(parent=section, title=title, summary="Chăm sóc chè vụ xuân.")
    for n in range(8):
        LearningResourcePageFactory(parent=section, title=f"Nuôi cá rô phi đơn tính, bài {n}")
    call_command("search_index", "--rebuild", stdout=StringIO())
    return titles


SEARCHES = [
    ("/tim-kiem/", {"q": "trong che"}),
    ("/tim-kiem/", {"q": "Kỹ thuật trồng chè", "sort": "newest"}),
    ("/tim-kiem/", {"q": "che tan cuong", "type": "document", "page": "2"}),
    ("/tim-kiem/", {"q": "ca ro phi", "sort": "downloads"}),
    ("/api/search/", {"q": "trong che"}),
    ("/api/search/", {"q": "chè", "type": "document", "page_size": "5", "page": "2"}),
    ("/api/search/", {"q": "nuoi ca"}),
    ("/tim-kiem/goi-y/", {"q": "ky thuat"}),
]


@pytest.mark.django_db
def test_elasticsearch_stopped_every_search_answers_from_the_database(client, home, on_elasticsearch):
    titles = make_library(home)
    before = client.get("/api/search/", {"q": "trong che"}).json()
    assert before["backend"] == "elasticsearch" and before["total"] == TEA

    stop_for_good(*on_elasticsearch)

    statuses = []
    for number in range(200):
        path, params = SEARCHES[number % len(SEARCHES)]
        response = client.get(path, params)
        statuses.append(response.status_code)
        if response.status_code != 200:
            continue
        if path == "/tim-kiem/":
            assert NOTICE in response.text, (number, params)  # the page says it runs in the simpler mode
        elif path == "/api/search/":
            assert response.json()["backend"] == "database"
    assert [status for status in statuses if status >= 500] == []
    assert statuses == [200] * 200

    page = client.get("/tim-kiem/", {"q": "trong che"})
    assert NOTICE in page.text and "chế độ đơn giản" in page.text  # in Vietnamese
    assert all(title in page.text for title in titles[:5])
    assert client.get("/api/search/", {"q": "trong che"}).json()["total"] == TEA


@pytest.mark.django_db(transaction=True)
def test_rebuilding_with_alias_swaps_fails_no_search(wagtail_basics, home, on_elasticsearch):  # noqa: F811
    make_library(home)
    wanted = 500
    failures, answered = [], []
    lock = threading.Lock()

    def searcher(share: int) -> None:
        client = Client()
        try:
            for number in range(share):
                path, params = SEARCHES[number % 2 * 4]  # the page and the API, about tea
                response = client.get(path, params)
                ok = response.status_code == 200
                if ok and path == "/api/search/":
                    data = response.json()
                    ok = data["backend"] == "elasticsearch" and data["total"] == TEA
                elif ok:
                    ok = NOTICE not in response.text and "phần 1" in response.text
                with lock:
                    answered.append(path)
                    if not ok:
                        failures.append((path, response.status_code, response.content[:300]))
        finally:
            connections.close_all()

    threads = [threading.Thread(target=searcher, args=(wanted // 4,)) for _ in range(4)]
    for thread in threads:
        thread.start()
    rebuilds = 0
    try:
        while any(thread.is_alive() for thread in threads) or rebuilds < 2:
            call_command(
                "search_index",
                "--rebuild",
                "--backend",
                "elasticsearch",
                "--family",
                "resources",
                stdout=StringIO(),
            )
            rebuilds += 1
    finally:
        for thread in threads:
            thread.join()

    assert len(answered) == wanted
    assert failures == []
    assert rebuilds >= 2, rebuilds
    print(f"{rebuilds} rebuilds during {wanted} searches")
