"""Counting the SQL queries of a page as a visitor gets it, with the page cache off (the tests'
default). What pages keep until the next change (site settings, vocabularies) is read on the
first visit after a change, so the page is asked for first; twice, since the very first visit
to a site also stores its settings, itself a change."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

# A listing page: Wagtail's own routing and view-restriction check, the site's settings, then a
# fixed number of queries for the list whatever its length.
LISTING_QUERIES = 20


def queries_for(client, url: str) -> int:
    for _warm_up in range(2):
        assert client.get(url).status_code == 200
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured)


def listing_counts(client, url: str, add_items) -> tuple[int, int]:
    """The page's queries with two items, then with twelve (``add_items(n)`` adds n)."""
    add_items(2)
    few = queries_for(client, url)
    add_items(10)
    return few, queries_for(client, url)


def adding(factory, **fields):
    """``add(n)`` for ``listing_counts``: n new items from ``factory``, each with ``fields``."""

    def add(count: int) -> None:
        for _ in range(count):
            factory(**fields)

    return add
