"""Query results kept until content changes: the page cache's generation is in their key, and
any saved page, term, organisation or setting starts a new one (``portal.core.page_cache``).

For small things nearly every page reads alike (site settings, vocabularies, the library's
contributors), so a page built anew after a change reads them once, then never again until
the next change.
"""

from django.conf import settings
from django.core.cache import caches

from portal.core.page_cache import generation

FRAGMENT_SECONDS = 24 * 60 * 60


def per_generation(name: str, compute):
    """``compute()``, or what it gave in this generation (it must be picklable)."""
    cache = caches[settings.PAGE_CACHE_ALIAS]
    key = f"fragment:{generation()}:{name}"
    found = cache.get(key)
    if found is None:
        found = compute()
        cache.set(key, found, FRAGMENT_SECONDS)
    return found
