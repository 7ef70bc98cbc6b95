"""One episode of a programme: its air time, the recording to catch up on, and its airings."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from portal.core.blocks import PortalStreamBlock
from portal.core.csp import frames_from_player_hosts
from portal.programmes.forms import EpisodePageForm
from portal.programmes.models.airings import Airing
from portal.programmes.validation import check_aware, check_player_url


def _document(verbose_name, help_text):
    return models.ForeignKey(
        settings.WAGTAILDOCS_DOCUMENT_MODEL,
        verbose_name=verbose_name,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=help_text,
    )


class EpisodePage(RoutablePageMixin, Page):
    """An episode: watched or heard on our own player, or on the broadcaster's on request."""

    number = models.PositiveIntegerField(_("episode number"), null=True, blank=True)
    air_time = models.DateTimeField(
        _("air time"), db_index=True, help_text=_("First airing or publication, in Vietnam time.")
    )
    duration_minutes = models.PositiveSmallIntegerField(_("duration (minutes)"), null=True, blank=True)
    summary = models.TextField(_("summary"), blank=True)
    body = StreamField(PortalStreamBlock(), blank=True, verbose_name=_("body"))
    media = _document(_("recording (video or audio)"), _("An MP4/WebM video or an MP3/OGG audio file."))
    audio = _document(_("audio only"), _("A lighter audio-only version, for listening on a weak network."))
    captions = _document(_("captions (WebVTT)"), _("A .vtt subtitle file for the recording."))
    player_url = models.URLField(
        _("broadcaster's player"),
        max_length=500,
        blank=True,
        validators=[check_player_url],
        help_text=_("Address of the episode on the broadcaster's own player (allowed hosts only)."),
    )
    transcript = models.TextField(_("transcript"), blank=True)

    content_panels = [
        *Page.content_panels,
        FieldRowPanel([FieldPanel("number"), FieldPanel("air_time"), FieldPanel("duration_minutes")]),
        FieldPanel("summary"),
        MultiFieldPanel(
            [FieldPanel("media"), FieldPanel("audio"), FieldPanel("captions"), FieldPanel("player_url")],
            heading=_("Recording"),
        ),
        InlinePanel("airings", heading=_("Reruns"), label=_("rerun")),
        FieldPanel("body"),
        FieldPanel("transcript"),
        InlinePanel("resource_links", heading=_("Related resources"), label=_("resource")),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("body"),
        index.SearchField("transcript"),
        index.FilterField("air_time"),
    ]
    api_fields = [
        APIField("number"),
        APIField("air_time"),
        APIField("duration_minutes"),
        APIField("summary"),
        APIField("body"),
        APIField("media"),
        APIField("audio"),
        APIField("captions"),
        APIField("player_url"),
        APIField("transcript"),
        APIField("airings"),
        APIField("resource_links"),
    ]

    base_form_class = EpisodePageForm
    parent_page_types = ["programmes.BroadcastProgrammePage"]
    subpage_types = []

    class Meta:
        verbose_name = _("episode")
        verbose_name_plural = _("episodes")

    @classmethod
    def listing_queryset(cls):
        return cls.objects.order_by("-air_time")

    # --- validation and the airings kept in step -------------------------------------------
    def clean(self):
        super().clean()
        check_aware(self.air_time, "air_time")
        kinds = {"media": {"video", "audio"}, "audio": {"audio"}, "captions": {"captions"}}
        errors = {}
        for field, accepted in kinds.items():
            document = getattr(self, field)
            if document is not None and getattr(document, "kind", None) not in accepted:
                errors[field] = _("This file is not of the expected kind (%(kinds)s).") % {
                    "kinds": ", ".join(sorted(accepted))
                }
        if errors:
            raise ValidationError(errors)

    def save(self, *args, **kwargs):
        check_aware(self.air_time, "air_time")
        update_fields = kwargs.get("update_fields")
        if update_fields is None or "airings" in update_fields:
            self._sync_airings()
        result = super().save(*args, **kwargs)
        if self.live and self.air_time:
            # A regular-slot placeholder at this episode's time gives way to the episode itself.
            Airing.objects.filter(
                programme_id=self._programme_id(), kind=Airing.Kind.SLOT, starts_at=self.air_time
            ).delete()
        return result

    def _programme_id(self):
        if not hasattr(self, "_cached_programme_id"):
            parent = self.get_parent() if self.path else None
            self._cached_programme_id = parent.pk if parent is not None else None
        return self._cached_programme_id

    def _sync_airings(self) -> None:
        """The first airing follows ``air_time``; every airing names the episode's programme."""
        airings = list(self.airings.all())
        first = next((airing for airing in airings if airing.kind == Airing.Kind.FIRST), None)
        if first is None:
            first = Airing(kind=Airing.Kind.FIRST)
            airings.append(first)
        first.starts_at = self.air_time
        for airing in airings:
            airing.programme_id = self._programme_id()
        self.airings.set(airings)

    # --- what the page shows -----------------------------------------------------------------
    @property
    def programme(self):
        return self.get_parent().specific

    @property
    def media_kind(self) -> str:
        return getattr(self.media, "kind", "") if self.media_id else ""

    @property
    def has_aired(self) -> bool:
        return self.air_time is not None and self.air_time <= timezone.now()

    def upcoming_airings(self):
        if self.pk is None:  # a preview of a new episode
            return []
        airings = Airing.objects.filter(episode=self, starts_at__gte=timezone.now())
        return list(airings.select_related("programme").order_by("starts_at"))

    def related_resources(self):
        """Live resources only: a withdrawn one drops out without an editor noticing."""
        links = self.resource_links.select_related("resource")
        return [link.resource for link in links if link.resource.live]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(
            programme=self.programme,
            upcoming=self.upcoming_airings(),
            related=self.related_resources(),
        )
        return context

    @path("")
    def index_route(self, request):
        return self.render(request)

    @path("xem/", name="player")
    @frames_from_player_hosts
    def player_route(self, request):
        """The broadcaster's player in a frame, loaded only because the visitor asked for it."""
        from django.http import Http404

        from portal.programmes.validation import player_host_allowed

        if not player_host_allowed(self.player_url):
            raise Http404
        return self.render(request, template="programmes/episode_player.html")

    @path("lich.ics", name="calendar")
    def calendar_route(self, request):
        from portal.programmes.ical import calendar_response, episode_airings

        return calendar_response(episode_airings(self), request, f"{self.slug}.ics", self.title)

    def structured_data(self, request) -> dict:
        from portal.programmes.structured import episode_node

        return episode_node(self, request)
