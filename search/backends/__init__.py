"""Search backends, chosen by ``settings.SEARCH_BACKEND``; both pass one contract test suite."""

from functools import lru_cache

from django.conf import settings

from search.backends.base import SearchUnavailable

__all__ = ["SearchUnavailable", "active_backends", "get_backend"]


@lru_cache(maxsize=8)
def _backend(name: str, url: str | None, prefix: str, timeout: float):
    if name == "elasticsearch":
        from search.backends.elasticsearch import ElasticsearchBackend

        return ElasticsearchBackend(url, prefix=prefix, timeout=timeout)
    if name == "database":
        from search.backends.database import DatabaseBackend

        return DatabaseBackend()
    raise ValueError(f"unknown search backend {name!r}")


def get_backend(name: str | None = None):
    name = name or settings.SEARCH_BACKEND
    return _backend(
        name, settings.ELASTICSEARCH_URL, settings.ELASTICSEARCH_INDEX_PREFIX, settings.ELASTICSEARCH_TIMEOUT
    )


def active_backends() -> list:
    """Where documents are written: the database always (it is the fallback), Elasticsearch if set."""
    names = ["database"] + (["elasticsearch"] if settings.SEARCH_BACKEND == "elasticsearch" else [])
    return [get_backend(name) for name in names]
