"""Background work of the search app (django-tasks: immediate in development, a worker in production)."""

from datetime import timedelta

from django.utils import timezone
from django_tasks import task

from search.indexing import recently_downloaded_pages, update_pages


@task()
def index_pages(page_ids: list[int]) -> int:
    return update_pages(page_ids)


DOWNLOADS_WINDOW = timedelta(minutes=2)  # the schedule runs every minute: each download is seen twice


@task()
def index_recent_downloads() -> int:
    """Index again the pages whose files were downloaded lately, so sorting by downloads in
    search agrees with the library within a minute or two (one task a minute, not one a click)."""
    return update_pages(recently_downloaded_pages(timezone.now() - DOWNLOADS_WINDOW))
