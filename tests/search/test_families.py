"""Library pages become search documents with their facets, labels, files and download counts."""

import pytest
from django.utils import translation

from portal.core.models import Audience, EducationLevel, Language, Subject
from portal.core.reference_data import load_vocabularies
from portal.resources.models import LearningResourcePage
from search.documents import prepare
from search.families import family_for
from search.indexing import document_for
from search.query import SearchQuery, search
from tests.resources.factories import (
    CollectionIndexPageFactory,
    CollectionItemFactory,
    CollectionPageFactory,
    CourseIndexPageFactory,
    CoursePageFactory,
    LearningResourcePageFactory,
    LibraryIndexPageFactory,
    OrganisationSectionPageFactory,
    ResourceFileFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def section(home):
    return OrganisationSectionPageFactory(
        parent=LibraryIndexPageFactory(parent=home),
        organisation__name="Đại học Thái Nguyên",
        organisation__slug="dai-hoc-thai-nguyen",
    )


@pytest.fixture
def resource(section):
    load_vocabularies()
    return LearningResourcePageFactory(
        parent=section,
        title="Kỹ năng số cho người cao tuổi",
        summary="Gọi video với con cháu",
        resource_type=LearningResourcePage.ResourceType.VIDEO,
        subjects=list(Subject.objects.all()[:2]),
        audiences=list(Audience.objects.all()[:1]),
        languages=list(Language.objects.filter(slug="vi")),
        level=EducationLevel.objects.first(),
    )


def test_resource_document_carries_facets_and_labels(resource):
    ResourceFileFactory(page=resource)

    document = prepare(document_for(resource))

    assert document["family"] == "resources" and document["identifier"] == resource.identifier
    assert document["url"] == resource.url
    assert document["facets"]["type"] == ["video"]
    assert document["labels"]["type"]["video"] == "Video"
    assert document["facets"]["subject"] == sorted(resource.subjects.values_list("slug", flat=True))
    assert document["facets"]["organisation"] == ["dai-hoc-thai-nguyen"]
    assert document["labels"]["organisation"]["dai-hoc-thai-nguyen"] == "Đại học Thái Nguyên"
    assert document["facets"]["licence"] == [resource.licence.slug]
    assert document["facets"]["year"] == ["2024"]
    assert document["facets"]["language"] == ["vi"]
    [file] = document["files"]
    assert file["format"] == "PDF" and file["url"].startswith("/tai-ve/")


def test_labels_follow_the_page_language_not_the_request(resource):
    with translation.override("en"):
        document = family_for(resource).document(resource)

    assert document["labels"]["type"]["video"] == "Video"
    subject = resource.subjects.first()
    assert document["labels"]["subject"][subject.slug] == subject.name


def test_published_resource_is_found_by_subject_and_facet(resource, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        resource.save_revision().publish()

    results = search(SearchQuery(text="ky nang so", filters={"type": ("video",)}, locale="vi"))

    assert [hit.identifier for hit in results.hits] == [resource.identifier]
    assert results.hits[0].meta[:2] == ["Video", "Đại học Thái Nguyên"]


def test_courses_and_collections_are_families_too(home, resource):
    course = CoursePageFactory(parent=CourseIndexPageFactory(parent=home), title="Tin học cơ bản")
    collection = CollectionPageFactory(parent=CollectionIndexPageFactory(parent=home), title="Bộ kỹ năng số")
    CollectionItemFactory(collection=collection, resource=resource)

    assert document_for(course)["family"] == "courses"
    assert document_for(course)["facets"]["type"] == "course"
    collection_document = document_for(collection)
    assert collection_document["family"] == "collections" and resource.title in collection_document["body"]
