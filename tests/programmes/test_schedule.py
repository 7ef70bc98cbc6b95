"""The broadcast schedule: Vietnam days, today first, one query however many airings."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from portal.programmes.listing import day_start, on_air_soon, schedule_days
from portal.programmes.models import Airing
from tests.programmes.factories import AiringFactory, BroadcastProgrammePageFactory, EpisodePageFactory, local

pytestmark = pytest.mark.django_db


def test_airings_around_midnight_belong_to_their_vietnam_day(programme):
    late = AiringFactory(programme=programme, kind="slot", starts_at=local(2026, 3, 3, 23, 30))
    early = AiringFactory(programme=programme, kind="slot", starts_at=local(2026, 3, 4, 0, 15))

    days = schedule_days(datetime.date(2026, 3, 3), days=2)

    assert [(group["day"], group["airings"]) for group in days] == [
        (datetime.date(2026, 3, 3), [late]),
        (datetime.date(2026, 3, 4), [early]),
    ]
    # In UTC both are on 3 March: 16:30 and 17:15.
    assert {
        late.starts_at.astimezone(datetime.UTC).date(),
        early.starts_at.astimezone(datetime.UTC).date(),
    } == {datetime.date(2026, 3, 3)}


def test_the_schedule_window_starts_at_local_midnight_and_lasts_fourteen_days(programme):
    start = day_start(datetime.date(2026, 3, 3))
    before = AiringFactory(programme=programme, kind="slot", starts_at=start - datetime.timedelta(minutes=1))
    first = AiringFactory(programme=programme, kind="slot", starts_at=start)
    last = AiringFactory(programme=programme, kind="slot", starts_at=local(2026, 3, 16, 23, 59))
    after = AiringFactory(programme=programme, kind="slot", starts_at=local(2026, 3, 17, 0, 0))

    shown = [airing for group in schedule_days(datetime.date(2026, 3, 3)) for airing in group["airings"]]

    assert start == local(2026, 3, 3) and shown == [first, last]
    assert before not in shown and after not in shown


def test_schedule_page_groups_by_day_with_times_in_vietnam_time(client, schedule, programme):
    today = timezone.localdate()
    tonight = datetime.datetime.combine(today, datetime.time(23, 30), tzinfo=timezone.get_default_timezone())
    episode = EpisodePageFactory(parent=programme, title="Tập đêm nay", air_time=tonight)
    AiringFactory(programme=programme, episode=episode, starts_at=tonight + datetime.timedelta(minutes=45))

    html = client.get("/lich-phat-song/").content.decode()

    today_section, tomorrow_section = html.split('class="programmes-day"')[1:3]
    assert f'<time datetime="{today.isoformat()}">' in today_section
    assert f'datetime="{today.isoformat()}T23:30:00+07:00"' in today_section
    tomorrow = (today + datetime.timedelta(days=1)).isoformat()
    assert f'datetime="{tomorrow}T00:15:00+07:00"' in tomorrow_section and "Phát lại" in tomorrow_section
    assert "THTN – Kênh Truyền hình Thái Nguyên" in today_section and "Tập đêm nay" in today_section
    assert 'type="text/calendar" href="/lich-phat-song/lich.ics"' in html


def test_unpublished_episodes_and_programmes_stay_off_the_schedule(programme, programmes_index):
    hidden = EpisodePageFactory(parent=programme, air_time=timezone.now() + datetime.timedelta(hours=1))
    hidden.unpublish()
    off_air = BroadcastProgrammePageFactory(parent=programmes_index, live=False)
    AiringFactory(programme=off_air, kind="slot", starts_at=timezone.now() + datetime.timedelta(hours=2))

    assert schedule_days() == []


def _many_airings(programmes_index, count: int) -> None:
    programmes = [BroadcastProgrammePageFactory(parent=programmes_index) for _ in range(4)]
    start = timezone.now() + datetime.timedelta(hours=1)
    for number, programme in enumerate(programmes):
        EpisodePageFactory(parent=programme, air_time=start + datetime.timedelta(minutes=number))
    episode_airings = Airing.objects.count()
    Airing.objects.bulk_create(
        Airing(
            programme=programmes[number % 4],
            kind="slot",
            starts_at=start + datetime.timedelta(hours=number + 1, minutes=7),
        )
        for number in range(count - episode_airings)
    )
    assert Airing.objects.count() == count


def _queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def test_schedule_page_runs_the_same_queries_for_zero_or_two_hundred_airings(
    client, schedule, programmes_index
):
    client.get("/lich-phat-song/")  # caches that fill on a first request (site, locales)
    client.get("/lich-phat-song/")  # the site's settings, stored on the first visit (a change)
    empty = _queries(client, "/lich-phat-song/")

    _many_airings(programmes_index, 200)
    client.get("/lich-phat-song/")  # what pages keep until a change is read again after one
    full = _queries(client, "/lich-phat-song/")

    assert full == empty
    shown = client.get("/lich-phat-song/").content.decode().count('class="programmes-airing"')
    assert shown == 200


def test_on_air_soon_falls_back_to_tomorrow(programme):
    today = datetime.date(2026, 3, 3)
    tomorrow_airing = AiringFactory(programme=programme, kind="slot", starts_at=local(2026, 3, 4, 6))

    soon = on_air_soon(today)

    assert soon == {"day": datetime.date(2026, 3, 4), "is_today": False, "airings": [tomorrow_airing]}
    assert on_air_soon(datetime.date(2026, 3, 10)) is None


def test_a_private_programme_stays_off_the_schedule(programme):
    from wagtail.models import PageViewRestriction

    AiringFactory(programme=programme, kind="slot", starts_at=timezone.now() + datetime.timedelta(hours=2))
    PageViewRestriction.objects.create(page=programme, restriction_type="login")

    assert schedule_days() == []
