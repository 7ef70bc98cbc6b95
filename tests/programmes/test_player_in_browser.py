"""An episode page in headless Chromium: the recording plays, captions load, nothing from elsewhere."""

import datetime

import pytest
from django.utils import timezone

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def episode(wagtail_tree, make_document):
    from portal.core import demo_media
    from tests.factories import HomePageFactory, make_site_root
    from tests.programmes.factories import (
        BroadcastProgrammePageFactory,
        EpisodePageFactory,
        ProgrammeIndexPageFactory,
    )

    home = make_site_root(HomePageFactory())
    programme = BroadcastProgrammePageFactory(parent=ProgrammeIndexPageFactory(parent=home))
    return EpisodePageFactory(
        parent=programme,
        title="Nhận diện tin giả",
        air_time=timezone.now() - datetime.timedelta(days=1),
        media=make_document(demo_media.video(3, title="Nhận diện tin giả"), "tin-gia.webm", "Tin giả"),
        captions=make_document(
            demo_media.captions([(0, 3, "Không bấm vào đường dẫn lạ.")]), "tin-gia.vtt", "Phụ đề"
        ),
    )


def test_the_episode_video_plays_with_captions(live_server, episode, page_with_js):
    page = page_with_js
    hosts = set()
    page.on("request", lambda request: hosts.add(request.url.split("/")[2]))

    page.goto(live_server.url + episode.url)
    video = page.locator("video")
    assert video.get_attribute("preload") == "none"
    state = video.evaluate(
        """async (media) => {
            media.muted = true;
            await media.play();
            await new Promise((resolve) => {
                const done = () => media.currentTime > 0.5 && resolve();
                media.addEventListener("timeupdate", done);
                setTimeout(resolve, 8000);
            });
            const track = media.textTracks[0];
            return {time: media.currentTime, ready: media.readyState, error: media.error && media.error.code,
                    cues: track && track.cues ? track.cues.length : 0};
        }"""
    )

    assert state["error"] is None
    assert state["time"] > 0 and state["ready"] >= 2
    assert state["cues"] == 1
    assert hosts == {live_server.url.split("/")[2]}  # everything from our own server


def test_the_episode_page_reads_without_javascript(live_server, episode, page_without_js):
    page_without_js.goto(live_server.url + episode.url)

    assert page_without_js.locator("h1").inner_text().endswith("Nhận diện tin giả")
    assert page_without_js.locator("video source").get_attribute("type") == "video/webm"
