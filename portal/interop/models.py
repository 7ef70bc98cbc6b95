"""What the OAI-PMH provider must remember after a resource is gone."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class DeletedRecord(models.Model):
    """A resource that was published and is no longer (unpublished, deleted or made private).

    The repository declares ``deletedRecord: persistent``: harvesters learn of every withdrawal,
    however late they come. Publishing the resource again removes its entry.
    """

    identifier = models.CharField(_("identifier"), max_length=200, unique=True)
    page_id = models.PositiveBigIntegerField(_("page id"), null=True, blank=True)
    datestamp = models.DateTimeField(_("withdrawn at"), db_index=True)
    sets = models.JSONField(_("sets"), default=list)

    class Meta:
        verbose_name = _("withdrawn record")
        verbose_name_plural = _("withdrawn records")
        ordering = ["pk"]

    def __str__(self) -> str:
        return self.identifier
