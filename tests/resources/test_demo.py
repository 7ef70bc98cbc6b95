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
