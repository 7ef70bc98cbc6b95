"""Stopping a test's own server for good, for the tests of how the portal degrades without it."""

import contextlib
import os
import signal
import socket
import time
from urllib.parse import urlsplit

from tests import servers


def stop_for_good(process, url: str, timeout: float = 10) -> None:
    """Stop the server and wait until its port refuses connections: a launcher may exit before
    the process serving the port, which could otherwise answer a last request or two."""
    servers.stop(process)
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGKILL)
    address = urlsplit(url)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            socket.create_connection((address.hostname, address.port), timeout=0.5).close()
        except OSError:
            return
        time.sleep(0.1)
    raise AssertionError(f"{url} still answers after it was stopped")
