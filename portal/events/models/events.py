"""An event: one activity on a day (or several), at a place or online, run by an organisation.

An event lives under a campaign (Lifelong Learning Week, Book Day) or directly under the events
index. Times are stored aware; a few local values derived from them on every save (``start_day``,
``end_day``, ``finishes_at``) let listings, the month calendar and "upcoming" work in SQL without
time-zone arithmetic.
"""

import datetime

from django import forms
from django.apps import apps
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    PageChooserPanel,
    TabbedInterface,
)
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import path
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from portal.core.blocks import PortalStreamBlock
from portal.core.forms import PortalPageForm
from portal.core.serializers import AdminUnitSerializer, OrganisationSerializer, terms
from portal.events.models.choices import EventStatus
from portal.registrations.pages import RegistrablePageMixin

END_BEFORE_START = _("The event cannot end before it starts. Check the end date and time.")
NAIVE_TIME = _("Give the time with its time zone (times are kept in Vietnam time).")
ONLINE_URL_NEEDED = _("An event moved online needs the address where people can join it.")


def local_midnight(day: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time()))


class EventPage(RegistrablePageMixin, Page):
    """One event. Its organiser's group may edit it and sees its registrations.

    Saving an event with an organiser gives that organisation's group edit permission on the page
    (see ``portal.events.permissions``), so a commune or a centre manages its own events.
    """

    Status = EventStatus

    summary = models.TextField(_("summary"), blank=True)
    body = StreamField(PortalStreamBlock(), blank=True, verbose_name=_("body"))
    starts_at = models.DateTimeField(_("starts at"))
    ends_at = models.DateTimeField(_("ends at"), null=True, blank=True)
    all_day = models.BooleanField(
        _("all day"), default=False, help_text=_("Only the dates count; the times are not shown.")
    )
    venue = models.CharField(_("venue"), max_length=200, blank=True)
    address = models.CharField(_("address"), max_length=300, blank=True)
    commune = models.ForeignKey(
        "core.AdminUnit",
        verbose_name=_("commune or ward"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="events",
        limit_choices_to={"level": "commune"},
    )
    organiser = models.ForeignKey(
        "organisations.Organisation",
        verbose_name=_("organiser"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="events",
        help_text=_("Its group may edit this event and sees the registrations."),
    )
    audiences = ParentalManyToManyField("core.Audience", blank=True, related_name="events")
    is_free = models.BooleanField(_("free of charge"), default=True)
    cost = models.CharField(_("cost"), max_length=200, blank=True, help_text=_("When it is not free."))
    accessibility = models.TextField(
        _("accessibility"), blank=True, help_text=_("Step-free access, sign language, seats kept...")
    )
    status = models.CharField(_("status"), max_length=20, choices=EventStatus.choices, default="scheduled")
    online_url = models.URLField(_("online address"), max_length=500, blank=True)
    capacity = models.PositiveIntegerField(
        _("seats"), null=True, blank=True, help_text=_("Leave empty when no registration is needed.")
    )
    # Derived on every save, in local time: what listings and the calendar filter on.
    start_day = models.DateField(editable=False, null=True, db_index=True)
    end_day = models.DateField(editable=False, null=True, db_index=True)
    finishes_at = models.DateTimeField(editable=False, null=True, db_index=True)

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("starts_at"), FieldPanel("ends_at")]), FieldPanel("all_day")],
            heading=_("When"),
        ),
        MultiFieldPanel(
            [FieldPanel("venue"), FieldPanel("address"), FieldPanel("commune")], heading=_("Where")
        ),
        FieldRowPanel([FieldPanel("status"), FieldPanel("online_url")]),
        FieldPanel("body"),
        InlinePanel("related_resources", heading=_("Related resources"), label=_("resource")),
    ]
    details_panels = [
        FieldPanel("organiser"),
        FieldPanel("audiences", widget=forms.CheckboxSelectMultiple),
        FieldRowPanel([FieldPanel("is_free"), FieldPanel("cost")]),
        FieldPanel("capacity"),
        FieldPanel("accessibility"),
    ]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading=_("Content")),
            ObjectList(details_panels, heading=_("Details")),
            ObjectList(Page.promote_panels, heading=_("Promote")),
            ObjectList(Page.settings_panels, heading=_("Settings")),
        ]
    )
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("body"),
        index.SearchField("venue"),
        index.FilterField("starts_at"),
        index.FilterField("status"),
        index.RelatedFields("commune", [index.SearchField("name")]),
    ]
    api_fields = [
        APIField("summary"),
        APIField("body"),
        APIField("starts_at"),
        APIField("ends_at"),
        APIField("all_day"),
        APIField("venue"),
        APIField("address"),
        APIField("commune", serializer=AdminUnitSerializer(read_only=True)),
        APIField("organiser", serializer=OrganisationSerializer(read_only=True)),
        APIField("audiences", serializer=terms(many=True)),
        APIField("is_free"),
        APIField("cost"),
        APIField("accessibility"),
        APIField("status"),
        APIField("online_url"),
        APIField("capacity"),
    ]
    base_form_class = PortalPageForm
    parent_page_types = ["events.CampaignPage", "events.EventIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")

    # --- time -----------------------------------------------------------------------------
    def clean(self):
        super().clean()
        errors = {}
        for name in ("starts_at", "ends_at"):
            value = getattr(self, name)
            if value is not None and timezone.is_naive(value):
                errors[name] = NAIVE_TIME
        if not errors and self.starts_at and self.ends_at:
            ends_early = (
                timezone.localdate(self.ends_at) < timezone.localdate(self.starts_at)
                if self.all_day
                else self.ends_at < self.starts_at
            )
            if ends_early:
                errors["ends_at"] = END_BEFORE_START
        if self.status == EventStatus.MOVED_ONLINE and not self.online_url:
            errors["online_url"] = ONLINE_URL_NEEDED
        if errors:
            raise ValidationError(errors)
        self.derive_times()

    def derive_times(self) -> None:
        """Local first and last day and the moment the event is over (the end, else the start;
        for an all-day event, midnight after its last day)."""
        if self.starts_at is None or timezone.is_naive(self.starts_at):
            return
        if self.ends_at is not None and timezone.is_naive(self.ends_at):
            return
        self.start_day = timezone.localdate(self.starts_at)
        self.end_day = max(self.start_day, timezone.localdate(self.ends_at or self.starts_at))
        if self.all_day:
            self.finishes_at = local_midnight(self.end_day + datetime.timedelta(days=1))
        else:
            self.finishes_at = max(self.starts_at, self.ends_at or self.starts_at)

    def save(self, *args, **kwargs):
        self.derive_times()
        result = super().save(*args, **kwargs)
        from portal.events.permissions import sync_organiser

        sync_organiser(self)
        return result

    @property
    def is_past(self) -> bool:
        return self.finishes_at is not None and self.finishes_at < timezone.now()

    @property
    def is_multi_day(self) -> bool:
        return bool(self.start_day and self.end_day and self.end_day > self.start_day)

    @property
    def is_online(self) -> bool:
        return self.status == EventStatus.MOVED_ONLINE

    @property
    def campaign(self):
        """The campaign this event belongs to, or None when it sits directly under the index."""
        campaign_model = apps.get_model("events", "CampaignPage")
        parent = getattr(self, "_cached_parent_obj", None) or (self.get_parent() if self.path else None)
        parent = parent.specific if parent is not None else None
        return parent if isinstance(parent, campaign_model) else None

    # --- registrations (see portal.registrations.pages) -------------------------------------
    def registration_capacity(self) -> int | None:
        return self.capacity

    def registration_organisation(self):
        return self.organiser

    def registration_is_open(self) -> bool:
        return self.status in (EventStatus.SCHEDULED, EventStatus.MOVED_ONLINE) and (
            self.starts_at is not None and timezone.now() < self.starts_at
        )

    def registration_ends_at(self):
        self.derive_times()
        return self.finishes_at or self.ends_at or self.starts_at

    def registration_details(self) -> dict:
        """When and where, for the registration's confirmation: all-day events by their days."""
        place = [self.venue, self.address, self.commune.full_name if self.commune_id else ""]
        if self.is_online and self.online_url:
            place = [self.online_url]
        self.derive_times()
        return {
            "starts_at": self.start_day if self.all_day else self.starts_at,
            "ends_at": self.end_day if self.all_day else self.ends_at,
            "place": ", ".join(part for part in place if part),
        }

    # --- what the pages show ----------------------------------------------------------------
    def resources(self) -> list:
        """The live related resources, in the editors' order."""
        return [
            link.resource
            for link in self.related_resources.select_related("resource")
            if link.resource is not None and link.resource.live
        ]

    def get_context(self, request, *args, **kwargs):
        from portal.events.panels import registration_panel

        context = super().get_context(request, *args, **kwargs)
        context.update(
            resource_list=self.resources(),
            audience_list=list(self.audiences.all()),
            campaign=self.campaign,
            registration_panel=registration_panel(self),
        )
        return context

    def structured_data(self, request) -> dict:
        from portal.events.structured import event_node

        return event_node(self, request)

    @path("lich.ics", name="ical")
    def ical_route(self, request):
        from portal.events.ical import event_response

        return event_response(self, request)


class EventResource(Orderable):
    """A learning resource related to an event: read before, or the materials afterwards."""

    page = ParentalKey(EventPage, on_delete=models.CASCADE, related_name="related_resources")
    resource = models.ForeignKey(
        "resources.LearningResourcePage",
        verbose_name=_("resource"),
        on_delete=models.CASCADE,
        related_name="+",
    )

    panels = [PageChooserPanel("resource")]

    class Meta(Orderable.Meta):
        verbose_name = _("related resource")
        verbose_name_plural = _("related resources")
