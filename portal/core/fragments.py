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
from collections import OrderedDict

from portal.core.page_cache import generation

PROCESS_ENTRIES = 4000  # the least recently used go first (a crawler walking every resource)


class _ProcessStore:
    """Pickled values of one generation, in this process; a new generation empties it."""

    def __init__(self, size: int):
        self.size = size
        self.generation = None
        self.entries: OrderedDict[str, bytes] = OrderedDict()
        self.lock = threading.Lock()

    def get(self, current: int, name: str) -> bytes | None:
        with self.lock:
            if self.generation != current:
                self.generation, self.entries = current, OrderedDict()
                return None
            found = self.entries.get(name)
            if found is not None:
                self.entries.move_to_end(name)
            return found

    def put(self, current: int, name: str, value: bytes) -> None:
        with self.lock:
            if self.generation != current:
                return  # content changed while this was computed: not kept
            self.entries[name] = value
            if len(self.entries) > self.size:
                self.entries.popitem(last=False)


_store = _ProcessStore(PROCESS_ENTRIES)


def per_generation(name: str, compute):
    """``compute()``, or what it gave in this generation (it must be picklable)."""
    current = generation()
    found = _store.get(current, name)
    if found is not None:
        return pickle.loads(found)
    value = compute()
    _store.put(current, name, pickle.dumps(value, pickle.HIGHEST_PROTOCOL))
    return value
