"""Usage figures kept as monthly counters: no row says who looked, searched or downloaded.

Views and downloads are counted per resource, organisation, subject and language; every row also
names the organisation the resource belongs to (``scope``), so a contributor's report is a filter.
Searches are counted per phrase folded for grouping ("hoc tap" = "học tập"), with how many
distinct people searched it that month; the words as typed are kept beside it to show the most
common writing. Identities are keys (page id, organisation and term slugs), never display names.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Dimension(models.TextChoices):
    RESOURCE = "resource", _("Resource")
    ORGANISATION = "organisation", _("Organisation")
    SUBJECT = "subject", _("Subject")
    LANGUAGE = "language", _("Language")


class UsageCount(models.Model):
    month = models.DateField(_("month"), help_text=_("The first day of the month."))
    dimension = models.CharField(_("dimension"), max_length=20, choices=Dimension.choices)
    key = models.CharField(_("key"), max_length=120)  # page id, organisation or term slug
    scope = models.CharField(_("organisation"), max_length=120, blank=True)  # organisation slug
    views = models.PositiveBigIntegerField(_("views"), default=0)
    downloads = models.PositiveBigIntegerField(_("downloads"), default=0)

    class Meta:
        verbose_name = _("usage count")
        verbose_name_plural = _("usage counts")
        constraints = [
            models.UniqueConstraint(fields=["month", "dimension", "key", "scope"], name="usage_count_unique")
        ]
        indexes = [models.Index(fields=["dimension", "month", "scope"], name="usage_count_report")]

    def __str__(self) -> str:
        return f"{self.month:%Y-%m} {self.dimension} {self.key}"


class SearchCount(models.Model):
    month = models.DateField(_("month"))
    phrase = models.CharField(_("phrase (folded)"), max_length=200)
    searches = models.PositiveIntegerField(_("searches"), default=0)
    no_results = models.PositiveIntegerField(_("searches with no result"), default=0)
    people = models.PositiveIntegerField(_("people"), default=0)

    class Meta:
        verbose_name = _("search count")
        verbose_name_plural = _("search counts")
        constraints = [models.UniqueConstraint(fields=["month", "phrase"], name="usage_search_unique")]

    def __str__(self) -> str:
        return f"{self.month:%Y-%m} {self.phrase}"


class SearchWording(models.Model):
    """One way people wrote a phrase ("Học tập", "hoc tap"), to show the most common one."""

    search = models.ForeignKey(SearchCount, on_delete=models.CASCADE, related_name="wordings")
    text = models.CharField(_("as typed"), max_length=200)
    count = models.PositiveIntegerField(_("searches"), default=0)

    class Meta:
        verbose_name = _("search wording")
        verbose_name_plural = _("search wordings")
        constraints = [models.UniqueConstraint(fields=["search", "text"], name="usage_wording_unique")]

    def __str__(self) -> str:
        return self.text
