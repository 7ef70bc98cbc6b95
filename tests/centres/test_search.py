"""Centres are found by the public search, as their own kind, faceted by their commune."""

import pytest
from django.utils import translation

from portal.centres.search import CENTRE_TYPE
from search.documents import prepare
from search.families.registry import relabel
from search.indexing import document_for
from search.query import SearchQuery, search
from tests.centres.factories import CentreClassFactory, CentreFactory, CommuneFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def centre(centre_index):
    centre = CentreFactory(
        parent=centre_index,
        title="Trung tâm học tập cộng đồng xã Võ Nhai",
        commune=CommuneFactory(name="Võ Nhai", slug="2025-xa-vo-nhai"),
    )
    CentreClassFactory(page=centre, title="Tiếng Anh giao tiếp cho người lớn", kind="foreign-language")
    return centre


def test_centre_document_is_of_the_centre_type_with_its_unit(centre):
    document = prepare(document_for(centre))

    assert document["facets"]["type"] == ["centre"] and document["facets"]["unit"] == ["2025-xa-vo-nhai"]
    with translation.override("vi"):
        assert document["labels"]["type"]["centre"] == str(CENTRE_TYPE["centre"])
    assert document["labels"]["unit"]["2025-xa-vo-nhai"] == "Xã Võ Nhai"


def test_published_centre_is_found_without_diacritics_and_filtered_by_type_and_unit(
    centre, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        centre.save_revision().publish()

    results = search(SearchQuery(text="vo nhai tieng anh", filters={"type": ("centre",)}, locale="vi"))
    by_unit = search(SearchQuery(text="", filters={"unit": ("2025-xa-vo-nhai",)}, locale="vi"))

    assert [hit.url for hit in results.hits] == [centre.url]
    assert results.hits[0].date is not None
    assert centre.url in [hit.url for hit in by_unit.hits]
    with translation.override("en"):  # the English site shows the labels in English (as its views do)
        english = search(SearchQuery(text="vo nhai", filters={"type": ("centre",)}, locale="en"))
        relabel(english)
    assert [hit.url for hit in english.hits] == [centre.url]
    assert english.hits[0].labels["type"]["centre"] == "Learning centre"
