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
# Whole pages for anonymous visitors (portal/core/page_cache.py); 0 turns the page cache off.
PAGE_CACHE_SECONDS = env.count("PAGE_CACHE_SECONDS", 600)
PAGE_CACHE_ALIAS = "default"
# Rendered pages of the types that allow it, reused until content changes, for signed-in
# visitors too (portal.core.page_fragments); also bounds how long a shown download count lags.
PAGE_FRAGMENT_SECONDS = env.count("PAGE_FRAGMENT_SECONDS", 600)
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
# Rows written while people browse (counters, sessions, logs, search index, renditions): saving
# them must not empty the page cache. Apps by label, or single models as "app.model".
PAGE_CACHE_IGNORED_MODELS = [
    "admin",
    "auth",
    "axes",
    "contenttypes",
    "django_tasks_database",
    "imports",
    "interop",
    "organisations.rolegroup",
    "portal_media.downloadcounter",
    "portal_media.portalrendition",
    "portal_media.uploadsession",
    "search",
    "sessions",
    "usage",
    "wagtailcore.comment",
    "wagtailcore.commentreply",
    "wagtailcore.modellogentry",
    "wagtailcore.pagelogentry",
    "wagtailcore.pagesubscription",
    "wagtailcore.referenceindex",
    "wagtailcore.revision",
    "wagtailcore.taskstate",
    "wagtailcore.uploadedfile",
    "wagtailcore.workflowstate",
    "wagtailimages.rendition",
    "wagtailsearch",
    "wagtailusers",
]
