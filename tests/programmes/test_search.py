"""Programmes and episodes are found by the public search, with their type and date."""

import pytest

from portal.programmes.search import PROGRAMME_TYPES
from search.families import family_for
from search.indexing import document_for
from search.query import SearchQuery, search
from tests.programmes.factories import EpisodePageFactory, local

pytestmark = pytest.mark.django_db


def test_episode_document_carries_its_air_date_and_type(programme):
    episode = EpisodePageFactory(
        parent=programme, title="Thanh toán không dùng tiền mặt", air_time=local(2026, 3, 3, 20)
    )

    document = document_for(episode)

    assert family_for(episode).name == "programmes"
    assert document["facets"]["type"] == "episode" and document["date"] == local(2026, 3, 3, 20)
    assert "Kỹ năng số cho mọi người" in document["keywords"]


def test_published_programme_and_episode_are_found_with_their_dates(
    programme, django_capture_on_commit_callbacks
):
    episode = EpisodePageFactory(
        parent=programme, title="Thanh toán không dùng tiền mặt", air_time=local(2026, 3, 3, 20)
    )
    with django_capture_on_commit_callbacks(execute=True):
        programme.save_revision().publish()
        episode.save_revision().publish()

    episodes = search(SearchQuery(text="thanh toan tien mat", filters={"type": ("episode",)}, locale="vi"))
    programmes = search(SearchQuery(text="ky nang so", filters={"type": ("programme",)}, locale="vi"))

    assert [hit.title for hit in episodes.hits] == ["Thanh toán không dùng tiền mặt"]
    assert episodes.hits[0].date.startswith("2026-03-03")
    assert episodes.hits[0].label("type") == str(PROGRAMME_TYPES["episode"])
    assert [hit.title for hit in programmes.hits] == ["Kỹ năng số cho mọi người"]
