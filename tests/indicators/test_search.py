"""The dashboard is found by the public search, as the indicators kind, with its date."""

import pytest

from search.documents import prepare
from search.indexing import document_for
from search.query import SearchQuery, search
from tests.indicators.factories import IndicatorFactory, make_dashboard

pytestmark = pytest.mark.django_db


def test_the_dashboard_is_found_by_an_indicator_name(home, django_capture_on_commit_callbacks):
    IndicatorFactory(name="Tỷ lệ trung tâm học tập cộng đồng ứng dụng công nghệ thông tin")
    with django_capture_on_commit_callbacks(execute=True):
        dashboard = make_dashboard(home)
    dashboard.refresh_from_db()
    document = prepare(document_for(dashboard))
    assert document["facets"]["type"] == ["indicators"] and document["date"]
    results = search(
        SearchQuery(text="trung tam hoc tap cong dong", filters={"type": ("indicators",)}, locale="vi")
    )
    assert [hit.url for hit in results.hits] == [dashboard.url]
    assert results.hits[0].date
