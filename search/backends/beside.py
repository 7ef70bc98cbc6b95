"""Database work run beside a request's own query, on connections of its own.

The database backend counts matches and facets here while the page's query runs: on PostgreSQL
the two then take the time of the longer. Work inside a transaction (whose rows another
connection cannot see) and on SQLite runs in line instead.
"""

import contextlib
import threading
from concurrent.futures import ThreadPoolExecutor

from django.db import close_old_connections, connection

COUNTING_THREADS = 2
_FACET_COUNTERS = ThreadPoolExecutor(max_workers=COUNTING_THREADS, thread_name_prefix="search-facets")


def close_counting_connections(timeout: float = 5.0) -> None:
    """Close the counting threads' database connections (before a test database is dropped):
    one task per thread, each held at a barrier until every thread has one."""
    barrier = threading.Barrier(COUNTING_THREADS, timeout=timeout)

    def close() -> None:
        with contextlib.suppress(threading.BrokenBarrierError):  # a thread that never started
            barrier.wait()
        connection.close()

    for future in [_FACET_COUNTERS.submit(close) for _ in range(COUNTING_THREADS)]:
        future.result()


def _counted_apart(function, *args):
    close_old_connections()  # a thread's connection outlives requests: drop it when stale or broken
    return function(*args)


class Later:
    """``function(*args)``, run beside the page's query on PostgreSQL, on a connection of its
    own: counting then takes no time of its own. Inside a transaction (whose rows
    another connection cannot see) and on SQLite it runs in line, when its result is asked for."""

    def __init__(self, function, *args):
        self.call = lambda: function(*args)
        self.future = None
        if connection.vendor == "postgresql" and not connection.in_atomic_block:
            self.future = _FACET_COUNTERS.submit(_counted_apart, function, *args)

    def result(self):
        return self.future.result() if self.future else self.call()
