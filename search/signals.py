"""When pages reach the search indexes: signal receivers queue ``search.tasks.index_pages``.

Publishing, unpublishing, moving or deleting a page, adding or removing a view restriction,
renaming a vocabulary term or an organisation, and replacing a file or extracting its text queue
the pages concerned once the transaction
commits (run at once in development and tests, by the worker in production). Bulk work wraps
itself in ``batched_updates`` so its pages are indexed together when it ends.
"""

from contextlib import contextmanager
from contextvars import ContextVar

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.documents import get_document_model
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move

from portal.core.file_access import pages_using
from portal.core.models.taxonomy import Term
from portal.organisations.models import Organisation
from search.indexing import pages_pointing_at
from search.tasks import enqueue_in_chunks, index_pages
from search.wagtail_indexes import deferred

_batch: ContextVar[list[int] | None] = ContextVar("search_index_batch", default=None)


def queue(page_ids: list[int]) -> None:
    batch = _batch.get()
    if batch is not None:
        batch.extend(page_ids)
    elif page_ids:
        transaction.on_commit(lambda: index_pages.enqueue(page_ids))


@contextmanager
def batched_updates(size: int = 500):
    """Inside, changed pages are indexed together at the end (in tasks of ``size`` pages)
    rather than one task per page: a bulk import of 1,000 rows makes two tasks, not 1,000.
    Wagtail's own indexes (admin search, references) are deferred the same way."""
    pending: list[int] = []
    token = _batch.set(pending)
    try:
        with deferred():
            yield
    finally:
        _batch.reset(token)
        enqueue_in_chunks(index_pages.enqueue, list(dict.fromkeys(pending)), size)


@receiver(page_published)
@receiver(page_unpublished)
def _page_changed(sender, instance, **kwargs):
    """The page, and its translations: which sites show them depends on it (``sites_for``)."""
    queue([instance.pk, *instance.get_translations().values_list("pk", flat=True)])


@receiver(post_page_move)
def _page_moved(sender, instance, **kwargs):
    _queue_subtree(instance)


@receiver(post_delete, sender=Page)
def _page_deleted(sender, instance, **kwargs):
    translations = Page.objects.filter(translation_key=instance.translation_key).exclude(pk=instance.pk)
    queue([instance.pk, *translations.values_list("pk", flat=True)])


@receiver(post_save, sender=PageViewRestriction)
@receiver(post_delete, sender=PageViewRestriction)
def _privacy_changed(sender, instance, **kwargs):
    """A page made private leaves public search with everything below it (and comes back when
    the restriction goes): who may see a result is a security matter, not a ranking one."""
    page = Page.objects.filter(pk=instance.page_id).first()
    if page is not None:
        _queue_subtree(page)


@receiver(post_save)
def _file_changed(sender, instance, created=False, update_fields=None, raw=False, **kwargs):
    """A document replaced, retitled or given its extracted text: the pages that use it show its
    size, format and title in results, and are found by its text."""
    if raw or created or sender is not get_document_model():
        return
    if update_fields is None or {"file", "title", "text"} & set(update_fields):
        queue(pages_using(sender, [instance.pk]))


@receiver(post_save)
def _named_thing_changed(sender, instance, raw=False, **kwargs):
    """A vocabulary term or an organisation renamed: every page that shows its name is
    indexed again, so a search for the new name finds them and results show it."""
    if not raw and isinstance(instance, (Term, Organisation)) and not kwargs.get("created"):
        queue(pages_pointing_at(instance))


def _queue_subtree(page: Page) -> None:
    queue(list(Page.objects.descendant_of(page, inclusive=True).live().values_list("pk", flat=True)))
