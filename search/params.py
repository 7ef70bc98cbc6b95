"""Reading search parameters from a request: lenient for the page, strict for the JSON API.

The page turns anything odd (unknown sort, page=-1, a 10 KB query, control characters) into a
sane search; the API answers 400 with the reason instead, so clients notice their mistakes.
"""

import unicodedata

from django.utils import translation

from search.documents import FACETS
from search.query import MAX_PAGE_SIZE, SORTS, SearchQuery

MAX_QUERY_LENGTH = 200
MAX_VALUES = 20  # per facet
MAX_VALUE_LENGTH = 120
LOCALES = ("vi", "en")


class BadParameter(ValueError):
    pass


def visible(raw: str, limit: int) -> str:
    """Visible characters only (no NUL or other controls), single spaces, at most ``limit`` long."""
    text = "".join(char for char in raw[: limit * 4] if unicodedata.category(char)[0] != "C")
    return " ".join(text.split())[:limit]


def _integer(params, name: str, default: int, low: int, high: int, strict: bool) -> int:
    raw = params.get(name, "")
    if raw == "":
        return default
    try:
        value = int(raw)
    except ValueError:
        if strict:
            raise BadParameter(f"{name} must be a whole number") from None
        return default
    if strict and not low <= value <= high:
        raise BadParameter(f"{name} must be between {low} and {high}")
    return min(max(value, low), high)


def filters_from(params) -> dict[str, tuple[str, ...]]:
    filters = {}
    for name in FACETS:
        values = [visible(value, MAX_VALUE_LENGTH) for value in params.getlist(name)]
        values = list(dict.fromkeys(value for value in values if value))[:MAX_VALUES]
        if values:
            filters[name] = tuple(values)
    return filters


def parse(params, strict: bool = False, page_size: int = 20) -> SearchQuery:
    """A ``SearchQuery`` from GET parameters: q, sort, page, page_size (strict only), facets, locale."""
    sort = params.get("sort") or "relevance"
    if sort not in SORTS:
        if strict:
            raise BadParameter(f"sort must be one of {', '.join(SORTS)}")
        sort = "relevance"
    if strict:
        page_size = _integer(params, "page_size", page_size, 1, MAX_PAGE_SIZE, strict)
    page = _integer(params, "page", 1, 1, 10_000 // page_size, strict)
    locale = params.get("locale") or (translation.get_language() or "vi")[:2]
    if locale not in LOCALES:
        if strict:
            raise BadParameter(f"locale must be one of {', '.join(LOCALES)}")
        locale = "vi"
    return SearchQuery(
        text=visible(params.get("q", ""), MAX_QUERY_LENGTH),
        filters=filters_from(params),
        sort=sort,
        page=page,
        page_size=page_size,
        locale=locale,
    )
