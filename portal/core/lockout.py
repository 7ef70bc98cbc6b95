"""What a locked-out sign-in sees (django-axes' ``AXES_LOCKOUT_CALLABLE``).

Failures are counted per user name and address together: many editors may sign in from one
office or one carrier address, and a stranger guessing one account's password must not lock out
everyone else behind the same address.
"""

import math

from axes.backends import AxesStandaloneBackend
from axes.helpers import get_cool_off
from django.shortcuts import render
from django.utils.translation import gettext as _


def lockout_message(minutes: int) -> str:
    return _(
        "Too many failed sign-in attempts for this account from your network. Signing in is paused "
        "for %(minutes)s minutes; try again later or ask a portal administrator to unlock the account."
    ) % {"minutes": minutes}


def lockout_response(request, original_response=None, credentials=None):
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
        return super().authenticate(request, username=username, password=password, **kwargs)
