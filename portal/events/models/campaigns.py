"""The events index (``/su-kien/``) and campaigns: Lifelong Learning Week, Book and Reading Day.

A campaign gathers the events the province's units hold for it, and, once it is over, the
results editors enter (participants, activities, a summary), as plan 104/KH-UBND asks each year.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from portal.core.blocks import PortalStreamBlock
from portal.core.forms import PortalPageForm
from portal.core.models.pages import SectionIndexPage, source_page
from portal.core.text import fold
from portal.core.tree import public
from portal.events.models.events import EventPage

CAMPAIGN_ENDS_EARLY = _("The campaign cannot end before it starts.")


class EventIndexPage(RoutablePageMixin, SectionIndexPage):
    """Every event below it: upcoming or past, filtered, a month calendar and an iCal feed.

    Aliased under each translated home page (``/en/su-kien/``), it lists its source's events.
    """

    subpage_types = ["events.CampaignPage", "events.EventPage"]

    class Meta:
        verbose_name = _("events index")
        verbose_name_plural = _("events indexes")

    def get_events(self):
        return public(EventPage.objects.descendant_of(source_page(self)).live())

    def get_campaigns(self):
        return public(CampaignPage.objects.child_of(source_page(self)).live()).order_by("-start_date")

    @path("")
    def index_route(self, request):
        from portal.events.listing import event_listing

        return self.render(request, context_overrides=event_listing(request, self))

    @path("lich/", name="calendar")
    def calendar_route(self, request):
        from portal.events.listing import month_from_query

        month, problem = month_from_query(request.GET.get("thang") or request.GET.get("month"))
        return self._calendar(request, month, problem)

    @path("lich/<int:year>/<int:month>/", name="calendar_month")
    def calendar_month_route(self, request, year, month):
        from portal.events.listing import valid_month

        day = valid_month(year, month)
        if day is None:
            raise Http404
        return self._calendar(request, day, None)

    def _calendar(self, request, month, problem):
        from portal.events.listing import month_calendar

        return self.render(
            request,
            template="events/calendar_page.html",
            context_overrides={**month_calendar(request, self, month), "month_problem": problem},
        )

    @path("lich.ics", name="ical")
    def ical_route(self, request):
        from portal.events.ical import index_response

        return index_response(self, request)

    def calendar_url(self, request=None, month=None) -> str:
        base = self.get_url(request) or ""
        if month is None:
            return base + self.reverse_subpage("calendar")
        return base + self.reverse_subpage("calendar_month", args=[month.year, f"{month.month:02d}"])

    def structured_data(self, request) -> dict:
        from portal.events.structured import index_node

        return index_node(self, request)


class CampaignPage(RoutablePageMixin, Page):
    """A yearly campaign and the events held for it in the province's communes and wards."""

    class Kind(models.TextChoices):
        LIFELONG_LEARNING_WEEK = "lifelong_learning_week", _("Lifelong Learning Week")
        BOOK_DAY = "book_day", _("Vietnam Book and Reading Culture Day (21 April)")
        OTHER = "other", _("Other campaign")

    kind = models.CharField(_("campaign kind"), max_length=30, choices=Kind.choices, default=Kind.OTHER)
    year = models.PositiveSmallIntegerField(_("year"))
    start_date = models.DateField(_("start date"))
    end_date = models.DateField(_("end date"))
    theme = models.CharField(_("theme"), max_length=300, blank=True)
    slogan = models.CharField(_("slogan"), max_length=300, blank=True)
    organisers_text = models.TextField(
        _("organisers (text)"), blank=True, help_text=_("Used when the organisers are not listed below.")
    )
    introduction = models.TextField(_("introduction"), blank=True)
    body = StreamField(PortalStreamBlock(), blank=True, verbose_name=_("body"))
    participants = models.PositiveIntegerField(_("participants"), null=True, blank=True)
    activities = models.PositiveIntegerField(_("activities held"), null=True, blank=True)
    results_summary = models.TextField(_("results summary"), blank=True)

    content_panels = [
        *Page.content_panels,
        FieldRowPanel([FieldPanel("kind"), FieldPanel("year")]),
        FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date")]),
        FieldPanel("theme"),
        FieldPanel("slogan"),
        FieldPanel("introduction"),
        FieldPanel("body"),
        MultiFieldPanel(
            [
                InlinePanel("organisers", label=_("organiser")),
                FieldPanel("organisers_text"),
            ],
            heading=_("Organisers"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("participants"), FieldPanel("activities")]),
                FieldPanel("results_summary"),
            ],
            heading=_("Results (filled in after the campaign)"),
        ),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("theme"),
        index.SearchField("slogan"),
        index.SearchField("introduction"),
        index.SearchField("body"),
        index.FilterField("start_date"),
        index.FilterField("kind"),
    ]
    api_fields = [
        APIField("kind"),
        APIField("year"),
        APIField("start_date"),
        APIField("end_date"),
        APIField("theme"),
        APIField("slogan"),
        APIField("introduction"),
        APIField("body"),
        APIField("participants"),
        APIField("activities"),
        APIField("results_summary"),
    ]
    base_form_class = PortalPageForm
    parent_page_types = ["events.EventIndexPage"]
    subpage_types = ["events.EventPage"]

    class Meta:
        verbose_name = _("campaign")
        verbose_name_plural = _("campaigns")

    def clean(self):
        super().clean()
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": CAMPAIGN_ENDS_EARLY})

    @property
    def is_over(self) -> bool:
        return self.end_date is not None and self.end_date < timezone.localdate()

    @property
    def has_results(self) -> bool:
        return bool(self.participants or self.activities or self.results_summary)

    def organisation_list(self) -> list:
        """Read once for the page and its schema.org description."""
        if "_organisation_list" not in self.__dict__:
            self._organisation_list = [
                row.organisation for row in self.organisers.select_related("organisation")
            ]
        return self._organisation_list

    def get_events(self):
        return (
            public(EventPage.objects.child_of(self).live())
            .select_related("commune", "organiser")
            .order_by("starts_at", "pk")
        )

    def events_by_unit(self, events=None) -> list[tuple[object, list]]:
        """``(unit or None, events)`` pairs, units in alphabetical order, events by start."""
        groups: dict = {}
        for event in events if events is not None else self.get_events():
            groups.setdefault(event.commune, []).append(event)
        return sorted(
            groups.items(), key=lambda item: (item[0] is None, fold(item[0].name) if item[0] else "")
        )

    def shown_events(self) -> list:
        """The events with what their cards show, read once for the page and its schema.org
        description."""
        if "_shown_events" not in self.__dict__:
            self._shown_events = list(self.get_events().prefetch_related("audiences"))
        return self._shown_events

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        events = self.shown_events()
        context.update(
            events=events,
            events_by_unit=self.events_by_unit(events),
            organisation_list=self.organisation_list(),
        )
        return context

    @path("lich.ics", name="ical")
    def ical_route(self, request):
        from portal.events.ical import campaign_response

        return campaign_response(self, request)

    def structured_data(self, request) -> dict:
        from portal.events.structured import campaign_node

        return campaign_node(self, request)


class CampaignOrganiser(Orderable):
    page = ParentalKey(CampaignPage, on_delete=models.CASCADE, related_name="organisers")
    organisation = models.ForeignKey(
        "organisations.Organisation",
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        related_name="+",
    )

    panels = [FieldPanel("organisation")]

    class Meta(Orderable.Meta):
        verbose_name = _("organiser")
        verbose_name_plural = _("organisers")
