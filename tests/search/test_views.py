"""The search page, autocomplete, OpenSearch and the JSON API, as a visitor or a client sees them."""

import json
import logging

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from search.backends import get_backend
from tests.search.conftest import load
from tests.search.corpus import CORPUS, doc

pytestmark = pytest.mark.django_db


@pytest.fixture
def corpus(home):
    return load(get_backend("database"), CORPUS)


def test_search_page_lists_highlighted_results_with_facets(client, corpus):
    response = client.get("/tim-kiem/", {"q": "trong che"})

    assert response.status_code == 200
    html = response.text
    assert 'href="/hoc-lieu/mau/9/"' in html and "Kỹ thuật trồng chè an toàn VietGAP" in html
    assert "<mark>" in html
    assert 'type="checkbox" name="subject" value="nong-nghiep"' in html
    assert 'name="sort"' in html


def test_filters_work_as_a_plain_get_form(client, corpus):
    response = client.get("/tim-kiem/", {"q": "nguoi cao tuoi", "type": "video", "sort": "newest"})

    assert response.status_code == 200
    assert 'value="video" checked' in response.text
    assert "Kỹ năng số cho người cao tuổi" in response.text
    assert "Chăm sóc sức khỏe người cao tuổi tại nhà" not in response.text  # a document, not a video
    assert 'href="/tim-kiem/?q=nguoi+cao+tuoi&amp;sort=newest"' in response.text  # removes the type filter


def test_empty_state_suggests_popular_subjects(client, corpus):
    response = client.get("/tim-kiem/", {"q": "zzzqqq"})

    assert response.status_code == 200
    assert "/tim-kiem/?subject=ky-nang-so" in response.text


def test_typo_shows_results_for_the_correction(client, corpus):
    response = client.get("/tim-kiem/", {"q": "chawn nuoi ga"})

    assert "chăn nuôi gà" in response.text and "Chăn nuôi gà thả vườn" in response.text


@pytest.mark.parametrize(
    "params",
    [
        {"q": "x" * 10_000},
        {"q": '"hoc tap'},
        {"q": "hoc\x00tap\x1b[31m"},
        {"q": "hoc", "page": "-1"},
        {"q": "hoc", "page": "99999"},
        {"q": "hoc", "page": "abc"},
        {"q": "hoc", "sort": "nonsense"},
        {"q": "hoc", "colour": "red"},
        {"q": "hoc", "subject": "khong-co"},
        {"q": "*:* OR 1=1 --", "type": "<script>"},
    ],
)
def test_malformed_parameters_get_a_sane_page(client, corpus, params):
    response = client.get("/tim-kiem/", params)

    assert response.status_code == 200
    assert "<script>" not in response.text


def test_last_page_is_shown_for_a_page_past_the_end(client, corpus):
    response = client.get("/tim-kiem/", {"type": ["video", "document", "course"], "page": "99999"})

    assert response.status_code == 200
    assert 'rel="prev"' in response.text and 'rel="next"' not in response.text


def test_search_page_runs_a_constant_number_of_queries(client, corpus):
    client.get("/")  # the site settings row is created on first use
    client.get("/")  # and kept until the next change, read once after that one

    def count(params):
        with CaptureQueriesContext(connection) as queries:
            client.get("/tim-kiem/", params)
        return len(queries)

    one_hit = count({"q": "ATGT", "type": ["video"]})
    many_hits = count({"type": ["video", "document", "course"]})
    assert one_hit == many_hits <= 8


def test_elasticsearch_down_answers_from_the_database(client, corpus, settings, caplog):
    settings.ELASTICSEARCH_URL, settings.SEARCH_BACKEND = "http://127.0.0.1:9", "elasticsearch"
    settings.ELASTICSEARCH_TIMEOUT = 0.5

    with caplog.at_level(logging.WARNING, logger="search"):
        page = client.get("/tim-kiem/", {"q": "trong che"})
        api = client.get("/api/search/", {"q": "trong che"}).json()

    assert page.status_code == 200 and "Kỹ thuật trồng chè" in page.text
    assert 'class="search-notice"' in page.text
    assert api["backend"] == "database" and api["total"] >= 1
    assert "Elasticsearch unavailable" in caplog.text


