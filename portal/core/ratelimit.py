"""Cache-backed request limits per named bucket, keyed by the client's address.

``RATE_LIMITS`` maps a bucket to ``"COUNT/PERIOD"`` (``"120/m"``, ``"30/10m"``, ``"500/h"``; units
s, m, h, d); ``"off"`` or ``"0"`` lifts a limit. Windows are fixed: a counter per bucket, address
and window, incremented atomically in the shared cache (Redis in production) and expiring with its
window. One address may stand for a whole community learning centre or a carrier's NAT, so the
defaults in settings are generous. Past the limit the answer is 429 with ``Retry-After``. When the
cache is unreachable the request goes through: a limit must never turn into an outage.
"""

import functools
import logging
import math
import re
import time

from django.conf import settings
from django.core.cache import caches
from django.http import HttpRequest, JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from portal.core.client_address import client_key

logger = logging.getLogger(__name__)

_RATE = re.compile(r"^\s*(\d+)\s*/\s*(\d*)\s*([smhd])\s*$")
_UNIT_SECONDS = {"s": 1, "m": 60, "h": 3600, "d": 86400}
PUBLIC_TEMPLATE = "core/too_many_requests.html"
ADMIN_TEMPLATE = "core/admin_wait.html"


class RateError(ValueError):
    pass


def parse_rate(rate: str) -> tuple[int, int] | None:
    """``"120/m"`` -> (120, 60); ``"30/10m"`` -> (30, 600); ``None`` when the limit is off."""
    if rate is None or str(rate).strip().lower() in {"", "0", "off", "none"}:
        return None
    match = _RATE.match(str(rate))
    if not match:
        raise RateError(f"{rate!r} is not a rate (expected COUNT/PERIOD, e.g. 120/m, 30/10m, 500/h)")
    count, multiple, unit = int(match[1]), int(match[2] or 1), match[3]
    if count == 0:
        return None
    return count, max(multiple, 1) * _UNIT_SECONDS[unit]


def seconds_to_wait(bucket: str, request) -> int:
    """Count this request against ``bucket``; 0 when it may go on, else the seconds until the
    window closes."""
    limit = parse_rate(settings.RATE_LIMITS.get(bucket))
    if limit is None:
        return 0
    count, period = limit
    now = time.time()
    window = int(now // period)
    key = f"ratelimit:{bucket}:{client_key(request)}:{period}:{window}"
    cache = caches[getattr(settings, "RATE_LIMIT_CACHE", "default")]
    try:
        cache.add(key, 0, timeout=period + 1)
        try:
            used = cache.incr(key)
        except ValueError:  # expired between add and incr
            cache.set(key, 1, timeout=period + 1)
            used = 1
    except Exception:  # an unreachable cache lets requests through
        logger.warning("rate limit %s not checked: the cache is unavailable", bucket, exc_info=True)
        return 0
    if used <= count:
        return 0
    return max(1, math.ceil((window + 1) * period - now))


def wait_message(seconds: int) -> str:
    if seconds < 120:
        return _("Too many requests from your network. Please wait %(seconds)s seconds and try again.") % {
            "seconds": seconds
        }
    return _("Too many requests from your network. Please wait about %(minutes)s minutes and try again.") % {
        "minutes": math.ceil(seconds / 60)
    }


def too_many_requests(request, seconds: int, as_json: bool = False, template: str = PUBLIC_TEMPLATE):
    message = wait_message(seconds)
    if as_json:
        response = JsonResponse({"error": message, "retry_after": seconds}, status=429)
    else:
        context = {"title": _("Please wait a moment"), "message": message}
        response = render(request, template, context, status=429)
    response["Retry-After"] = str(seconds)
    response["Cache-Control"] = "no-store"
    return response


def rate_limited(
    bucket: str,
    methods: tuple[str, ...] | None = None,
    as_json: bool = False,
    template: str = PUBLIC_TEMPLATE,
):
    """Limit a view (or a page route: the request is found among the arguments) to the rate of
    ``bucket``; only requests whose method is in ``methods`` count, when given. The refusal is
    JSON for JSON endpoints, else ``template`` (the admin's views use ``ADMIN_TEMPLATE``)."""

    def decorator(view):
        @functools.wraps(view)
        def wrapped(*args, **kwargs):
            request = next((arg for arg in args if isinstance(arg, HttpRequest)), None)
            if request is not None and (methods is None or request.method in methods):
                seconds = seconds_to_wait(bucket, request)
                if seconds:
                    return too_many_requests(request, seconds, as_json=as_json, template=template)
            return view(*args, **kwargs)

        return wrapped

    return decorator
