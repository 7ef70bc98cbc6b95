"""The one search API: ``search(SearchQuery(...))`` → ``SearchResults``, and ``autocomplete``.

Pages, the JSON API and other apps call these; they never talk to a backend directly. When
Elasticsearch is configured but down, slow or missing its index, the answer comes from the
database backend (always kept up to date) with ``notice`` set, and a warning is logged.
"""

import logging
import time
from dataclasses import replace

from django.conf import settings

from search.backends import SearchUnavailable, get_backend
from search.backends.base import MAX_PAGE_SIZE, SORTS, FacetCount, Hit, SearchQuery, SearchResults

# The API's types are defined with the backend contract (search.backends.base) and offered here.
__all__ = [
    "MAX_PAGE_SIZE",
    "SORTS",
    "FacetCount",
    "Hit",
    "SearchQuery",
    "SearchResults",
    "autocomplete",
    "reset_availability",
    "search",
]

logger = logging.getLogger(__name__)

RETRY_AFTER = 30  # seconds to answer from the database after Elasticsearch failed
_unavailable_until = 0.0


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
    # Elasticsearch configured but failed a moment ago: every answer until the retry says so.
    notice = "fallback" if settings.SEARCH_BACKEND == "elasticsearch" else None
    return getattr(get_backend("database"), method)(*args), notice


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
