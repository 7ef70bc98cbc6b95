"""Where the OAI-PMH harvest of a contributor's repository last got to."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class HarvestSource(models.Model):
    """One repository (and set) harvested for an organisation.

    ``last_datestamp`` keeps the newest datestamp seen, as the repository wrote it, so the next
    harvest asks only for what changed since (``from``) in the repository's own granularity.
    """

    class Schedule(models.TextChoices):
        MANUAL = "manual", _("only when started from the admin")
        DAILY = "daily", _("every night")
        WEEKLY = "weekly", _("every Sunday night")

    organisation = models.ForeignKey(
        "organisations.Organisation",
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        related_name="harvest_sources",
    )
    endpoint = models.URLField(_("OAI-PMH address"), max_length=500)
    set_spec = models.CharField(_("set"), max_length=200, blank=True)
    last_datestamp = models.CharField(_("newest datestamp harvested"), max_length=30, blank=True)
    last_harvested_at = models.DateTimeField(_("last harvested at"), null=True, blank=True)
    schedule = models.CharField(
        _("schedule"),
        max_length=10,
        choices=Schedule.choices,
        default=Schedule.MANUAL,
        help_text=_("Scheduled harvests run at night, through the worker."),
    )

    class Meta:
        verbose_name = _("harvest source")
        verbose_name_plural = _("harvest sources")
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "endpoint", "set_spec"], name="unique_harvest_source"
            )
        ]

    def __str__(self) -> str:
        return f"{self.endpoint} {self.set_spec}".strip()

    def is_due(self, now=None) -> bool:
        """Whether the nightly scheduler run should harvest this source now."""
        now = timezone.localtime(now or timezone.now())
        if self.schedule == self.Schedule.DAILY:
            return True
        return self.schedule == self.Schedule.WEEKLY and now.weekday() == 6
