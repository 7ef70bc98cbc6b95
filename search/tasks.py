"""Background work of the search app (django-tasks: immediate in development, a worker in production)."""

from datetime import timedelta

from django.db import transaction
from django.utils import timezone
from django_tasks import task

from search.indexing import recently_downloaded_pages, update_pages


def enqueue_in_chunks(enqueue, items: list, size: int) -> None:
    """``enqueue(chunk)`` for every ``size`` items, once the transaction commits: bulk work
    leaves a few tasks of a few hundred items, not one per item."""
    for start in range(0, len(items), size):
        chunk = items[start : start + size]
        transaction.on_commit(lambda chunk=chunk: enqueue(chunk))


@task()
def index_pages(page_ids: list[int]) -> int:
    return update_pages(page_ids)


DOWNLOADS_WINDOW = timedelta(minutes=2)  # the schedule runs every minute: each download is seen twice


@task()
def index_recent_downloads() -> int:
    """Index again the pages whose files were downloaded lately, so sorting by downloads in
    search agrees with the library within a minute or two (one task a minute, not one a click)."""
    return update_pages(recently_downloaded_pages(timezone.now() - DOWNLOADS_WINDOW))
