"""The broadcast schedule (``/lich-phat-song/``): two weeks of airings across programmes."""

from django.utils.translation import gettext_lazy as _
from wagtail.contrib.routable_page.models import RoutablePageMixin, path

from portal.core.models.pages import SectionIndexPage


class SchedulePage(RoutablePageMixin, SectionIndexPage):
    """What airs in the next 14 days, day by day, with a calendar feed beside it."""

    subpage_types = []

    class Meta:
        verbose_name = _("broadcast schedule")
        verbose_name_plural = _("broadcast schedules")

    @path("")
    def index_route(self, request):
        from portal.programmes.listing import SCHEDULE_DAYS, local_today, schedule_days

        today = local_today()
        return self.render(
            request,
            context_overrides={"days": schedule_days(today), "today": today, "day_count": SCHEDULE_DAYS},
        )

    @path("lich.ics", name="calendar")
    def calendar_route(self, request):
        from portal.programmes.ical import calendar_response, feed_airings

        return calendar_response(feed_airings(), request, "lich-phat-song.ics", self.title)

    def structured_data(self, request) -> dict:
        from portal.programmes.structured import schedule_node

        return schedule_node(self, request)
