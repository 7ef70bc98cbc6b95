"""Reading the runtime profile from environment variables.

Every variable the portal understands is read through these helpers, so the set of names is
known (``READ``) and a bad value stops start-up with one clear line instead of a traceback.
"""

import os
import re
import sys
from urllib.parse import unquote, urlsplit

READ: set[str] = set()


class ConfigurationError(Exception):
    """A runtime variable is missing or malformed; the message is shown to the operator as is."""


def text(name: str, default: str = "") -> str:
    READ.add(name)
    return os.environ.get(name, default).strip()


def flag(name: str, default: bool = False) -> bool:
    raw = text(name)
    if not raw:
        return default
    if raw.lower() in {"1", "true", "yes", "on"}:
        return True
    if raw.lower() in {"0", "false", "no", "off"}:
        return False
    raise ConfigurationError(f"{name}={raw!r} is not a yes/no value (use 1/0, true/false)")


def words(name: str, default: str = "") -> list[str]:
    """A comma-separated list, blanks dropped."""
    return [part.strip() for part in text(name, default).split(",") if part.strip()]


def count(name: str, default: int) -> int:
    """A whole number, zero or more."""
    raw = text(name)
    if not raw:
        return default
    if not raw.isdigit():
        raise ConfigurationError(f"{name}={raw!r} is not a whole number (0 or more)")
    return int(raw)


_RATE = re.compile(r"^(off|0|\d+/\d*[smhd])$")


def rate(name: str, default: str) -> str:
    """A request limit such as ``120/m``, ``30/10m`` or ``500/h``, or ``off``."""
    raw = text(name, default).replace(" ", "").lower()
    if not _RATE.match(raw):
        raise ConfigurationError(
            f"{name}={raw!r} is not a limit (use COUNT/PERIOD such as 120/m, 30/10m, 500/h, or off)"
        )
    return raw


def url(name: str, schemes: tuple[str, ...]) -> str:
    """A URL with one of ``schemes`` and a host, or the empty string when unset."""
    raw = text(name)
    if not raw:
        return ""
    parts = urlsplit(raw)
    if parts.scheme not in schemes or not parts.hostname:
        allowed = ", ".join(f"{scheme}://" for scheme in schemes)
        raise ConfigurationError(f"{name}={raw!r} is not a valid URL (expected {allowed}HOST...)")
    try:
        parts.port  # noqa: B018 - raises on a non-numeric port
    except ValueError:
        raise ConfigurationError(f"{name}={raw!r} has an invalid port") from None
    return raw


def smtp_settings(raw: str) -> dict:
    """Host, port, credentials and TLS mode from ``smtp://USER:PASSWORD@HOST:PORT?tls=1``.

    ``smtps://`` is implicit TLS (port 465 by default); ``smtp://`` uses STARTTLS on port 587
    unless ``?tls=0``. User and password may be percent-encoded.
    """
    parts = urlsplit(raw)
    query = dict(pair.split("=", 1) for pair in parts.query.split("&") if "=" in pair)
    implicit = parts.scheme == "smtps"
    port = parts.port or (465 if implicit else 587)
    starttls = not implicit and query.get("tls", "1").lower() not in {"0", "false", "no", "off"}
    return {
        "host": parts.hostname,
        "port": port,
        "user": unquote(parts.username or ""),
        "password": unquote(parts.password or ""),
        "tls": starttls,
        "ssl": implicit,
    }


def explain_and_exit(error: ConfigurationError) -> None:
    """Print one line an operator can act on and stop, instead of a traceback wall."""
    sys.stderr.write(f"Configuration error: {error}\n")
    raise SystemExit(2)
