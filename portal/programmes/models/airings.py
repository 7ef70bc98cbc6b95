"""When a programme is on air: one row per airing, so the schedule is a single indexed query.

An episode's first airing is its own air time (kept in step when the episode is saved); editors
add reruns beside it; a programme's regular weekly slot is rolled forward into airings that
belong to no episode yet ("new episode"), until an episode takes that time.
"""

import datetime

from django.db import models
from django.db.models import Q
from django.utils.timezone import localtime
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, PageChooserPanel
from wagtail.api import APIField
from wagtail.models import Orderable, Page

from portal.core.tree import public
from portal.programmes.validation import check_aware

DEFAULT_MINUTES = 30


class AiringQuerySet(models.QuerySet):
    def shown(self) -> "AiringQuerySet":
        """Airings whose programme is live and public, and whose episode, if any, is live too."""
        shown = public(Page.objects.live()).values("pk")
        return self.filter(programme__in=shown).filter(Q(episode__isnull=True) | Q(episode__live=True))


class Airing(models.Model):
    class Kind(models.TextChoices):
        FIRST = "first", _("First airing")
        RERUN = "rerun", _("Rerun")
        SLOT = "slot", _("Regular slot")

    programme = models.ForeignKey(
        "programmes.BroadcastProgrammePage",
        verbose_name=_("programme"),
        on_delete=models.CASCADE,
        related_name="airings",
    )
    episode = ParentalKey(
        "programmes.EpisodePage",
        verbose_name=_("episode"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="airings",
    )
    starts_at = models.DateTimeField(_("starts at"), db_index=True, help_text=_("Vietnam time (UTC+07:00)."))
    kind = models.CharField(_("airing kind"), max_length=10, choices=Kind.choices, default=Kind.RERUN)

    panels = [FieldPanel("starts_at")]
    api_fields = [APIField("starts_at"), APIField("kind")]

    objects = AiringQuerySet.as_manager()

    class Meta:
        verbose_name = _("airing")
        verbose_name_plural = _("airings")
        ordering = ["starts_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["programme", "starts_at"],
                condition=models.Q(kind="slot"),
                name="programmes_one_slot_airing_per_time",
            )
        ]

    def __str__(self) -> str:
        when = localtime(self.starts_at).strftime("%d/%m/%Y %H:%M") if self.starts_at else "?"
        return f"{when} ({self.get_kind_display()})"

    def save(self, *args, **kwargs):
        check_aware(self.starts_at, "starts_at")
        super().save(*args, **kwargs)

    def clean(self):
        super().clean()
        check_aware(self.starts_at, "starts_at")

    @property
    def local_start(self) -> datetime.datetime:
        return localtime(self.starts_at)

    @property
    def minutes(self) -> int:
        """How long it lasts: the episode's duration, else the programme's slot, else half an hour."""
        if self.episode_id and self.episode.duration_minutes:
            return self.episode.duration_minutes
        return self.programme.slot_minutes or DEFAULT_MINUTES

    @property
    def ends_at(self) -> datetime.datetime:
        return self.starts_at + datetime.timedelta(minutes=self.minutes)


class EpisodeResource(Orderable):
    """A library resource to go further after watching or listening."""

    page = ParentalKey("programmes.EpisodePage", on_delete=models.CASCADE, related_name="resource_links")
    resource = models.ForeignKey(
        "resources.LearningResourcePage",
        verbose_name=_("learning resource"),
        on_delete=models.CASCADE,
        related_name="+",
    )

    panels = [PageChooserPanel("resource")]
    api_fields = [APIField("resource")]

    class Meta(Orderable.Meta):
        verbose_name = _("related resource")
        verbose_name_plural = _("related resources")
