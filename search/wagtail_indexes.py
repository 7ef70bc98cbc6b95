"""Wagtail's own indexes (the admin search and the reference index) during bulk work.

Wagtail queues two tasks on every save of an indexed object, and publishing a page saves it three
times: a 1,000-row import left about 11,000 tasks for the worker, each reloading an object that
the next one reindexed again. Inside ``deferred()`` the saved objects are only noted; when the
block ends, each is reindexed once, in tasks of a few hundred. Outside it, Wagtail's handlers run
as Wagtail ships them.
"""

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from django.core.exceptions import ObjectDoesNotExist
from django.db.models.signals import post_delete, post_save
from django_tasks import task
from modelsearch import index as admin_search
from modelsearch.signal_handlers import post_save_signal_handler as admin_search_on_save
from modelsearch.tasks import insert_or_update_object_task
from wagtail.models import ReferenceIndex
from wagtail.signal_handlers import disable_reference_index_auto_update
from wagtail.tasks import update_reference_index_task

from search.tasks import enqueue_in_chunks

ADMIN_SEARCH, REFERENCES = "admin_search", "references"
TASK_SIZE = 300

_pending: ContextVar[dict[str, dict[tuple, None]] | None] = ContextVar(
    "wagtail_indexes_pending", default=None
)


def install() -> None:
    """Put ours in front of the admin search's save handler (once every app is ready). The
    reference index has its own switch, ``disable_reference_index_auto_update``."""
    for model in admin_search.get_indexed_models():
        if post_save.disconnect(admin_search_on_save, sender=model):
            post_save.connect(_admin_search_saved, sender=model)
    post_save.connect(_references_saved, dispatch_uid="search.wagtail_indexes.references")
    post_delete.connect(_references_deleted, dispatch_uid="search.wagtail_indexes.references")


def _key(instance) -> tuple[str, str, str]:
    return instance._meta.app_label, instance._meta.model_name, str(instance.pk)


def _admin_search_saved(instance, **kwargs) -> None:
    pending = _pending.get()
    if pending is None or kwargs.get("raw", False):
        admin_search_on_save(instance, **kwargs)
    else:
        pending[ADMIN_SEARCH][_key(instance)] = None


def _references_saved(sender, instance, **kwargs) -> None:
    pending = _pending.get()
    if pending is not None and sender in ReferenceIndex.tracked_models:
        pending[REFERENCES][_key(instance)] = None


def _references_deleted(sender, instance, **kwargs) -> None:
    """Wagtail's switch silences removals too; a deleted object's references go at once."""
    if _pending.get() is not None and sender in ReferenceIndex.tracked_models:
        ReferenceIndex.remove_for_object(instance)
        ReferenceIndex.remove_references_to(instance)


@contextmanager
def deferred() -> Iterator[None]:
    """Objects saved inside are reindexed once each after the block (nested blocks join the outer)."""
    if _pending.get() is not None:
        yield
        return
    pending: dict[str, dict[tuple, None]] = {ADMIN_SEARCH: {}, REFERENCES: {}}
    token = _pending.set(pending)
    try:
        with disable_reference_index_auto_update():
            yield
    finally:
        _pending.reset(token)
        for kind, keys in pending.items():
            enqueue_in_chunks(
                lambda chunk, kind=kind: reindex.enqueue(kind, chunk), [list(key) for key in keys], TASK_SIZE
            )


@task()
def reindex(kind: str, keys: list[list[str]]) -> int:
    """Reindex each object of ``keys`` (app label, model name, pk) in ``kind``; gone ones are skipped."""
    update = insert_or_update_object_task if kind == ADMIN_SEARCH else update_reference_index_task
    done = 0
    for app_label, model_name, pk in keys:
        try:
            update.call(app_label, model_name, pk)
        except (LookupError, ObjectDoesNotExist):
            continue
        done += 1
    return done
