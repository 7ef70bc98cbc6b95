"""Airings follow their episode; times must carry a zone; players come from allowed hosts only."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone, translation

from portal.programmes.models import Airing
from portal.programmes.tasks import roll_forward
from portal.programmes.validation import NAIVE_TIME, OFF_LIST_HOST
from tests.programmes.factories import AiringFactory, EpisodePageFactory, local

pytestmark = pytest.mark.django_db


def test_an_episode_has_its_first_airing_at_its_air_time(programme):
    episode = EpisodePageFactory(parent=programme, air_time=local(2026, 3, 3, 20))

    [airing] = Airing.objects.filter(episode=episode)

    assert airing.kind == Airing.Kind.FIRST
    assert airing.starts_at == local(2026, 3, 3, 20)
    assert airing.programme_id == programme.pk


def test_moving_the_air_time_moves_the_first_airing_and_keeps_its_identity(programme):
    episode = EpisodePageFactory(parent=programme, air_time=local(2026, 3, 3, 20))
    first = Airing.objects.get(episode=episode)

    episode.air_time = local(2026, 3, 4, 21)
    episode.save_revision().publish()

    assert list(Airing.objects.filter(episode=episode).values_list("pk", "starts_at")) == [
        (first.pk, local(2026, 3, 4, 21))
    ]


def test_reruns_added_beside_the_first_airing_survive_publishing(programme):
    episode = EpisodePageFactory(parent=programme, air_time=local(2026, 3, 3, 20))
    episode.airings.add(Airing(kind=Airing.Kind.RERUN, starts_at=local(2026, 3, 7, 9)))
    episode.save_revision().publish()

    kinds = list(Airing.objects.filter(episode=episode).values_list("kind", "starts_at"))

    assert kinds == [("first", local(2026, 3, 3, 20)), ("rerun", local(2026, 3, 7, 9))]


def test_an_airing_without_a_time_zone_is_refused(programme):
    with translation.override("vi"), pytest.raises(ValidationError) as refused:
        Airing(programme=programme, kind=Airing.Kind.RERUN, starts_at=datetime.datetime(2026, 3, 7, 9)).save()

    assert refused.value.message_dict["starts_at"] == [str(NAIVE_TIME)]
    assert not Airing.objects.exists()


def test_an_episode_without_a_time_zone_is_refused(programme):
    episode = EpisodePageFactory.build(air_time=datetime.datetime(2026, 3, 3, 20))

    with pytest.raises(ValidationError) as refused:
        programme.add_child(instance=episode)

    assert "air_time" in refused.value.message_dict
    assert not Airing.objects.exists()


def test_a_player_on_a_host_off_the_list_is_refused_with_the_hosts_allowed(programme, settings):
    settings.BROADCAST_PLAYER_HOSTS = ["thainguyentv.vn"]
    episode = EpisodePageFactory(parent=programme)

    episode.player_url = "https://player.example.com/embed/1"
    with translation.override("vi"), pytest.raises(ValidationError) as refused:
        episode.full_clean()

    expected = str(OFF_LIST_HOST) % {"host": "player.example.com", "hosts": "thainguyentv.vn"}
    assert refused.value.message_dict["player_url"] == [expected]

    episode.player_url = "https://thainguyentv.vn/xem/tap-1"
    episode.full_clean()


def test_a_player_must_be_https(programme):
    episode = EpisodePageFactory(parent=programme)
    episode.player_url = "http://thainguyentv.vn/xem/tap-1"

    with pytest.raises(ValidationError) as refused:
        episode.full_clean()

    assert "player_url" in refused.value.message_dict


def test_a_regular_slot_needs_both_weekday_and_time(programme):
    programme.slot_weekday = 1
    with pytest.raises(ValidationError) as refused:
        programme.full_clean()
    assert "slot_time" in refused.value.message_dict


def test_rolling_forward_adds_weekly_slot_airings_once(programme):
    programme.slot_weekday, programme.slot_time, programme.slot_minutes = 1, datetime.time(20), 30
    programme.save()
    now = local(2026, 3, 2, 12)  # a Monday

    added = roll_forward(days=28, now=now)
    again = roll_forward(days=28, now=now)

    starts = list(Airing.objects.filter(kind="slot").values_list("starts_at", flat=True))
    assert (added, again) == (4, 0)
    assert starts == [
        local(2026, 3, 3, 20),
        local(2026, 3, 10, 20),
        local(2026, 3, 17, 20),
        local(2026, 3, 24, 20),
    ]


def test_an_episode_takes_over_its_slot_airing(programme):
    programme.slot_weekday, programme.slot_time = 1, datetime.time(20)
    programme.save()
    roll_forward(days=14, now=local(2026, 3, 2, 12))

    episode = EpisodePageFactory(parent=programme, air_time=local(2026, 3, 3, 20))
    roll_forward(days=14, now=local(2026, 3, 2, 12))

    at_that_time = Airing.objects.filter(starts_at=local(2026, 3, 3, 20))
    assert [(airing.kind, airing.episode_id) for airing in at_that_time] == [("first", episode.pk)]


def test_a_moved_slot_drops_its_old_placeholders(programme):
    programme.slot_weekday, programme.slot_time = 1, datetime.time(20)
    programme.save()
    now = local(2026, 3, 2, 12)
    roll_forward(days=14, now=now)

    programme.slot_weekday = 3
    programme.save()
    roll_forward(days=14, now=now)

    weekdays = {timezone.localtime(a.starts_at).weekday() for a in Airing.objects.filter(kind="slot")}
    assert weekdays == {3}


def test_airings_last_as_long_as_their_episode_or_slot(programme):
    programme.slot_minutes = 45
    programme.save()
    episode = EpisodePageFactory(parent=programme, air_time=local(2026, 3, 3, 20), duration_minutes=25)
    slot = AiringFactory(programme=programme, kind="slot", starts_at=local(2026, 3, 10, 20))

    first = Airing.objects.get(episode=episode)

    assert first.ends_at == local(2026, 3, 3, 20, 25)
    assert slot.ends_at == local(2026, 3, 10, 20, 45)
