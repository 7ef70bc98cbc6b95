"""A demo video resource plays in the browser (Debian's Chromium: WebM VP8 + Opus), with captions."""

import json

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

DEMO_ID = "tn-nn-che-bien-che-xanh"


@pytest.fixture
def video_resource(wagtail_tree, make_document):
    """The demo's tea-processing video resource, with the clip and captions the demo makes."""
    from portal.resources import demo
    from tests.factories import HomePageFactory, make_site_root
    from tests.resources.factories import (
        LearningResourcePageFactory,
        LibraryIndexPageFactory,
        OrganisationSectionPageFactory,
        ResourceFileFactory,
    )

    row = next(row for row in json.loads(demo.DEMO_DATA.read_text())["resources"] if row["id"] == DEMO_ID)
    lines = json.loads(demo.DEMO_VIDEOS.read_text())[DEMO_ID]
    home = make_site_root(HomePageFactory(parent=wagtail_tree))
    section = OrganisationSectionPageFactory(parent=LibraryIndexPageFactory(parent=home))
    page = LearningResourcePageFactory(
        parent=section,
        title=row["title"],
        slug="che-xanh",
        resource_type="video",
        accessibility_features=["captions"],
    )
    ResourceFileFactory(
        page=page,
        document=make_document(demo.demo_video(row), f"{DEMO_ID}.webm", "Video"),
        captions=make_document(demo.video_captions(lines), f"{DEMO_ID}.vtt", "Phụ đề"),
    )
    page.save_revision().publish()
    return page, lines


def test_a_demo_video_resource_plays_with_its_captions(live_server, video_resource, page_with_js):
    resource, lines = video_resource
    page = page_with_js

    page.goto(live_server.url + resource.url)
    video = page.locator(".preview video")
    assert video.get_attribute("preload") == "none"
    video.evaluate("element => { element.muted = true; return element.play(); }")
    # Awaited in the page (wait_for_function would evaluate a string, which the CSP forbids).
    played = video.evaluate(
        """(media) => new Promise((resolve) => {
            const done = () => media.currentTime > 1 && resolve(true);
            media.addEventListener("timeupdate", done);
            setTimeout(() => resolve(media.currentTime > 1), 15000);
        })"""
    )
    assert played

    state = video.evaluate(
        "element => ({error: element.error, duration: element.duration,"
        " cues: Array.from(element.textTracks[0].cues || [], cue => cue.text)})"
    )
    assert state["error"] is None and 5.5 < state["duration"] < 6.5
    assert state["cues"] == lines
