"""The broadcast schedule (``/lich-phat-song/``): two weeks of airings across programmes."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Page
from wagtail.search import index

from portal.core.forms import PortalPageForm
from portal.core.routing import KnownAncestorsMixin


class SchedulePage(KnownAncestorsMixin, RoutablePageMixin, Page):
    """What airs in the next 14 days, day by day, with a calendar feed beside it."""

    introduction = models.TextField(_("introduction"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("introduction")]
    search_fields = [*Page.search_fields, index.SearchField("introduction")]
    api_fields = [APIField("introduction")]

    base_form_class = PortalPageForm
    parent_page_types = ["core.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

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
