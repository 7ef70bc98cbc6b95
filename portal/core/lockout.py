"""Sign-in attempts: what a locked-out sign-in sees (django-axes' ``AXES_LOCKOUT_CALLABLE``),
and the limit per account from every address (``portal.core.account_guard``).

Axes counts failures per user name and network together: many editors may sign in from one
office or one carrier address, and a stranger guessing one account's password must not lock out
everyone else behind the same address.
"""

import math

from axes.backends import AxesStandaloneBackend
from axes.exceptions import AxesBackendPermissionDenied
from axes.helpers import get_cool_off
from django.conf import settings
from django.contrib.auth.signals import user_login_failed
from django.dispatch import receiver
from django.http import HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from portal.core import account_guard


def lockout_message(minutes: int) -> str:
    return _(
        "Too many failed sign-in attempts for this account from your network. Signing in is paused "
        "for %(minutes)s minutes; try again later or ask a portal administrator to unlock the account."
    ) % {"minutes": minutes}


def account_pause_message(seconds: int) -> str:
    return _(
        "Signing in to this account is slowed down: many wrong passwords were tried for it from "
        "different addresses. Try again in %(minutes)s minutes. We have e-mailed the account's owner "
        "a link that lets their own browser sign in at once."
    ) % {"minutes": max(1, math.ceil(seconds / 60))}


def lockout_response(request, original_response=None, credentials=None):
    paused = getattr(request, "account_paused_seconds", 0)
    if paused:
        response = render(
            request,
            "core/admin_wait.html",
            {"title": _("Signing in is paused"), "message": account_pause_message(paused)},
            status=429,
        )
        response["Retry-After"] = str(paused)
        response["Cache-Control"] = "no-store"
        return response
    cool_off = get_cool_off(request)
    seconds = max(60, math.ceil(cool_off.total_seconds())) if cool_off else 0
    message = (
        lockout_message(math.ceil(seconds / 60))
        if seconds
        else _("Too many failed sign-in attempts for this account. Ask a portal administrator to unlock it.")
    )
    response = render(
        request, "core/admin_wait.html", {"title": _("Signing in is paused"), "message": message}, status=429
    )
    if seconds:
        response["Retry-After"] = str(seconds)
    response["Cache-Control"] = "no-store"
    return response


class SignInAttemptsBackend(AxesStandaloneBackend):
    """Axes' check, for sign-ins that come with a request (every form on the site passes one).

    Code that authenticates without a request (Django's test client, a shell) is not a sign-in
    attempt from an address, so it is left to the next backend instead of being refused.
    """

    def authenticate(self, request=None, username=None, password=None, **kwargs):
        if request is None:
            return None
        paused = account_guard.seconds_paused(request, username or "")
        if paused:
            request.account_paused_seconds = paused
            request.axes_locked_out = True
            account_guard.send_unlock_link(request, username)
            raise AxesBackendPermissionDenied("the account takes one try per pause")
        return super().authenticate(request, username=username, password=password, **kwargs)


@receiver(user_login_failed, dispatch_uid="portal-account-failures")
def count_account_failure(sender, credentials, request=None, **kwargs):
    """A wrong password counts against the account; a try refused unheard does not."""
    if request is None or getattr(request, "axes_locked_out", False):
        return
    username = credentials.get("username") or ""
    if username:
        account_guard.record_failure(username)


@never_cache
def unlock(request, token: str):
    """The e-mailed link: this browser may sign in to the account at once, for a while."""
    user_id = account_guard.trusted_user_id(token)
    if user_id is None:
        return render(
            request,
            "core/admin_wait.html",
            {
                "title": _("This link no longer works"),
                "message": _(
                    "The link is older than a day or the password has changed since. Sign in as usual."
                ),
            },
            status=400,
        )
    response = HttpResponseRedirect(reverse("wagtailadmin_login"))
    response.set_cookie(
        account_guard.TRUSTED_BROWSER_COOKIE,
        account_guard.trusted_browser_cookie(user_id),
        max_age=settings.SIGN_IN_TRUSTED_BROWSER_AGE,
        secure=settings.SESSION_COOKIE_SECURE,
        httponly=True,
        samesite="Lax",
    )
    return response
