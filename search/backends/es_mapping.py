"""Elasticsearch index definition: Vietnamese analysers and the mapping of a search document.

Text is matched folded (lowercase + ``asciifolding``), so "hoc tap" finds "học tập"; ``exact``
keeps title, keywords and summary with their diacritics for the exact-form bonus, and
``title.prefix`` (edge n-grams) serves autocomplete. What is matched is ``analysis.matching_form``
of the text (normalised spelling, apostrophes as spaces), as the database backend matches it.

Acronym synonyms (THCS ↔ trung học cơ sở, ...) are expanded per query by ``search.analysis``
into alternatives, the multi-word side as a phrase: what a search-time ``synonym_graph`` does, but
from the one list the database backend uses too, so both backends match the same documents.
"""

from elasticsearch_dsl import Document, Index, Integer, Keyword, Object, Text, analyzer, token_filter

from search import analysis
from search.documents import FACETS, searched_body

FACET_SEPARATOR = "\x1f"  # facet_pairs hold "value␟label" so one aggregation yields both

vi_edge = token_filter("vi_edge", "edge_ngram", min_gram=1, max_gram=20)

vi_folded = analyzer("vi_folded", tokenizer="standard", filter=["lowercase", "asciifolding"])
vi_exact = analyzer("vi_exact", tokenizer="standard", filter=["lowercase"])
vi_prefix = analyzer("vi_prefix", tokenizer="standard", filter=["lowercase", "asciifolding", vi_edge])


def _text(**fields) -> Text:
    options = {"fields": fields} if fields else {}
    return Text(analyzer=vi_folded, **options)


class IndexedDocument(Document):
    """A prepared ``search.documents`` dict, plus ``facet_pairs`` for labelled aggregations."""

    id = Keyword()
    family = Keyword()
    identifier = Keyword()
    locale = Keyword()
    sites = Keyword()
    title = _text(prefix=Text(analyzer=vi_prefix, search_analyzer=vi_folded))
    title_sort = Keyword()
    keywords = _text()
    summary = _text()
    body = _text()  # with the text of the files
    exact = Text(analyzer=vi_exact)
    url = Keyword(index=False)
    date = Keyword()  # ISO date; sorts like a date, and "null" never fails a bulk load
    downloads = Integer()
    fingerprint = Keyword()
    facets = Object(properties={name: Keyword() for name in FACETS})
    facet_pairs = Object(properties={name: Keyword() for name in FACETS})
    labels = Object(enabled=False)
    files = Object(enabled=False)
    shown = Object(enabled=False)  # title, summary and body as the page has them, for results
    file_text = Object(enabled=False)


SHOWN = ("title", "summary", "body")  # matched in ``matching_form``, shown as written


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
    keywords = [analysis.matching_form(keyword) for keyword in document["keywords"]]
    matched = {
        "title": analysis.matching_form(document["title"]),
        "summary": analysis.matching_form(document["summary"]),
        "body": analysis.matching_form(searched_body(document)),
        "exact": analysis.matching_form(
            " ".join([document["title"], *document["keywords"], document["summary"]])
        ),
    }
    shown = {name: document[name] for name in SHOWN}
    return {**document, **matched, "keywords": keywords, "shown": shown, "facet_pairs": pairs}
