"""A limit per account that no change of address dodges, and the owner's way past it.

Axes counts failures per user name and network (an IPv6 client is its /64). Someone with many
addresses could still try a password from each; so failures are also counted per account, from
every address together. Past ``SIGN_IN_ACCOUNT_LIMIT`` failures the account takes one try per
pause, and each further failure doubles the pause (up to ``SIGN_IN_ACCOUNT_MAX_PAUSE``): guessing
becomes hopeless while the owner is never shut out for long. The owner is also sent a link by
e-mail; opening it marks their browser as theirs, and from it they sign in at once, whatever the
pause (the limit per network still applies there).
"""

import hashlib
import math
import time
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core import signing
from django.core.cache import caches
from django.core.mail import send_mail
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from wagtail.users.models import UserProfile

TRUSTED_BROWSER_COOKIE = "signin_trusted"
_UNLOCK_SALT = "portal.core.account_guard.unlock"
_TRUSTED_SALT = "portal.core.account_guard.trusted"


def _cache():
    return caches[settings.RATE_LIMIT_CACHE]


def _key(username: str) -> str:
    return "signin-account:" + hashlib.sha256(username.strip().lower().encode()).hexdigest()


@dataclass
class AccountFailures:
    count: int = 0
    last: float = 0.0

    @property
    def pause(self) -> int:
        """Seconds the account waits after its last failure before the next try (0: none)."""
        over = self.count - settings.SIGN_IN_ACCOUNT_LIMIT
        if over < 0:
            return 0
        base = settings.SIGN_IN_ACCOUNT_PAUSE.total_seconds()
        return int(min(base * 2 ** min(over, 30), settings.SIGN_IN_ACCOUNT_MAX_PAUSE.total_seconds()))

    def seconds_left(self, now: float) -> int:
        return max(0, math.ceil(self.last + self.pause - now))


def failures_of(username: str) -> AccountFailures:
    stored = _cache().get(_key(username)) if username else None
    return AccountFailures(*stored) if stored else AccountFailures()


def record_failure(username: str) -> AccountFailures:
    failures = failures_of(username)
    failures = AccountFailures(failures.count + 1, time.time())
    _cache().set(_key(username), (failures.count, failures.last), settings.SIGN_IN_ACCOUNT_MEMORY)
    return failures


def forget_failures(username: str) -> None:
    _cache().delete(_key(username))


def _account(username: str):
    users = get_user_model().objects.filter(is_active=True)
    return users.filter(username__iexact=username.strip()).first()


def _password_stamp(user) -> str:
    """Part of the link's signature: a link stops working once the password changes."""
    return hashlib.sha256(user.password.encode()).hexdigest()[:16]


def is_trusted_browser(request, username: str) -> bool:
    value = request.COOKIES.get(TRUSTED_BROWSER_COOKIE)
    if not value:
        return False
    try:
        user_id = signing.loads(value, salt=_TRUSTED_SALT, max_age=settings.SIGN_IN_TRUSTED_BROWSER_AGE)
    except signing.BadSignature:
        return False
    user = _account(username)
    return user is not None and user.pk == user_id


def seconds_paused(request, username: str) -> int:
    """How long this sign-in must wait because of failures on the account from everywhere."""
    if not username or is_trusted_browser(request, username):
        return 0
    return failures_of(username).seconds_left(time.time())


def send_unlock_link(request, username: str) -> None:
    """E-mail the account's owner a link to sign in from their browser; at most once an hour."""
    user = _account(username)
    if user is None or not user.email:
        return
    if not _cache().add(_key(username) + ":mailed", 1, 3600):
        return
    token = signing.dumps({"user": user.pk, "stamp": _password_stamp(user)}, salt=_UNLOCK_SALT)
    link = request.build_absolute_uri(reverse("signin_unlock", args=[token]))
    with translation.override(UserProfile.get_for_user(user).get_preferred_language() or "vi"):
        subject = _("Many failed sign-ins to your account")
        body = _(
            "Someone has tried many wrong passwords for your account (%(username)s) from different "
            "addresses, so signing in to it is slowed down.\n\nIf it was you, or to sign in now, open "
            "this link in the browser you use; it lets that browser sign in at once for %(days)s days:\n"
            "%(link)s\n\nThe link works for one day. If you did not try to sign in, nothing needs "
            "doing: your password was not accepted. A long password of your own makes guessing hopeless."
        ) % {
            "username": user.get_username(),
            "link": link,
            "days": settings.SIGN_IN_TRUSTED_BROWSER_AGE // 86400,
        }
    send_mail(subject, body, None, [user.email])


def trusted_user_id(token: str) -> int | None:
    """The account an unlock link was sent for, while the link is valid."""
    try:
        data = signing.loads(token, salt=_UNLOCK_SALT, max_age=24 * 3600)
    except signing.BadSignature:
        return None
    user = get_user_model().objects.filter(pk=data.get("user"), is_active=True).first()
    if user is None or data.get("stamp") != _password_stamp(user):
        return None
    return user.pk


def trusted_browser_cookie(user_id: int) -> str:
    return signing.dumps(user_id, salt=_TRUSTED_SALT)
