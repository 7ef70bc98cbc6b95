"""Factories for broadcast programmes, episodes and airings."""

import datetime

import factory
import wagtail_factories
from django.utils import timezone

from portal.programmes.models import (
    Airing,
    BroadcastProgrammePage,
    EpisodePage,
    ProgrammeIndexPage,
    SchedulePage,
)

VIETNAM = timezone.get_fixed_timezone(7 * 60)


def local(year, month, day, hour=0, minute=0) -> datetime.datetime:
    """An aware Vietnam time (UTC+07:00, no daylight saving)."""
    return datetime.datetime(year, month, day, hour, minute, tzinfo=VIETNAM)


class ProgrammeIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = ProgrammeIndexPage

    title = "Chương trình phát sóng"
    slug = "chuong-trinh"


class SchedulePageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = SchedulePage

    title = "Lịch phát sóng"
    slug = "lich-phat-song"


class BroadcastProgrammePageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = BroadcastProgrammePage

    title = factory.Sequence(lambda n: f"Chương trình số {n}")
    slug = factory.Sequence(lambda n: f"chuong-trinh-{n}")
    summary = "Chương trình giáo dục hằng tuần."
    channel_kind = BroadcastProgrammePage.ChannelKind.TV
    channel_name = "THTN – Kênh Truyền hình Thái Nguyên"


class EpisodePageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = EpisodePage

    title = factory.Sequence(lambda n: f"Tập {n}")
    slug = factory.Sequence(lambda n: f"tap-{n}")
    number = factory.Sequence(lambda n: n + 1)
    air_time = factory.LazyFunction(lambda: timezone.now() - datetime.timedelta(days=2))
    duration_minutes = 30
    summary = "Nội dung của tập."


class AiringFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Airing

    programme = None
    kind = Airing.Kind.RERUN
    starts_at = factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=1))
