"""Vietnamese relevance: each query finds its expected resource in the top 3, on both backends."""

import pytest

from search.query import SearchQuery
from tests.search.conftest import load
from tests.search.corpus import CORPUS, RELEVANCE

pytestmark = pytest.mark.django_db


@pytest.fixture
def corpus_backend(backend):
    return load(backend, CORPUS)


@pytest.mark.parametrize(("text", "expected", "aspect"), RELEVANCE, ids=[query for query, _, _ in RELEVANCE])
def test_expected_document_in_top_three(corpus_backend, text, expected, aspect):
    results = corpus_backend.search(SearchQuery(text=text, locale="vi", page_size=3, facets=False))

    assert expected in [hit.id for hit in results.hits], (
        aspect,
        [(hit.id, hit.title) for hit in results.hits],
    )


def test_relevance_set_is_large_enough():
    assert len(RELEVANCE) >= 25
    aspects = " ".join(aspect for _, _, aspect in RELEVANCE)
    for needed in ("no diacritics", "acronym", "typo", "ethnic", "elderly", "phrase"):
        assert needed in aspects
