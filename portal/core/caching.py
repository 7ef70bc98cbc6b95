"""What visitors see, cached on Django's and Wagtail's own tools until content changes.

Three things, one rule:

- Whole anonymous pages: Django's cache middleware (``PageCacheMiddleware`` below), for visitors
  without a session, never for anyone signed in, never a page with a form token or one that says
  ``private``/``max-age=0`` (``NeverServedStaleMixin`` pages: seats left), never past the day.
- Fragments of pages: Wagtail's ``{% wagtailpagecache %}`` in the templates, keyed on the page's own
  cache key, the address, the language and the content generation (``page_cache`` context).
- Small lists nearly every page reads (vocabularies, contributors, headline figures):
  ``cached(name, compute)``, Django's low-level cache keyed on the content generation.

The rule: every key carries the *content generation*, a number in the cache that a change to
anything visitors see replaces. Each app declares the models whose rows change what visitors see
(``shows_on_pages`` in its ``AppConfig.ready``); saving or deleting one starts a new generation, as
do Wagtail's publish, unpublish, move and delete. Writes that bypass signals (``bulk_create``,
``update()``) call ``content_changed()`` themselves. Entries of older generations are never read
again and expire on their own. Wagtail routes and checks view restrictions itself on every
request; nothing here decides who may see a page.

``PAGE_CACHE_SECONDS = 0`` turns off every cache of rendered pages and fragments, so pages can be
measured as they are (the small lists stay cached: they are the page's data, not its rendering).
"""

import secrets
from contextvars import ContextVar
from functools import cache, partial

from django.conf import settings
from django.core.cache import caches
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.middleware.cache import CacheMiddleware
from django.utils import timezone
from django.utils.cache import add_never_cache_headers, cc_delim_re
from django.utils.functional import SimpleLazyObject

GENERATION_KEY = "content:generation"
SKIPPED_PREFIXES = ("/admin/", "/django-admin/", "/static/", "/media/", "/tai-ve/", "/api/search/", "/_util/")
UNCACHEABLE_DIRECTIVES = {"private", "no-store", "no-cache"}


def _cache():
    return caches[settings.PAGE_CACHE_ALIAS]


# --- the content generation -------------------------------------------------------------------

# Read once per request (the middleware opens the memo); outside a request every call reads the
# cache, so a long-running command never keeps an old one.
_request_generation: ContextVar[dict | None] = ContextVar("request_generation", default=None)


def _first_generation() -> int:
    """A random start, so a cleared cache never hands out a number used before."""
    return secrets.randbelow(2**48) + 1


def content_generation() -> int:
    memo = _request_generation.get()
    if memo is not None and "value" in memo:
        return memo["value"]
    value = _cache().get_or_set(GENERATION_KEY, _first_generation, None)
    if memo is not None:
        memo["value"] = value
    return value


def _start_generation() -> None:
    memo = _request_generation.get()
    if memo is not None:
        memo.pop("value", None)
    store = _cache()
    try:
        store.incr(GENERATION_KEY)
    except ValueError:  # evicted or never set
        store.set(GENERATION_KEY, _first_generation(), None)


def content_changed(**_signal_arguments) -> None:
    """Everything cached for visitors becomes stale, now and once more when the transaction
    commits (a page built from the old rows by another process in between is not kept under
    the new generation). Once per transaction, however many rows it saves."""
    _start_generation()
    connection = transaction.get_connection()
    if connection.in_atomic_block and not any(
        pending[1] is _start_generation for pending in connection.run_on_commit
    ):
        transaction.on_commit(_start_generation)


def shows_on_pages(*models) -> None:
    """Declare models whose rows change what visitors see: saving, deleting or relinking one
    starts a new generation."""
    for model in models:
        label = model._meta.label_lower
        post_save.connect(content_changed, sender=model, dispatch_uid=f"content-save-{label}", weak=False)
        post_delete.connect(content_changed, sender=model, dispatch_uid=f"content-delete-{label}", weak=False)
        for field in model._meta.local_many_to_many:
            m2m_changed.connect(
                content_changed,
                sender=field.remote_field.through,
                dispatch_uid=f"content-m2m-{label}-{field.name}",
                weak=False,
            )


def _page_written(sender, instance, **_kwargs) -> None:
    from wagtail.models import Page

    if isinstance(instance, Page) and instance.live:
        content_changed()


