"""``load_demo``'s programmes: three series whose aired episodes all play, airings ahead, reruns."""

import pytest
from django.utils import timezone

from portal.core.demo import load_english_home, load_home
from portal.core.reference_data import load_vocabularies
from portal.programmes.demo import load_programmes_demo
from portal.programmes.models import Airing, BroadcastProgrammePage, EpisodePage

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(db):
    load_vocabularies()
    home = load_home(lambda message: None)
    load_english_home(home, lambda message: None)
    load_programmes_demo(lambda message: None)
    return home


def test_demo_has_three_series_whose_aired_episodes_play_with_airings_ahead(client, demo):
    programmes = {page.channel_kind: page for page in BroadcastProgrammePage.objects.live()}
    assert set(programmes) == {"tv", "radio", "e_newspaper"}
    assert programmes["tv"].producer.kind == "broadcaster"
    assert "tyz" in programmes["radio"].languages.values_list("slug", flat=True)
    for programme in programmes.values():
        assert EpisodePage.objects.child_of(programme).live().count() >= 4

    aired = EpisodePage.objects.live().filter(air_time__lte=timezone.now())
    assert aired.count() == 12
    for episode in aired:
        assert episode.media.content_type in {"video/webm", "audio/ogg"}
        assert client.get(episode.media.url).status_code == 200
        assert client.get(episode.captions.url).content.startswith(b"WEBVTT")

    upcoming = Airing.objects.filter(starts_at__gte=timezone.now())
    assert upcoming.filter(kind="first").count() == 3  # one coming episode per series
    assert upcoming.filter(kind="slot").exists()
    assert Airing.objects.filter(kind="rerun").count() >= 8

    for url in ("/chuong-trinh/", "/lich-phat-song/", "/en/chuong-trinh/", "/en/lich-phat-song/"):
        assert client.get(url).status_code == 200, url


def test_loading_the_demo_again_adds_nothing(demo):
    counts = (EpisodePage.objects.count(), Airing.objects.count())

    load_programmes_demo(lambda message: None)

    assert (EpisodePage.objects.count(), Airing.objects.count()) == counts
