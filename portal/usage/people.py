"""How many different people searched a phrase this month, without keeping who they were.

Each (address, browser, phrase) is turned into a keyed hash with a random secret made for the
month and kept only in the cache; the hash is added to the cache until the month ends, and only
"this is someone new" reaches the database, as a count. When the month is over both expire, and
nothing links a count to anyone. Different months have different secrets, so the same person
cannot be recognised across months (the report never adds people up across months).
"""

import datetime
import hashlib
import hmac
import secrets

from django.core.cache import cache
from django.utils import timezone

from portal.core.client_address import client_address


def month_start(moment: datetime.datetime | None = None) -> datetime.date:
    return timezone.localdate(moment).replace(day=1)


def _seconds_to_month_end(moment: datetime.datetime) -> int:
    start = month_start(moment)
    following = (start + datetime.timedelta(days=32)).replace(day=1)
    end = datetime.datetime.combine(following, datetime.time.min, tzinfo=timezone.get_current_timezone())
    return max(int((end - moment).total_seconds()), 1)


def _secret(month: datetime.date, expiry: int) -> str:
    key = f"usage:secret:{month:%Y-%m}"
    secret = cache.get(key)
    if secret is None:
        cache.add(key, secrets.token_hex(32), expiry)  # several processes: the first one wins
        secret = cache.get(key) or secrets.token_hex(32)
    return secret


def is_new_searcher(request, folded: str, moment: datetime.datetime | None = None) -> bool:
    """Whether this visitor has not searched ``folded`` before this month."""
    moment = moment or timezone.now()
    month, expiry = month_start(moment), _seconds_to_month_end(moment)
    person = "\n".join((client_address(request), request.headers.get("User-Agent", ""), folded))
    digest = hmac.new(_secret(month, expiry).encode(), person.encode(), hashlib.sha256).hexdigest()
    return cache.add(f"usage:searcher:{month:%Y-%m}:{digest}", 1, expiry)
