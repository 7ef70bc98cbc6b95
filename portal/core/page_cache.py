"""Whole-page cache for anonymous visitors, in the Django cache (Redis in production).

Only what every anonymous visitor would see alike is kept: GET or HEAD, no session cookie, a
200 answer that sets no cookie, used no CSRF token (a form with a token) and does not say
``private``/``no-store``/``no-cache``. The key is the host, the path with its query string
and the language. Any change to content — a page published, unpublished, moved or deleted,
a term, organisation, unit, figure or file saved — starts a new generation, so no page is
shown stale; otherwise entries live ``PAGE_CACHE_SECONDS``. An entry carries the generation it
was built from, so the current generation and the entry come in one round trip to the cache.

Pages whose figures must be live (seats left on an event) opt out by sending
``Cache-Control: no-cache``. Counting views is done outside: the usage middleware sits above
this one and reads its mark from cached answers too.
"""

import hashlib
import secrets
from contextvars import ContextVar

from django.conf import settings
from django.core.cache import caches
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.utils.cache import cc_delim_re
from django.utils.translation import get_language_from_request

GENERATION_KEY = "page-cache:generation"
SKIPPED_PREFIXES = ("/admin/", "/django-admin/", "/static/", "/media/", "/tai-ve/", "/api/search/")
UNCACHEABLE_DIRECTIVES = {"private", "no-store", "no-cache"}


def _cache():
    return caches[settings.PAGE_CACHE_ALIAS]


# The generation read once per request (the middleware opens and closes this memo); outside a
# request every call reads the cache, so a long-running command never keeps an old one.
_request_generation: ContextVar[dict | None] = ContextVar("request_generation", default=None)


def _first_generation() -> int:
    """A random start, so a cleared cache never hands out a number used before."""
    return secrets.randbelow(2**48) + 1


def generation() -> int:
    memo = _request_generation.get()
    if memo is not None and "value" in memo:
        return memo["value"]
    value = _cache().get_or_set(GENERATION_KEY, _first_generation, None)
    if memo is not None:
        memo["value"] = value
    return value


def clear_page_cache(**_kwargs) -> None:
    """Every cached page becomes stale at once (the entries expire by themselves)."""
    memo = _request_generation.get()
    if memo is not None:
        memo.clear()
    cache = _cache()
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:  # evicted or never set
        cache.set(GENERATION_KEY, _first_generation(), None)


def _clear_after_commit(**_kwargs) -> None:
    """Also once the change is committed: a page built from the old rows between the change
    and its commit (by another process) is not kept under the new generation. Once per
    transaction, however many rows it saves."""
    connection = transaction.get_connection()
    if not connection.in_atomic_block:
        return  # committed already: the change has started its generation
    if any(pending[1] is clear_page_cache for pending in connection.run_on_commit):
        return
    transaction.on_commit(clear_page_cache)


def _directives(response) -> set[str]:
    value = response.get("Cache-Control", "")
    return {part.split("=")[0].strip().lower() for part in cc_delim_re.split(value) if part}


class PageCacheMiddleware:
    """Serves and keeps anonymous pages; placed below the usage and security middleware."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _request_generation.set({})
        try:
            return self._respond(request)
        finally:
            _request_generation.reset(token)

    def _respond(self, request):
        if not self._may_use_cache(request):
            return self.get_response(request)
        key = self._key(request)
        current, cached = self._lookup(key)
        if cached is not None:
            cached["X-Page-Cache"] = "hit"
            return cached
        response = self.get_response(request)
        if self._may_keep(request, response):
            response["X-Page-Cache"] = "miss"

            def keep(answer):  # under the generation it was built from: stale if content changed since
                _cache().set(key, (current, answer), settings.PAGE_CACHE_SECONDS)

            if hasattr(response, "render") and callable(response.render):
                response.add_post_render_callback(keep)
            else:
                keep(response)
        return response

    @staticmethod
    def _lookup(key: str):
        """The current generation and the page kept under ``key`` for it (or None), in one round
        trip to the cache; the generation is then this request's."""
        found = _cache().get_many([GENERATION_KEY, key])
        current = found.get(GENERATION_KEY) or generation()
        _request_generation.get()["value"] = current
        kept = found.get(key)
        if kept is None or kept[0] != current:
            return current, None
        return current, kept[1]

    @staticmethod
    def _may_use_cache(request) -> bool:
        return (
            settings.PAGE_CACHE_SECONDS > 0
            and request.method in ("GET", "HEAD")
            and settings.SESSION_COOKIE_NAME not in request.COOKIES
            and not request.path.startswith(SKIPPED_PREFIXES)
        )

    @staticmethod
    def _may_keep(request, response) -> bool:
        return (
            response.status_code == 200
            and not response.streaming
            and not response.cookies
            and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
            and not getattr(request, "is_preview", False)
            and not (_directives(response) & UNCACHEABLE_DIRECTIVES)
        )

    @staticmethod
    def _key(request) -> str:
        language = get_language_from_request(request, check_path=True)
        address = f"{request.get_host()}{request.get_full_path()}|{language}|{request.method == 'HEAD'}"
        return f"page-cache:{hashlib.sha256(address.encode()).hexdigest()}"


def connect_invalidation() -> None:
    """Any saved or deleted row of a model people see on pages starts a new generation.

    Rows written on every visit (counters, usage, sessions, log entries) are left out by app
    label or model label in ``PAGE_CACHE_IGNORED_MODELS``, or the cache would never hold.
    """
    from wagtail.signals import page_published, page_unpublished, post_page_move

    ignored = set(settings.PAGE_CACHE_IGNORED_MODELS)

    def changed(sender, **kwargs) -> None:
        meta = sender._meta
        if meta.app_label in ignored or meta.label_lower in ignored:
            return
        clear_page_cache()
        _clear_after_commit()

    post_save.connect(changed, dispatch_uid="page-cache-save", weak=False)
    post_delete.connect(changed, dispatch_uid="page-cache-delete", weak=False)
    for signal in (page_published, page_unpublished, post_page_move):
        signal.connect(clear_page_cache, dispatch_uid=f"page-cache-now-{id(signal)}", weak=False)
        signal.connect(_clear_after_commit, dispatch_uid=f"page-cache-{id(signal)}", weak=False)
