"""The last check of a resource's outside address (link resources, harvested records)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class LinkCheck(models.Model):
    """One row per resource with an outside address, rewritten by each weekly round."""

    page = models.OneToOneField(
        "resources.LearningResourcePage", on_delete=models.CASCADE, related_name="link_check"
    )
    url = models.URLField(_("address"), max_length=500)
    checked_at = models.DateTimeField(_("checked at"))
    status_code = models.PositiveSmallIntegerField(_("answer"), null=True, blank=True)
    error = models.CharField(_("problem"), max_length=300, blank=True)
    broken = models.BooleanField(_("broken"), default=False, db_index=True)
    broken_since = models.DateTimeField(_("broken since"), null=True, blank=True)

    class Meta:
        verbose_name = _("link check")
        verbose_name_plural = _("link checks")

    def __str__(self) -> str:
        return self.url
