"""Backends for the contract and relevance suites: the database one and the Elasticsearch one
on the real ES-API server fixture, each with indexes of its own per test."""

import uuid

import pytest

from search import query
from search.backends.database import DatabaseBackend
from search.backends.elasticsearch import ElasticsearchBackend
from tests.factories import SubjectFactory
from tests.resources.factories import (
    LearningResourcePageFactory,
    LibraryIndexPageFactory,
    OrganisationSectionPageFactory,
    ResourceFileFactory,
)


@pytest.fixture(autouse=True)
def _fresh_availability():
    query.reset_availability()
    yield
    query.reset_availability()


@pytest.fixture
def es_prefix():
    return f"t{uuid.uuid4().hex[:10]}"


@pytest.fixture
def elasticsearch_backend(elasticsearch_url, es_prefix):
    backend = ElasticsearchBackend(elasticsearch_url, prefix=es_prefix, timeout=10)
    yield backend
    backend.drop_all()


@pytest.fixture
def database_backend():
    return DatabaseBackend()


@pytest.fixture(params=["database", "database-like", "elasticsearch"])
def backend(request):
    """Every backend, and the database one's ``LIKE`` path too (SQLite's, the embedded default)."""
    if request.param == "elasticsearch":
        request.applymarker(pytest.mark.elasticsearch)
        return request.getfixturevalue("elasticsearch_backend")
    if request.param == "database-like":
        return DatabaseBackend(full_text=False)
    return request.getfixturevalue("database_backend")


def load(backend, documents):
    by_family = {}
    for document in documents:
        by_family.setdefault(document["family"], []).append(document)
    for family, family_documents in by_family.items():
        backend.rebuild(family, family_documents)
    backend.refresh()
    return backend


@pytest.fixture
def resource(home, django_capture_on_commit_callbacks):
    """A published resource of Đại học Thái Nguyên, about Kỹ năng số, with one file."""
    section = OrganisationSectionPageFactory(
        parent=LibraryIndexPageFactory(parent=home), organisation__name="Đại học Thái Nguyên"
    )
    subject = SubjectFactory(name="Kỹ năng số", name_en="Digital skills", slug="ky-nang-so")
    page = LearningResourcePageFactory(parent=section, title="Dùng điện thoại an toàn", subjects=[subject])
    ResourceFileFactory(page=page)
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()
    return page
