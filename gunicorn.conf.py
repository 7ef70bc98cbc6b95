"""gunicorn's own settings, read from the working directory (the image's and the benchmarks').

The access and error logs go through ``portal.core.log_redaction``: they never carry the tokens of
registration, unlock or password-reset links.
"""

import logging


def _redact_logs() -> None:
    from portal.core.log_redaction import RedactSecrets

    for name in ("gunicorn.access", "gunicorn.error"):
        logger = logging.getLogger(name)
        if not any(isinstance(existing, RedactSecrets) for existing in logger.filters):
            logger.addFilter(RedactSecrets())


def on_starting(server):
    _redact_logs()


def post_fork(server, worker):
    _redact_logs()
