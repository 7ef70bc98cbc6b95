"""What goes into the search indexes: a page's document, updates, rebuilds and drift checks.

Every document goes to the database index, which is the fallback, and to Elasticsearch when it
is configured; Elasticsearch being away never blocks publishing, and ``search_index --check``
shows what was missed. When pages are indexed is ``search.signals``'s business.
"""

import logging
from collections.abc import Callable, Iterable, Iterator

from wagtail.documents import get_document_model
from wagtail.models import Page

from media.models import DownloadCounter
from portal.core.file_access import pages_using
from search.backends import SearchUnavailable, active_backends
from search.documents import prepare
from search.families import families, family_for

logger = logging.getLogger(__name__)


def is_searchable(page: Page) -> bool:
    """Live, readable by an anonymous visitor (no view restriction above it), routed by a site."""
    return type(page).objects.filter(pk=page.pk).live().public().exists() and page.get_url() is not None


def document_for(page: Page) -> dict | None:
    family = family_for(page)
    if family is None or not is_searchable(page):
        return None
    return family.document(page)


def update_pages(page_ids: Iterable[int], backends=None) -> int:
    """Index the pages that are searchable, remove the others; returns how many were indexed."""
    documents, gone = [], []
    for page_id in page_ids:
        page = Page.objects.filter(pk=page_id).select_related("locale").first()
        document = document_for(page.specific) if page is not None else None
        if document is None:
            gone.append(str(page_id))
        else:
            documents.append(document)
    for backend in backends or active_backends():
        try:
            backend.index(documents)
            backend.delete(gone)
        except SearchUnavailable as error:
            logger.warning(
                "search: %s index not updated for pages %s (%s)", backend.name, list(page_ids), error
            )
    return len(documents)


def family_documents(name: str) -> Iterator[dict]:
    """Every searchable page of one family, as documents, for rebuilds and drift checks."""
    for family in families()[name]:
        for page in family.pages().iterator(chunk_size=500):
            if page.get_url() is not None:
                yield family.document(page)


def rebuild(backend, name: str, progress: Callable[[int], None] | None = None) -> int:
    return backend.rebuild(name, family_documents(name), progress)


def _natural(doc_id: str) -> tuple[int, str]:
    return len(doc_id), doc_id


def family_size(name: str) -> int:
    return sum(family.pages().count() for family in families()[name])


def drift(backend, name: str) -> dict[str, list[str]]:
    """Ids missing from the index, indexed with old content, or indexed but no longer searchable."""
    expected = {document["id"]: document["fingerprint"] for document in map(prepare, family_documents(name))}
    indexed = backend.fingerprints(name)
    return {
        "missing": sorted(set(expected) - set(indexed), key=_natural),
        "stale": sorted(
            (key for key in expected.keys() & indexed.keys() if expected[key] != indexed[key]), key=_natural
        ),
        "orphaned": sorted(set(indexed) - set(expected), key=_natural),
    }


def pages_pointing_at(instance) -> list[int]:
    """Ids of the pages with a foreign key or many-to-many field pointing at ``instance``."""
    ids: set[int] = set()
    for relation in instance._meta.related_objects:
        if issubclass(relation.related_model, Page):
            pages = relation.related_model.objects.filter(**{relation.field.name: instance})
            ids.update(pages.values_list("pk", flat=True))
    return sorted(ids)


def recently_downloaded_pages(since) -> list[int]:
    """Ids of the pages using a file downloaded since ``since`` (Wagtail's reference index)."""
    documents = DownloadCounter.objects.filter(last_download_at__gte=since).values_list("document", flat=True)
    return pages_using(get_document_model(), documents)
