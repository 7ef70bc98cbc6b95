"""The rendered page, kept as a template fragment until content changes.

The page cache (``portal.core.page_cache``) answers anonymous visitors without running any view.
This is the layer below it, for everyone else too: people signed in, visitors with a session
(after registering for an event) and the first visitor after the page cache expired. Wagtail
still routes, checks view restrictions and serves the page (view counting and response headers
stay live); only the template's output is reused, and the context a page computes for it is
computed lazily, so a kept fragment costs no query.

A page type opts in with ``FragmentCachedMixin`` when its template shows nothing personal and no
form with a token: what it shows depends only on the page, the address with its query string,
the language and the content (its generation). The Wagtail user bar, which is personal, is
rendered outside the fragment. Entries live ``PAGE_FRAGMENT_SECONDS`` at most, which bounds how
long a download count shown on a page may lag.
"""

import hashlib
from functools import cache, partial

from django.conf import settings
from django.core.cache import caches
from django.utils.functional import SimpleLazyObject
from django.utils.translation import get_language

from portal.core.page_cache import generation


def fragment_key(request) -> str | None:
    """The key of the page fragment for this request, or None where none may be kept."""
    if (
        settings.PAGE_FRAGMENT_SECONDS <= 0
        or request.method not in ("GET", "HEAD")
        or getattr(request, "is_preview", False)
    ):
        return None
    address = f"{request.get_host()}{request.get_full_path()}|{get_language()}"
    return f"page-fragment:{generation()}:{hashlib.sha256(address.encode()).hexdigest()}"


def kept_fragment(key: str) -> str | None:
    return caches[settings.PAGE_CACHE_ALIAS].get(key)


def keep_fragment(key: str, html: str) -> None:
    caches[settings.PAGE_CACHE_ALIAS].set(key, html, settings.PAGE_FRAGMENT_SECONDS)


def lazy_context(compute, names) -> dict:
    """Context entries ``names`` from one ``compute()`` returning a dict, run at the first use
    of any of them: a page served from its fragment never runs it."""
    once = cache(compute)
    return {name: SimpleLazyObject(partial(lambda name: once()[name], name)) for name in names}


class FragmentCachedMixin:
    """A page type whose rendered template is kept per address, language and generation."""

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # A page behind a password or a sign-in is rendered for each request: its content and
        # the form asking for the password would otherwise share one fragment.
        restricted = bool(self.get_view_restrictions())
        context["page_fragment_key"] = None if restricted else fragment_key(request)
        return context
