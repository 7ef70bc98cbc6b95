"""What a citizen sees: programmes, episodes with catch-up players, the broadcaster's player on request."""

import datetime

import pytest
from django.utils import timezone

from portal.core.demo import mirror_in_other_languages
from portal.programmes.models import Airing
from tests.programmes.factories import AiringFactory, EpisodePageFactory

pytestmark = pytest.mark.django_db


def test_programme_index_lists_programmes_with_channel_and_next_airing(client, programme, radio):
    AiringFactory(programme=programme, kind="slot", starts_at=timezone.now() + datetime.timedelta(days=2))

    response = client.get("/chuong-trinh/")

    html = response.content.decode()
    assert response.status_code == 200
    assert "Kỹ năng số cho mọi người" in html and "Khuyến nông tiếng Tày" in html
    assert "Kênh Phát thanh Thái Nguyên" in html
    assert html.count(' datetime="') == 1  # only the programme with an airing shows one


def test_programme_lists_episodes_newest_first_with_players_that_load_nothing(
    client, programme, clip, sound, captions
):
    EpisodePageFactory(parent=programme, title="Tập cũ", air_time=timezone.now() - datetime.timedelta(days=9))
    EpisodePageFactory(
        parent=programme,
        title="Tập mới",
        air_time=timezone.now() - datetime.timedelta(days=2),
        media=clip,
        audio=sound,
        captions=captions,
    )
    EpisodePageFactory(
        parent=programme, title="Tập sắp tới", air_time=timezone.now() + datetime.timedelta(days=5)
    )

    html = client.get("/chuong-trinh/ky-nang-so-cho-moi-nguoi/").content.decode()

    episodes = html.split('id="episodes-heading"')[1]
    assert episodes.index("Tập mới") < episodes.index("Tập cũ")
    assert "Tập sắp tới" not in episodes  # not aired yet: under "coming up" instead
    assert "Tập sắp tới" in html.split('id="upcoming-heading"')[1].split('id="episodes-heading"')[0]
    assert '<video controls preload="none"' in html
    assert f'<source src="{clip.url}" type="video/webm">' in html
    assert f'<track kind="captions" src="{captions.url}"' in html
    assert f'href="{sound.url}"' in html  # the audio-only version
    assert (
        'rel="alternate" type="text/calendar" href="/chuong-trinh/ky-nang-so-cho-moi-nguoi/lich.ics"' in html
    )


def test_episode_page_plays_and_shows_transcript_resources_and_upcoming_airings(
    client, programme, clip, sound, captions, section_resource
):
    episode = EpisodePageFactory(
        parent=programme,
        media=clip,
        audio=sound,
        captions=captions,
        transcript="Xin chào quý vị khán giả.",
    )
    episode.airings.add(Airing(kind="rerun", starts_at=timezone.now() + datetime.timedelta(days=1)))
    episode.resource_links.create(resource=section_resource)
    episode.save_revision().publish()

    html = client.get(episode.url).content.decode()

    assert '<video controls preload="none"' in html and '<audio controls preload="none"' in html
    assert "Xin chào quý vị khán giả." in html
    assert section_resource.title in html
    upcoming = html.split('id="airings-heading"')[1]
    assert upcoming.count(' datetime="') == 1 and "+07:00" in upcoming


def test_files_of_a_live_episode_can_be_played_by_anyone(client, programme, clip, captions):
    EpisodePageFactory(parent=programme, media=clip, captions=captions)

    video = client.get(clip.url, HTTP_RANGE="bytes=0-")
    track = client.get(captions.url)

    assert video.status_code == 206 and video["Content-Type"] == "video/webm"
    assert track.status_code == 200 and track.content.startswith(b"WEBVTT")


def test_the_broadcasters_player_is_framed_only_on_request(client, programme, settings):
    settings.BROADCAST_PLAYER_HOSTS = ["thainguyentv.vn"]
    episode = EpisodePageFactory(parent=programme, player_url="https://thainguyentv.vn/xem/tap-1")

    page = client.get(episode.url).content.decode()
    player = client.get(episode.url + "xem/").content.decode()

    assert "<iframe" not in page and "thainguyentv.vn" not in page.split("<main")[1].split('href="')[0]
    assert f'href="{episode.url}xem/"' in page
    assert '<iframe src="https://thainguyentv.vn/xem/tap-1"' in player and 'sandbox="' in player


def test_a_player_whose_host_left_the_list_is_not_framed(client, programme, settings):
    episode = EpisodePageFactory(parent=programme, player_url="https://thainguyentv.vn/xem/tap-1")
    settings.BROADCAST_PLAYER_HOSTS = ["vtv.vn"]

    assert client.get(episode.url + "xem/").status_code == 404
    assert client.get(EpisodePageFactory(parent=programme).url + "xem/").status_code == 404


def test_home_page_shows_what_airs_today_with_a_link_to_the_schedule(client, home, programme, schedule):
    # (a minute before midnight this lands tomorrow, which the section then shows instead)
    EpisodePageFactory(
        parent=programme, title="Tập hôm nay", air_time=timezone.now() + datetime.timedelta(minutes=1)
    )

    html = client.get("/").content.decode()

    assert "Tập hôm nay" in html
    assert 'href="/lich-phat-song/"' in html


def test_home_page_has_no_programme_section_when_nothing_airs(client, home, programme):
    html = client.get("/").content.decode()

    assert "programmes-home" not in html


def test_index_and_schedule_are_mirrored_under_english(client, home, programmes_index, schedule, programme):
    from portal.core.demo import load_english_home

    load_english_home(home, lambda message: None)
    mirror_in_other_languages(home, [programmes_index, schedule], lambda message: None)

    index = client.get("/en/chuong-trinh/")
    listing = client.get("/en/lich-phat-song/")

    assert index.status_code == 200 and "Kỹ năng số cho mọi người" in index.content.decode()
    assert listing.status_code == 200 and 'lang="en"' in listing.content.decode()
