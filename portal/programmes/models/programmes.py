"""Broadcast education programmes (``/chuong-trinh/``): the index and each series.

The plan asks the provincial broadcaster to carry lifelong-learning programmes on television,
radio and its e-newspaper; each series page lists its episodes newest first with catch-up
players, and what airs next.
"""

import datetime

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Min, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from portal.core.blocks import PortalStreamBlock
from portal.core.forms import PortalPageForm
from portal.core.models.pages import SectionIndexPage, source_page
from portal.core.serializers import OrganisationSerializer, terms
from portal.core.tree import public
from portal.programmes.models.airings import Airing

UPCOMING_LIMIT = 8


class ProgrammeIndexPage(RoutablePageMixin, SectionIndexPage):
    """Every broadcast programme, with its channel, regular slot and next airing."""

    subpage_types = ["programmes.BroadcastProgrammePage"]

    class Meta:
        verbose_name = _("programme index")
        verbose_name_plural = _("programme indexes")

    def programmes(self):
        now = timezone.now()
        upcoming = Q(airings__starts_at__gte=now) & (
            Q(airings__episode__isnull=True) | Q(airings__episode__live=True)
        )
        return (
            public(BroadcastProgrammePage.objects.child_of(source_page(self)).live())
            .select_related("producer")
            .annotate(next_airing=Min("airings__starts_at", filter=upcoming))
            .order_by("title")
        )

    @path("")
    def index_route(self, request):
        return self.render(request, context_overrides={"programmes": list(self.programmes())})

    @path("lich.ics", name="calendar")
    def calendar_route(self, request):
        from portal.programmes.ical import calendar_response, feed_airings

        return calendar_response(feed_airings(), request, "chuong-trinh.ics", self.title)

    def structured_data(self, request) -> dict:
        from portal.programmes.structured import index_node

        return index_node(self, request)


