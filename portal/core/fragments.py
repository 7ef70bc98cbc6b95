"""Query results kept until content changes: the page cache's generation is in their key, and
any saved page, term, organisation or setting starts a new one (``portal.core.page_cache``).

For small things nearly every page reads alike (site settings, vocabularies, the library's
contributors, the pages an address routes through), so a page built anew after a change reads
them once, then never again until the next change.

Each server process keeps its own copy, pickled, so reading one costs no round trip to the
cache server and every caller gets objects of its own to change; the shared cache only holds
the generation, read once per request.
"""

import pickle
import threading
import time
from collections import OrderedDict

from portal.core.page_cache import generation

PROCESS_ENTRIES = 4000  # the least recently used go first (a crawler walking every resource)
# Also read again after this long: a change made without signals (SQL by hand, a queryset's
# update()) shows within minutes even where no other change starts a new generation.
PROCESS_SECONDS = 10 * 60


class _ProcessStore:
    """Pickled values of one generation, in this process; a new generation empties it."""

    def __init__(self, size: int, seconds: float):
        self.size, self.seconds = size, seconds
        self.generation = None
        self.entries: OrderedDict[str, tuple[float, bytes]] = OrderedDict()
        self.lock = threading.Lock()

    def get(self, current: int, name: str) -> bytes | None:
        with self.lock:
            if self.generation != current:
                self.generation, self.entries = current, OrderedDict()
                return None
            found = self.entries.get(name)
            if found is None or time.monotonic() - found[0] > self.seconds:
                return None
            self.entries.move_to_end(name)
            return found[1]

    def put(self, current: int, name: str, value: bytes) -> None:
        with self.lock:
            if self.generation != current:
                return  # content changed while this was computed: not kept
            self.entries[name] = (time.monotonic(), value)
            self.entries.move_to_end(name)
            if len(self.entries) > self.size:
                self.entries.popitem(last=False)


_store = _ProcessStore(PROCESS_ENTRIES, PROCESS_SECONDS)


def per_generation(name: str, compute):
    """``compute()``, or what it gave in this generation (it must be picklable)."""
    current = generation()
    found = _store.get(current, name)
    if found is not None:
        return pickle.loads(found)
    value = compute()
    _store.put(current, name, pickle.dumps(value, pickle.HIGHEST_PROTOCOL))
    return value
