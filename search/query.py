"""The one search API: ``search(SearchQuery(...))`` → ``SearchResults``, and ``autocomplete``.

Pages, the JSON API and other apps call these; they never talk to a backend directly. When
Elasticsearch is configured but down, slow or missing its index, the answer comes from the
database backend (always kept up to date) with ``notice`` set, and a warning is logged.
"""

import logging
import math
import time
from dataclasses import dataclass, field, replace

from django.conf import settings

from search.backends import SearchUnavailable, get_backend

logger = logging.getLogger(__name__)

SORTS = ("relevance", "newest", "downloads", "title")
MAX_PAGE_SIZE = 50
MAX_RESULT_WINDOW = 10_000  # Elasticsearch's index.max_result_window
RETRY_AFTER = 30  # seconds to answer from the database after Elasticsearch failed
_unavailable_until = 0.0


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
    backend: str = ""
    notice: str | None = None

    @property
    def num_pages(self) -> int:
        pages = max(1, math.ceil(self.total / self.query.page_size))
        return min(pages, MAX_RESULT_WINDOW // self.query.page_size)


def _elasticsearch_in_use() -> bool:
    return settings.SEARCH_BACKEND == "elasticsearch" and time.monotonic() >= _unavailable_until


def _fall_back(error: Exception) -> None:
    global _unavailable_until
    _unavailable_until = time.monotonic() + RETRY_AFTER
    logger.warning("search: Elasticsearch unavailable (%s); answering from the database", error)


def _run(method: str, *args):
    if _elasticsearch_in_use():
        try:
            return getattr(get_backend("elasticsearch"), method)(*args), None
        except SearchUnavailable as error:
            _fall_back(error)
            return getattr(get_backend("database"), method)(*args), "fallback"
    return getattr(get_backend("database"), method)(*args), None


def search(query: SearchQuery) -> SearchResults:
    results, notice = _run("search", query)
    results.notice = notice
    if results.total and not results.hits and query.page > 1:  # past the end: show the last page
        return search(replace(query, page=results.num_pages))
    return results


def autocomplete(text: str, locale: str | None = None, limit: int = 8) -> list[dict]:
    """Titles that start with the words typed so far: [{"title", "url", "family"}]."""
    if not text.strip():
        return []
    suggestions, _notice = _run("autocomplete", text, locale, limit)
    return suggestions


def reset_availability() -> None:
    """Try Elasticsearch again on the next search (after a reindex, and in tests)."""
    global _unavailable_until
    _unavailable_until = 0.0
