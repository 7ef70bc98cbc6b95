"""Elasticsearch specifics: versioned indexes behind aliases, swapped while searches run."""

import threading

import pytest

from search.backends import SearchUnavailable
from search.backends.elasticsearch import ElasticsearchBackend
from search.query import SearchQuery
from tests.search.conftest import load
from tests.search.corpus import CORPUS, doc

pytestmark = pytest.mark.elasticsearch


def test_rebuild_swaps_the_alias_to_one_new_index(elasticsearch_backend):
    backend = load(elasticsearch_backend, CORPUS)
    client, alias = backend.client, backend.family_alias("resources")
    [before] = client.indices.get_alias(name=alias).body

    backend.rebuild("resources", CORPUS[:3])

    [after] = client.indices.get_alias(name=alias).body
    assert after != before and not client.indices.exists(index=before)
    assert set(client.indices.get_alias(name=backend.read_alias).body) == {
        after,
        *backend_indexes(backend, "pages"),
        *backend_indexes(backend, "events"),
    }


def backend_indexes(backend, family):
    return list(backend.client.indices.get_alias(name=backend.family_alias(family)).body)


def test_reindex_under_concurrent_searches_fails_no_search(elasticsearch_backend):
    backend = load(elasticsearch_backend, CORPUS)
    failures, totals, done = [], [], threading.Event()

    def searcher():
        while not done.is_set():
            try:
                totals.append(backend.search(SearchQuery(text="nguoi cao tuoi", facets=False)).total)
            except Exception as error:  # counted, not raised: this thread only watches
                failures.append(error)

    threads = [threading.Thread(target=searcher) for _ in range(4)]
    for thread in threads:
        thread.start()
    try:
        for _ in range(3):
            backend.rebuild("resources", [d for d in CORPUS if d["family"] == "resources"])
    finally:
        done.set()
        for thread in threads:
            thread.join()

    assert failures == []
    assert len(totals) > 10 and set(totals) == {totals[0]}


def test_unreachable_server_raises_search_unavailable():
    backend = ElasticsearchBackend("http://127.0.0.1:9", prefix="nowhere", timeout=0.5)

    with pytest.raises(SearchUnavailable):
        backend.search(SearchQuery(text="chè"))
    with pytest.raises(SearchUnavailable):
        backend.index([doc(1, "Chè")])


def test_missing_index_raises_search_unavailable(elasticsearch_backend):
    with pytest.raises(SearchUnavailable):
        elasticsearch_backend.search(SearchQuery(text="chè"))