class BroadcastProgrammePage(RoutablePageMixin, Page):
    """A series on one channel (TV, radio, e-newspaper, social platform), with its episodes."""

    class ChannelKind(models.TextChoices):
        TV = "tv", _("Television")
        RADIO = "radio", _("Radio")
        E_NEWSPAPER = "e_newspaper", _("E-newspaper")
        SOCIAL = "social", _("Social platform")

    class Weekday(models.IntegerChoices):
        MONDAY = 0, _("Monday")
        TUESDAY = 1, _("Tuesday")
        WEDNESDAY = 2, _("Wednesday")
        THURSDAY = 3, _("Thursday")
        FRIDAY = 4, _("Friday")
        SATURDAY = 5, _("Saturday")
        SUNDAY = 6, _("Sunday")

    summary = models.TextField(_("summary"), blank=True)
    description = StreamField(PortalStreamBlock(), blank=True, verbose_name=_("description"))
    channel_kind = models.CharField(
        _("channel kind"), max_length=20, choices=ChannelKind.choices, default=ChannelKind.TV
    )
    channel_name = models.CharField(
        _("channel"), max_length=200, help_text=_("e.g. “THTN – Truyền hình Thái Nguyên”.")
    )
    producer = models.ForeignKey(
        "organisations.Organisation",
        verbose_name=_("producer"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="programmes",
    )
    subjects = ParentalManyToManyField("core.Subject", blank=True, related_name="programmes")
    audiences = ParentalManyToManyField("core.Audience", blank=True, related_name="programmes")
    languages = ParentalManyToManyField("core.Language", blank=True, related_name="programmes")
    slot_weekday = models.PositiveSmallIntegerField(
        _("weekday"), choices=Weekday.choices, null=True, blank=True
    )
    slot_time = models.TimeField(_("time"), null=True, blank=True, help_text=_("Vietnam time."))
    slot_minutes = models.PositiveSmallIntegerField(_("duration (minutes)"), null=True, blank=True)

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        FieldPanel("description"),
        FieldRowPanel([FieldPanel("channel_kind"), FieldPanel("channel_name")]),
        FieldPanel("producer"),
        MultiFieldPanel(
            [
                FieldRowPanel(
                    [FieldPanel("slot_weekday"), FieldPanel("slot_time"), FieldPanel("slot_minutes")]
                )
            ],
            heading=_("Regular weekly slot"),
            help_text=_("Leave empty for a programme without a fixed slot."),
        ),
        FieldPanel("subjects", widget=forms.CheckboxSelectMultiple),
        FieldPanel("audiences", widget=forms.CheckboxSelectMultiple),
        FieldPanel("languages", widget=forms.CheckboxSelectMultiple),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("description"),
        index.SearchField("channel_name"),
        index.FilterField("channel_kind"),
        index.RelatedFields("producer", [index.SearchField("name")]),
    ]
    api_fields = [
        APIField("summary"),
        APIField("description"),
        APIField("channel_kind"),
        APIField("channel_name"),
        APIField("producer", serializer=OrganisationSerializer(read_only=True)),
        APIField("subjects", serializer=terms(many=True)),
        APIField("audiences", serializer=terms(many=True)),
        APIField("languages", serializer=terms(many=True)),
        APIField("slot_weekday"),
        APIField("slot_time"),
        APIField("slot_minutes"),
    ]

    base_form_class = PortalPageForm
    parent_page_types = ["programmes.ProgrammeIndexPage"]
    subpage_types = ["programmes.EpisodePage"]

    class Meta:
        verbose_name = _("broadcast programme")
        verbose_name_plural = _("broadcast programmes")

    @classmethod
    def listing_queryset(cls):
        return cls.objects.select_related("producer").order_by("-first_published_at")

    def clean(self):
        super().clean()
        if (self.slot_weekday is None) != (self.slot_time is None):
            raise ValidationError(
                {"slot_time": _("A regular slot needs both a weekday and a time, or neither.")}
            )

    @property
    def has_slot(self) -> bool:
        return self.slot_weekday is not None and self.slot_time is not None

    def slot_starts(self, start: datetime.datetime, end: datetime.datetime) -> list[datetime.datetime]:
        """The aware start times of the regular slot between ``start`` and ``end``."""
        if not self.has_slot:
            return []
        zone = timezone.get_default_timezone()
        day = timezone.localtime(start, zone).date()
        day += datetime.timedelta(days=(self.slot_weekday - day.weekday()) % 7)
        starts = []
        while True:
            moment = datetime.datetime.combine(day, self.slot_time, tzinfo=zone)
            if moment >= end:
                return starts
            if moment >= start:
                starts.append(moment)
            day += datetime.timedelta(days=7)

    def episodes(self):
        """Live episodes already aired (or published without a time), newest first."""
        from portal.programmes.models.episodes import EpisodePage

        return (
            public(EpisodePage.objects.child_of(self).live())
            .filter(Q(air_time__lte=timezone.now()) | Q(air_time__isnull=True))
            .select_related("media", "audio", "captions")
            .order_by("-air_time", "-number")
        )

    def upcoming_airings(self, limit: int = UPCOMING_LIMIT):
        return list(
            Airing.objects.shown()
            .filter(programme=self, starts_at__gte=timezone.now())
            .select_related("episode")
            .order_by("starts_at")[:limit]
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(
            episodes=list(self.episodes()),
            upcoming=self.upcoming_airings(),
            index=self.get_parent(),
            subject_list=list(self.subjects.all()),
            audience_list=list(self.audiences.all()),
            language_list=list(self.languages.all()),
        )
        return context

    @path("")
    def index_route(self, request):
        return self.render(request)

    @path("lich.ics", name="calendar")
    def calendar_route(self, request):
        from portal.programmes.ical import calendar_response, feed_airings

        return calendar_response(feed_airings(programme=self), request, f"{self.slug}.ics", self.title)

    def structured_data(self, request) -> dict:
        from portal.programmes.structured import programme_node

        return programme_node(self, request)
