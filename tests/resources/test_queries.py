"""How many SQL queries the library's pages take: few, and the same however much they show."""

import pytest

from tests.factories import AudienceFactory, SubjectFactory
from tests.queries import LISTING_QUERIES, adding, listing_counts, queries_for
from tests.resources.factories import (
    CollectionIndexPageFactory,
    CollectionItemFactory,
    CollectionPageFactory,
    CourseIndexPageFactory,
    CoursePageFactory,
    LearningResourcePageFactory,
    ResourceFileFactory,
)

pytestmark = pytest.mark.django_db

RESOURCE_PAGE_QUERIES = 22  # Wagtail's own routing, view restrictions and the page's relations


def test_a_resource_page_takes_the_same_queries_whatever_it_shows(client, section):
    lone_subject = SubjectFactory(name="Nuôi ong")
    plain = LearningResourcePageFactory(
        parent=section, title="Nuôi ong lấy mật", subjects=[lone_subject], audiences=[AudienceFactory()]
    )
    ResourceFileFactory(page=plain, label="Sổ tay nuôi ong")

    subjects = [SubjectFactory(name=f"Kỹ năng {n}") for n in range(5)]
    rich = LearningResourcePageFactory(
        parent=section,
        title="Kỹ năng số cho người cao tuổi",
        subjects=subjects,
        audiences=[AudienceFactory() for _ in range(3)],
    )
    for n in range(4):
        ResourceFileFactory(page=rich, label=f"Bài {n + 1}")
    for n in range(5):
        LearningResourcePageFactory(parent=section, title=f"Học liệu liên quan {n}", subjects=[subjects[n]])
    index = CollectionIndexPageFactory(parent=section.get_parent().get_parent())
    for _ in range(2):
        CollectionItemFactory(collection=CollectionPageFactory(parent=index), resource=rich)

    plain_queries = queries_for(client, plain.url)
    rich_queries = queries_for(client, rich.url)

    html = client.get(rich.url).text
    assert "Kỹ năng 4" in html and "Bài 4" in html and "Học liệu liên quan" in html
    assert rich_queries <= RESOURCE_PAGE_QUERIES
    assert plain_queries == rich_queries


def test_the_library_takes_the_same_queries_for_two_resources_or_twelve(client, section):
    subject = SubjectFactory(name="Kỹ năng số")

    add = adding(LearningResourcePageFactory, parent=section, subjects=[subject])
    few, many = listing_counts(client, section.get_parent().url, add)

    assert many <= LISTING_QUERIES
    assert few == many


def test_a_subject_page_takes_the_same_queries_for_two_resources_or_twelve(client, section):
    subject = SubjectFactory(name="Kỹ năng số", slug="ky-nang-so")

    add = adding(LearningResourcePageFactory, parent=section, subjects=[subject])
    few, many = listing_counts(client, section.get_parent().url + "chu-de/ky-nang-so/", add)

    assert many <= LISTING_QUERIES
    assert few == many


@pytest.mark.parametrize(
    ("index_factory", "item_factory"),
    [(CourseIndexPageFactory, CoursePageFactory), (CollectionIndexPageFactory, CollectionPageFactory)],
    ids=["courses", "collections"],
)
def test_course_and_collection_indexes_take_the_same_queries_for_two_or_twelve(
    client, home, index_factory, item_factory
):
    index = index_factory(parent=home)

    few, many = listing_counts(client, index.url, adding(item_factory, parent=index))

    assert many <= LISTING_QUERIES
    assert few == many
