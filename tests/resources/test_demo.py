"""The library's demo content: rich enough to show every part, and safe to load twice."""

import pytest
from wagtail.models import Locale

from portal.core.reference_data import load_vocabularies
from portal.resources.demo import load_resources_demo
from portal.resources.models import CollectionPage, CoursePage, LearningResourcePage, ResourceFile

pytestmark = pytest.mark.django_db


@pytest.fixture
def english_home(home):
    translation = home.copy_for_translation(Locale.objects.get_or_create(language_code="en")[0])
    translation.save_revision().publish()
    return translation


def test_demo_content_covers_the_plan_loads_idempotently_and_is_served(client, home, english_home):
    load_vocabularies()
    load_resources_demo(lambda line: None)
    counts = (LearningResourcePage.objects.count(), ResourceFile.objects.count(), CoursePage.objects.count())
    messages = []

    load_resources_demo(messages.append)

    assert counts == (
        LearningResourcePage.objects.count(),
        ResourceFile.objects.count(),
        CoursePage.objects.count(),
    )
    assert any("0 new resources" in line for line in messages)
    resources = LearningResourcePage.objects.live()
    assert resources.count() >= 40
    assert resources.values("subjects").distinct().count() >= 8
    assert resources.filter(languages__slug__in=["tyz", "nut", "hmn", "ium"]).exists()
    assert resources.values("licence").distinct().count() >= 4
    assert resources.values("organisation").distinct().count() >= 5
    assert CoursePage.objects.live().count() == 2
    assert CollectionPage.objects.live().count() == 3

    newest = LearningResourcePage.objects.get(identifier="tn-kns-hoc-tap-suot-doi")
    audio = LearningResourcePage.objects.get(identifier="tn-kns-zalo-tieng-tay")
    home_html = client.get("/").text
    english_library = client.get("/en/hoc-lieu/")
    assert "Học liệu mới" in home_html and 'href="/hoc-lieu/"' in home_html
    assert english_library.status_code == 200 and newest.title in english_library.text
    for url in (
        "/hoc-lieu/",
        "/khoa-hoc/ky-nang-so-co-ban/",
        "/bo-suu-tap/hoc-lieu-tieng-dan-toc/",
        "/en/khoa-hoc/",
    ):
        assert client.get(url).status_code == 200, url
    assert "<audio" in client.get(audio.url).text


def test_every_demo_video_resource_plays_its_clip_with_captions(client, home):
    load_vocabularies()
    load_resources_demo(lambda line: None)

    videos = LearningResourcePage.objects.live().filter(resource_type="video")
    assert videos.count() == 6
    for resource in videos:
        first = resource.files.first()
        assert first.media_kind == "video" and first.document.content_type == "video/webm"
        html = client.get(resource.url).text
        assert "<video" in html and first.document.url in html
        if "captions" in resource.accessibility_features:
            assert first.caption_track is not None and first.caption_track.url in html
            assert b"-->" in first.caption_track.file.read()


def test_loading_again_gives_a_clip_to_a_video_resource_that_had_none(home):
    load_vocabularies()
    load_resources_demo(lambda line: None)
    resource = LearningResourcePage.objects.get(identifier="tn-nn-che-bien-che-xanh")
    resource.files.filter(document__content_type="video/webm").delete()
    files_before = ResourceFile.objects.count()

    load_resources_demo(lambda line: None)

    resource.refresh_from_db()
    assert ResourceFile.objects.count() == files_before + 1
    assert resource.files.first().media_kind == "video"
    assert resource.files.count() == 2
