"""Background work of the search app (django-tasks: immediate in development, a worker in production)."""

from django_tasks import task


@task()
def index_pages(page_ids: list[int]) -> int:
    from search.indexing import update_pages

    return update_pages(page_ids)
