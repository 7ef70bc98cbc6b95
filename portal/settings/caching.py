"""The cache, the page cache and the fragments kept until content changes."""

from portal import env
from portal.settings.base import INSTALLED_APPS

# --- cache ----------------------------------------------------------------------------------
REDIS_URL = env.url("REDIS_URL", ("redis", "rediss", "unix"))
CACHES = {
    "default": (
        {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}
        if REDIS_URL
        else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
    )
}
# Pages and fragments for visitors (portal/core/caching.py), kept until content changes and at
# most this long; 0 turns off every cache of rendered pages, fragments and the small lists pages
# read, so the pages themselves can be measured.
PAGE_CACHE_SECONDS = env.count("PAGE_CACHE_SECONDS", 600)
PAGE_CACHE_ALIAS = "default"
# Where a caching proxy (Varnish, nginx…) stands in front, Wagtail tells it to forget a page when
# the page is published, unpublished or moved; without one, nothing is sent anywhere.
FRONTEND_CACHE_PURGE_URL = env.url("FRONTEND_CACHE_PURGE_URL", ("http", "https"))
if FRONTEND_CACHE_PURGE_URL:
    INSTALLED_APPS.append("wagtail.contrib.frontend_cache")
    WAGTAILFRONTENDCACHE = {
        "proxy": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": FRONTEND_CACHE_PURGE_URL,
        }
    }
