"""The Elasticsearch-API test server answers a real index-and-search round trip."""

import pytest
from elasticsearch_dsl import Document, Text, connections

from search.checks import elasticsearch_reachable

pytestmark = pytest.mark.elasticsearch


class Note(Document):
    title = Text(analyzer="standard")

    class Index:
        name = "test-round-trip"


def test_index_and_search_a_document(elasticsearch_url):
    client = connections.create_connection(alias="round-trip", hosts=[elasticsearch_url])
    Note.init(using="round-trip")
    Note(meta={"id": "1"}, title="Học tập suốt đời").save(using="round-trip", refresh=True)

    hits = Note.search(using="round-trip").query("match", title="suốt đời").execute()

    assert [hit.meta.id for hit in hits] == ["1"]
    assert client.indices.exists(index="test-round-trip")


def test_start_up_check_is_quiet_when_elasticsearch_answers(settings, elasticsearch_url):
    settings.ELASTICSEARCH_URL = elasticsearch_url
    assert elasticsearch_reachable() == []


def test_start_up_check_names_an_unreachable_address(settings):
    settings.ELASTICSEARCH_URL = "http://127.0.0.1:9"
    [warning] = elasticsearch_reachable()
    assert warning.id == "search.W001"
    assert "http://127.0.0.1:9" in warning.msg
    assert "\n" not in warning.msg