def test_search_page_on_elasticsearch(client, home, settings, elasticsearch_url, es_prefix):
    settings.ELASTICSEARCH_URL, settings.SEARCH_BACKEND = elasticsearch_url, "elasticsearch"
    settings.ELASTICSEARCH_INDEX_PREFIX, settings.ELASTICSEARCH_TIMEOUT = es_prefix, 10
    backend = load(get_backend("elasticsearch"), CORPUS)
    try:
        response = client.get("/tim-kiem/", {"q": "tthtcd"})
        api = client.get("/api/search/", {"q": "tthtcd"}).json()
    finally:
        backend.drop_all()

    assert "Hoạt động của trung tâm học tập cộng đồng xã Phú Đình" in response.text
    assert 'class="search-notice"' not in response.text
    assert api["backend"] == "elasticsearch" and api["results"][0]["identifier"] == "TN-0005"


def test_api_answers_the_documented_shape(client, corpus):
    response = client.get("/api/search/", {"q": "ky nang so", "subject": "ky-nang-so", "page_size": "2"})

    assert response.status_code == 200 and response["Content-Type"] == "application/json"
    data = response.json()
    assert set(data) >= {"total", "page", "results", "facets", "suggestion", "backend"}
    digital = [document for document in CORPUS if "ky-nang-so" in document["facets"].get("subject", [])]
    assert data["total"] == len(digital) and data["page"] == 1 and len(data["results"]) == 2
    assert set(data["results"][0]) == {
        "identifier", "title", "url", "type", "summary", "highlight", "found_in_file", "licence",
        "organisation",
    }  # fmt: skip
    assert data["results"][0]["url"].startswith("http://testserver/hoc-lieu/")
    assert {"value": "ky-nang-so", "label": "Ky nang so", "count": len(digital)} in data["facets"]["subject"]


@pytest.mark.parametrize(
    ("params", "reason"),
    [
        ({"page": "-1"}, "page"),
        ({"page": "99999"}, "page"),
        ({"page": "x"}, "page"),
        ({"page_size": "500"}, "page_size"),
        ({"sort": "random"}, "sort"),
        ({"locale": "fr"}, "locale"),
    ],
)
def test_api_refuses_malformed_parameters_with_400(client, corpus, params, reason):
    response = client.get("/api/search/", {"q": "hoc", **params})

    assert response.status_code == 400
    assert reason in response.json()["error"]


def test_autocomplete_returns_titles_as_json(client, corpus):
    data = client.get("/tim-kiem/goi-y/", {"q": "ky nang s"}).json()

    assert data["query"] == "ky nang s"
    assert {
        "title": "Kỹ năng số cho người cao tuổi",
        "url": "/hoc-lieu/mau/2/",
        "family": "resources",
    } in data["suggestions"]


def test_autocomplete_speaks_opensearch_suggestions(client, corpus):
    response = client.get("/tim-kiem/goi-y/", {"q": "tin hoc", "format": "opensearch"})

    assert response["Content-Type"] == "application/x-suggestions+json"
    query, titles, _descriptions, urls = json.loads(response.content)
    assert query == "tin hoc" and "Tin học văn phòng: Word và Excel" in titles
    assert urls[titles.index("Tin học văn phòng: Word và Excel")] == "http://testserver/hoc-lieu/mau/22/"


def test_opensearch_description_is_linked_from_every_page(client, home):
    home_page = client.get("/")
    description = client.get("/opensearch.xml")

    assert (
        'rel="search" type="application/opensearchdescription+xml" href="/opensearch.xml"' in home_page.text
    )
    assert description["Content-Type"] == "application/opensearchdescription+xml"
    assert 'template="http://testserver/tim-kiem/?q={searchTerms}"' in description.text


def test_english_search_reads_english_documents(client, home):
    load(get_backend("database"), [doc(1, "Kỹ năng số"), {**doc(2, "Digital skills"), "locale": "en"}])

    assert "Digital skills" in client.get("/en/tim-kiem/", {"q": "digital"}).text
    assert "Digital skills" not in client.get("/tim-kiem/", {"q": "digital"}).text


@hypothesis_settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    text=st.text(max_size=300),
    page=st.one_of(st.none(), st.text(max_size=8), st.integers(-(10**6), 10**6).map(str)),
    sort=st.one_of(st.none(), st.sampled_from(["relevance", "newest", "downloads", "title", "x"])),
    subject=st.lists(st.text(max_size=40), max_size=3),
)
def test_no_parameters_make_a_server_error(client, corpus, text, page, sort, subject):
    params = {"q": text, "subject": subject, **({"page": page} if page is not None else {})}
    params.update({"sort": sort} if sort else {})

    assert client.get("/tim-kiem/", params).status_code == 200
    assert client.get("/api/search/", params).status_code in {200, 400}
