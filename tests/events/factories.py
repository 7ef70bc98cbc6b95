"""Factories for the events: the index, campaigns and events (times aware, in Vietnam time)."""

import datetime
from zoneinfo import ZoneInfo

import factory
import wagtail_factories

from portal.events.models import CampaignPage, EventIndexPage, EventPage

VIETNAM = ZoneInfo("Asia/Ho_Chi_Minh")


def local(year, month, day, hour=0, minute=0) -> datetime.datetime:
    return datetime.datetime(year, month, day, hour, minute, tzinfo=VIETNAM)


class EventIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = EventIndexPage

    title = "Sự kiện"
    slug = "su-kien"


class CampaignPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = CampaignPage

    title = factory.Sequence(lambda n: f"Tuần lễ hưởng ứng học tập suốt đời {2020 + n}")
    slug = factory.Sequence(lambda n: f"tuan-le-{2020 + n}")
    kind = CampaignPage.Kind.LIFELONG_LEARNING_WEEK
    year = 2026
    start_date = datetime.date(2026, 10, 1)
    end_date = datetime.date(2026, 10, 7)


class EventPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = EventPage

    title = factory.Sequence(lambda n: f"Ngày hội học tập số {n}")
    slug = factory.Sequence(lambda n: f"ngay-hoi-{n}")
    summary = "Hoạt động học tập cho người dân trong xã."
    starts_at = factory.LazyFunction(lambda: local(2030, 4, 21, 8))
    ends_at = factory.LazyAttribute(lambda event: event.starts_at + datetime.timedelta(hours=2))
    venue = "Nhà văn hóa xã"

    @classmethod
    def _create(cls, model_class, *args, audiences=(), **kwargs):
        """``audiences`` is parental: stored by ``save()``."""
        page = super()._create(model_class, *args, **kwargs)
        if audiences:
            page.audiences.set(audiences)
            page.save()
        return page
