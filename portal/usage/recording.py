"""Counting on the hot path: a few additions to an in-process buffer, nothing written per request.

The buffer is one counter of small tuples. It goes to the database (``flushing.write``) when its
oldest entry is ``USAGE_FLUSH_SECONDS`` old or it holds ``USAGE_FLUSH_SIZE`` entries (checked
on every request), when the process exits, and from the ``flush-usage-counts`` task. A flush
that fails puts its counts back for the next one.
"""

import atexit
import logging
import threading
import time
import unicodedata
from collections import Counter

from crawlerdetect import CrawlerDetect
from django.conf import settings
from django.db import DatabaseError

from portal.core.text import fold
from portal.usage.flushing import write
from portal.usage.people import is_new_searcher, month_start

logger = logging.getLogger(__name__)

_detector = CrawlerDetect()
_lock = threading.Lock()
_counts: Counter = Counter()
_since = time.monotonic()
MAX_KEPT_AFTER_FAILURE = 50_000  # entries; past this a broken database costs counts, not memory


def is_counted(request) -> bool:
    """People only: no robots (nor requests that do not say what they are), no editors checking
    their pages, no previews, nothing but plain GETs."""
    if request.method != "GET" or getattr(request, "is_preview", False):
        return False
    agent = request.headers.get("User-Agent", "").strip()
    if not agent or _detector.is_crawler(agent):
        return False
    user = getattr(request, "user", None)
    return not (user is not None and user.is_authenticated and user.has_perm("wagtailadmin.access_admin"))


def _add(entries: Counter) -> None:
    global _since
    with _lock:
        if not _counts:
            _since = time.monotonic()
        _counts.update(entries)


def record_view(kind: str, page_id: int) -> None:
    _add(Counter({("page", month_start(), kind, int(page_id), "views"): 1}))


def record_download(sender, instance, request=None, **_kwargs) -> None:
    """For Wagtail's ``document_served``: a download of a document, counted for the resources
    that offer it (found at flush time)."""
    if request is not None and is_counted(request):
        _add(Counter({("document", month_start(), int(instance.pk)): 1}))
        flush_if_due()


def record_search(request, text: str, found: int) -> None:
    folded = " ".join(fold(text).split())[:200]
    if not folded:
        return
    month = month_start()
    entries = Counter({("search", month, folded, "searches"): 1})
    entries[("wording", month, folded, unicodedata.normalize("NFC", text)[:200])] = 1
    if found <= 0:
        entries[("search", month, folded, "no_results")] = 1
    if is_new_searcher(request, folded):
        entries[("search", month, folded, "people")] = 1
    _add(entries)


def pending() -> int:
    return len(_counts)


def flush_if_due() -> None:
    if _counts and (
        len(_counts) >= getattr(settings, "USAGE_FLUSH_SIZE", 300)
        or time.monotonic() - _since >= getattr(settings, "USAGE_FLUSH_SECONDS", 30)
    ):
        flush()


def flush() -> int:
    """Write what the buffer holds; returns how many entries went to the database."""
    global _counts, _since
    with _lock:
        taken, _counts, _since = _counts, Counter(), time.monotonic()
    if not taken:
        return 0
    try:
        write(taken)
    except DatabaseError:
        logger.warning("usage counts not saved yet (%s entries kept for the next flush)", len(taken))
        with _lock:
            if len(_counts) + len(taken) <= MAX_KEPT_AFTER_FAILURE:
                _counts.update(taken)
        return 0
    return len(taken)


def discard() -> None:
    """Forget what is buffered (tests)."""
    global _counts
    with _lock:
        _counts = Counter()


def _flush_quietly() -> None:
    try:
        flush()
    except Exception:  # at exit, nothing may stop the process from ending
        logger.exception("usage counts lost at exit")


_registered = False


def flush_at_exit() -> None:
    global _registered
    if not _registered:
        atexit.register(_flush_quietly)
        _registered = True
