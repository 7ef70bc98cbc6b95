"""Checks shared by the programme models and their admin forms.

A broadcaster's own player is framed only from hosts the province trusts (settings), and every
air time is an aware datetime: a naive one would be read in whatever zone the server runs in.
"""

from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.timezone import is_aware
from django.utils.translation import gettext_lazy as _

NAIVE_TIME = _("This time has no time zone; give it in Vietnam time (UTC+07:00).")
OFF_LIST_HOST = _(
    "Players from “%(host)s” cannot be shown here. Use a player of one of these hosts: %(hosts)s."
)
NOT_HTTPS = _("The player's address must start with https://.")


def allowed_player_hosts() -> list[str]:
    return [host.lower() for host in settings.BROADCAST_PLAYER_HOSTS]


def player_host_allowed(url: str) -> bool:
    parts = urlsplit(url or "")
    return parts.scheme == "https" and (parts.hostname or "") in allowed_player_hosts()


def check_player_url(url: str) -> None:
    """Refuse a player address that is not HTTPS on an allow-listed host."""
    if not url:
        return
    parts = urlsplit(url)
    if parts.scheme != "https":
        raise ValidationError(NOT_HTTPS, code="scheme")
    host = (parts.hostname or "").lower()
    if host not in allowed_player_hosts():
        raise ValidationError(
            OFF_LIST_HOST,
            code="host",
            params={"host": host or url, "hosts": ", ".join(allowed_player_hosts())},
        )


def check_aware(value, field: str) -> None:
    """A datetime without a time zone is refused rather than guessed."""
    if value is not None and not is_aware(value):
        raise ValidationError({field: NAIVE_TIME}, code="naive")