def connect_page_changes() -> None:
    """Wagtail's page events start a new generation, as does any write to a live page (saved or
    deleted by code rather than published), and the rows of Wagtail's own that pages show: sites,
    languages, view restrictions of pages and of collections."""
    from wagtail.models import CollectionViewRestriction, Locale, PageViewRestriction, Site
    from wagtail.signals import page_published, page_unpublished, post_page_move

    for signal in (page_published, page_unpublished, post_page_move):
        signal.connect(content_changed, dispatch_uid=f"content-page-{id(signal)}", weak=False)
    post_save.connect(_page_written, dispatch_uid="content-page-save", weak=False)
    post_delete.connect(_page_written, dispatch_uid="content-page-delete", weak=False)
    shows_on_pages(Site, Locale, PageViewRestriction, CollectionViewRestriction)


# --- small lists, and lazily computed context ----------------------------------------------------


SMALL_LIST_SECONDS = 3600


def cached(name: str, compute, timeout: int = SMALL_LIST_SECONDS):
    """``compute()``, or what it gave in this content generation (in the shared cache). For the
    small lists pages read, not for rendered pages: it stays on when the page cache is off."""
    key = f"content:{content_generation()}:{name}"
    return _cache().get_or_set(key, compute, timeout)


def lazy_context(compute, names) -> dict:
    """Context entries ``names`` from one ``compute()`` returning a dict, run at the first use of
    any of them: a page whose fragment is cached never runs it."""
    once = cache(compute)
    return {name: SimpleLazyObject(partial(lambda name: once()[name], name)) for name in names}


def fragment_context(request) -> dict:
    """Template context: the fragment timeout (0: off) and the generation for fragment keys."""
    return {
        "page_cache": {
            "seconds": settings.PAGE_CACHE_SECONDS,
            "generation": SimpleLazyObject(content_generation),
        }
    }


# --- pages that are never served stale -------------------------------------------------------------


class NeverServedStaleMixin:
    """A page type showing live figures (seats left): browsers and the page cache ask for it
    afresh every time it ``shows_live_figures()``. (What depends on the day, such as today's
    airings, is safe anyway: cached pages never outlive the day they were built on.)"""

    def shows_live_figures(self) -> bool:
        return True

    def serve(self, request, *args, **kwargs):
        response = super().serve(request, *args, **kwargs)
        if self.shows_live_figures() and not (_directives(response) & UNCACHEABLE_DIRECTIVES):
            add_never_cache_headers(response)  # a sub-route may have said so already
        return response


# --- whole anonymous pages -----------------------------------------------------------------


def _directives(response) -> set[str]:
    value = response.get("Cache-Control", "")
    return {part.split("=")[0].strip().lower() for part in cc_delim_re.split(value) if part}


class PageCacheMiddleware(CacheMiddleware):
    """Django's cache middleware for anonymous pages, keyed on the content generation.

    Placed where both its halves would go (below the usage counting, which reads its mark from
    cached answers too). Browsers get ``max-age=0``: the freshness lives here, where a change
    replaces it at once.
    """

    def __init__(self, get_response):
        super().__init__(get_response, cache_alias=settings.PAGE_CACHE_ALIAS)

    @property
    def key_prefix(self) -> str:
        """The content generation and the day: "today" on a page never outlives its day."""
        return f"pages:{_request_generation.get()['page_key_generation']}:{timezone.localdate()}"

    @key_prefix.setter
    def key_prefix(self, _value) -> None:
        """The prefix is the generation of each request, not a fixed setting."""

    @property
    def cache_timeout(self) -> int:
        return settings.PAGE_CACHE_SECONDS

    @cache_timeout.setter
    def cache_timeout(self, _value) -> None:
        """Read from settings on each request."""

    def __call__(self, request):
        token = _request_generation.set({})
        try:
            return super().__call__(request)
        finally:
            _request_generation.reset(token)

    def process_request(self, request):
        if not self._may_use_cache(request):
            request._cache_update_cache = False
            return None
        _request_generation.get()["page_key_generation"] = content_generation()
        response = super().process_request(request)
        if response is not None:
            response["X-Page-Cache"] = "hit"
            self._for_browsers(response)
        return response

    def process_response(self, request, response):
        used_cache = "page_key_generation" in _request_generation.get()
        if not used_cache or not getattr(request, "_cache_update_cache", False):
            return response
        if not self._may_keep(request, response):
            request._cache_update_cache = False
            return response
        response["X-Page-Cache"] = "miss"
        response = super().process_response(request, response)
        self._for_browsers(response)
        return response

    @staticmethod
    def _for_browsers(response) -> None:
        if response.has_header("Expires"):
            del response["Expires"]
        response["Cache-Control"] = "max-age=0"

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
