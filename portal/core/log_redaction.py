"""Logs never carry the secret part of an address.

A registration's confirmation and cancel links (``…/dang-ky/<token>/huy/``), the sign-in unlock
link and Django's password-reset link hold a token that acts as a key: whoever reads the log could
cancel a citizen's registration or reset a password. Access logs and "Not Found" warnings print
addresses, so the token is replaced before any handler writes the line. Used by Django's logging
(settings ``LOGGING``) and by gunicorn's access log (``gunicorn.conf.py``).
"""

import logging
import re

SECRET_SEGMENT = re.compile(
    r"(/(?:dang-ky|unlock|password_reset/confirm/[A-Za-z0-9_\-]+)/)[A-Za-z0-9_\-:.]{12,}"
)
REDACTED = r"\1[token]"


def redact(text: str) -> str:
    return SECRET_SEGMENT.sub(REDACTED, text)


class RedactSecrets(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        cleaned = redact(message)
        if cleaned != message:
            record.msg, record.args = cleaned, ()
        return True
