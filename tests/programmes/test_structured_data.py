"""schema.org read from the rendered pages: series, episodes, recordings and broadcast events."""

import json
import re

import pytest

from tests.programmes.factories import EpisodePageFactory, local

pytestmark = pytest.mark.django_db
LD_JSON = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)


def own_node(client, url: str) -> dict:
    html = client.get(url).content.decode()
    [data] = [json.loads(text) for text in LD_JSON.findall(html)]
    nodes = data.get("@graph", [data])
    return next(node for node in nodes if node["@type"] != "BreadcrumbList")


def test_tv_programme_is_a_tv_series_and_radio_a_radio_series(client, programme, radio):
    assert own_node(client, programme.url)["@type"] == "TVSeries"
    assert own_node(client, radio.url)["@type"] == "RadioSeries"


def test_e_newspaper_column_is_a_creative_work_series(client, programmes_index):
    from tests.programmes.factories import BroadcastProgrammePageFactory

    column = BroadcastProgrammePageFactory(parent=programmes_index, channel_kind="e_newspaper")

    assert own_node(client, column.url)["@type"] == "CreativeWorkSeries"


def test_episode_describes_its_series_recording_and_broadcast(client, programme, clip, sound):
    episode = EpisodePageFactory(
        parent=programme,
        number=4,
        air_time=local(2026, 3, 3, 20),
        duration_minutes=30,
        media=clip,
        audio=sound,
    )

    node = own_node(client, episode.url)

    assert node["@type"] == "TVEpisode"
    assert node["episodeNumber"] == 4 and node["duration"] == "PT30M"
    assert node["partOfSeries"] == {
        "@type": "TVSeries",
        "name": "Kỹ năng số cho mọi người",
        "url": f"http://testserver{programme.url}",
    }
    assert node["video"]["@type"] == "VideoObject" and node["video"]["encodingFormat"] == "video/webm"
    assert node["video"]["contentUrl"] == f"http://testserver{clip.url}"
    assert node["audio"]["@type"] == "AudioObject" and node["audio"]["encodingFormat"] == "audio/ogg"
    assert node["publication"]["@type"] == "BroadcastEvent"
    assert node["publication"]["startDate"] == "2026-03-03T20:00:00+07:00"
    assert node["publication"]["publishedOn"] == {
        "@type": "BroadcastService",
        "name": "THTN – Kênh Truyền hình Thái Nguyên",
    }


def test_radio_episode_with_an_audio_recording(client, radio, sound):
    episode = EpisodePageFactory(parent=radio, media=sound)

    node = own_node(client, episode.url)

    assert node["@type"] == "RadioEpisode" and "video" not in node
    assert node["audio"]["contentUrl"].endswith(sound.url)
