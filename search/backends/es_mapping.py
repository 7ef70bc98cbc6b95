"""Elasticsearch index definition: Vietnamese analysers and the mapping of a search document.

Indexing keeps each word twice, folded and as written (``asciifolding`` with
``preserve_original``), so "hoc tap" finds "học tập" and a query typed with diacritics scores the
exact form higher. ``shingles`` carry word pairs and triples for phrase boosts; ``prefix`` (edge
n-grams) serves autocomplete.

Acronym synonyms (THCS ↔ trung học cơ sở, ...) are expanded per query by ``search.analysis``
into alternatives, the multi-word side as a phrase: what a search-time ``synonym_graph`` does, but
from the one list the database backend uses too, so both backends match the same documents.
"""

from elasticsearch_dsl import Document, Index, Integer, Keyword, Object, Text, analyzer, token_filter

from portal.core.text import normalise
from search.documents import FACETS

FACET_SEPARATOR = "\x1f"  # facet_pairs hold "value␟label" so one aggregation yields both

vi_fold = token_filter("vi_fold", "asciifolding", preserve_original=True)
vi_shingle = token_filter(
    "vi_shingle", "shingle", min_shingle_size=2, max_shingle_size=3, output_unigrams=False
)
vi_edge = token_filter("vi_edge", "edge_ngram", min_gram=1, max_gram=20)

vi_index = analyzer("vi_index", tokenizer="standard", filter=["lowercase", vi_fold])
vi_folded = analyzer("vi_folded", tokenizer="standard", filter=["lowercase", "asciifolding"])
vi_phrases = analyzer("vi_phrases", tokenizer="standard", filter=["lowercase", "asciifolding", vi_shingle])
vi_prefix = analyzer("vi_prefix", tokenizer="standard", filter=["lowercase", "asciifolding", vi_edge])


def _text(**fields) -> Text:
    options = {"fields": fields} if fields else {}
    return Text(analyzer=vi_index, **options)


class IndexedDocument(Document):
    """A prepared ``search.documents`` dict, plus ``facet_pairs`` for labelled aggregations."""

    id = Keyword()
    family = Keyword()
    identifier = Keyword()
    locale = Keyword()
    sites = Keyword()
    title = _text(
        shingles=Text(analyzer=vi_phrases),
        prefix=Text(analyzer=vi_prefix, search_analyzer=vi_folded),
    )
    title_sort = Keyword()
    keywords = _text()
    summary = _text(shingles=Text(analyzer=vi_phrases))
    body = _text()
    url = Keyword(index=False)
    date = Keyword()  # ISO date; sorts like a date, and "null" never fails a bulk load
    downloads = Integer()
    fingerprint = Keyword()
    facets = Object(properties={name: Keyword() for name in FACETS})
    facet_pairs = Object(properties={name: Keyword() for name in FACETS})
    labels = Object(enabled=False)
    files = Object(enabled=False)
    shown = Object(enabled=False)  # title, summary and body as the page has them, for results


MATCHED = ("title", "summary", "body")  # analysed in the normalised spelling, shown as written


def new_index(name: str) -> Index:
    index = Index(name)
    index.settings(number_of_shards=1, number_of_replicas=0, max_result_window=10_000)
    index.document(IndexedDocument)
    return index


def source(document: dict) -> dict:
    """What is stored for a prepared document."""
    pairs = {
        name: [f"{value}{FACET_SEPARATOR}{document['labels'][name][value]}" for value in values]
        for name, values in document["facets"].items()
    }
    matched = {name: normalise(document[name]) for name in MATCHED}
    keywords = [normalise(keyword) for keyword in document["keywords"]]
    shown = {name: document[name] for name in MATCHED}
    return {**document, **matched, "keywords": keywords, "shown": shown, "facet_pairs": pairs}
