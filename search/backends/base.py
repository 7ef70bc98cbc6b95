"""What every backend does, and the parts of searching they share.

The query and result types (``SearchQuery`` in, ``SearchResults`` of ``Hit`` and ``FacetCount``
out) are part of that contract and live here; ``search.query`` passes them on to callers.
A backend stores prepared documents (``search.documents.prepare``) and answers ``SearchQuery``.
Subclasses implement ``_search(query, clauses, fuzzy, required)``; this base runs the strict
search first and, when a text query finds nothing, a fuzzy one that also yields the "did you
mean" text, then one that asks for any of the words: a query never comes back empty when a
meaningful part of it matches.
"""

import math
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from search import analysis
from search.documents import prepare

MAX_FUZZY_CLAUSES = 6


class SearchUnavailable(Exception):
    """The backend cannot answer now (server down, too slow, index missing)."""


SORTS = ("relevance", "newest", "downloads", "title")
MAX_PAGE_SIZE = 50
MAX_RESULT_WINDOW = 10_000  # Elasticsearch's index.max_result_window


@dataclass(frozen=True)
class SearchQuery:
    text: str = ""
    filters: dict[str, tuple[str, ...]] = field(default_factory=dict)
    sort: str = "relevance"
    page: int = 1
    page_size: int = 20
    locale: str | None = None
    families: tuple[str, ...] = ()
    facets: bool = True

    def __post_init__(self):
        if self.sort not in SORTS:
            raise ValueError(f"unknown sort {self.sort!r}")
        page_size = min(max(self.page_size, 1), MAX_PAGE_SIZE)
        object.__setattr__(self, "page_size", page_size)
        object.__setattr__(self, "page", min(max(self.page, 1), MAX_RESULT_WINDOW // page_size))

    @property
    def offset(self) -> int:
        return (self.page - 1) * self.page_size


@dataclass
class Hit:
    id: str
    family: str
    identifier: str
    title: str
    url: str
    summary: str
    highlight: str  # HTML: escaped text with <mark> around matches
    date: str | None = None
    downloads: int = 0
    facets: dict = field(default_factory=dict)
    labels: dict = field(default_factory=dict)
    files: list = field(default_factory=list)
    found_in: str = ""  # the title of the file whose text the highlight comes from

    @property
    def meta(self) -> list[str]:
        """What a result line shows under its title: type, organisation, licence, year."""
        return [label for label in map(self.label, ("type", "organisation", "licence", "year")) if label]

    def label(self, facet: str) -> str:
        values = self.facets.get(facet) or []
        return ", ".join(self.labels.get(facet, {}).get(value, value) for value in values)


@dataclass
class FacetCount:
    value: str
    label: str
    count: int
    selected: bool = False


@dataclass
class SearchResults:
    query: SearchQuery
    hits: list[Hit]
    total: int
    facets: dict[str, list[FacetCount]] = field(default_factory=dict)
    suggestion: str | None = None  # "did you mean"; when set and ``corrected``, hits are for it
    corrected: bool = False
    partial: bool = False  # no result had enough of the words; these have some of them
    backend: str = ""
    notice: str | None = None

    @property
    def num_pages(self) -> int:
        pages = max(1, math.ceil(self.total / self.query.page_size))
        return min(pages, MAX_RESULT_WINDOW // self.query.page_size)


class SearchBackend:
    name = ""

    # -- writing ----------------------------------------------------------------------------
    def index(self, documents: Iterable[dict]) -> int:
        """Add or replace documents; returns how many were written."""
        raise NotImplementedError

    def delete(self, ids: Iterable[str]) -> None:
        raise NotImplementedError

    def rebuild(
        self, family: str, documents: Iterable[dict], progress: Callable[[int], None] | None = None
    ) -> int:
        """Replace all of ``family`` at once: searches see the old set until the new one is whole."""
        raise NotImplementedError

    def fingerprints(self, family: str) -> dict[str, str]:
        """Document id → fingerprint of what is indexed for ``family``, for drift checks."""
        raise NotImplementedError

    def refresh(self) -> None:
        """Make writes visible to searches now (tests, commands)."""

    # -- reading ----------------------------------------------------------------------------
    def search(self, query):
        query_clauses = analysis.clauses(query.text)
        required = analysis.required_matches(len(analysis.essential(query_clauses)))
        results = self._search(query, query_clauses, fuzzy=False, required=required)
        if results.total:
            return results
        if any(clause.single_word for clause in query_clauses) and len(query_clauses) <= MAX_FUZZY_CLAUSES:
            fuzzy = self._search(query, query_clauses, fuzzy=True, required=required)
            texts = [f"{hit.title} {hit.summary}" for hit in fuzzy.hits]
            suggestion = analysis.correction(query_clauses, texts)
            if fuzzy.total and suggestion:  # a pasted paragraph is not a typo: only short queries
                fuzzy.suggestion, fuzzy.corrected = suggestion, True
                return fuzzy
        if required > 1:  # nothing has enough of the words: those with some, most first
            partial = self._search(query, query_clauses, fuzzy=False, required=1)
            if partial.total:
                partial.partial = True
                return partial
        return results

    def _search(self, query, query_clauses: list[analysis.Clause], fuzzy: bool, required: int):
        """Results with at least ``required`` of the essential clauses (``analysis.essential``)."""
        raise NotImplementedError

    def autocomplete(self, text: str, locale: str | None, limit: int) -> list[dict]:
        raise NotImplementedError

    @staticmethod
    def prepared(documents: Iterable[dict]):
        for document in documents:
            yield prepare(document)
