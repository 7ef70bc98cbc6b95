"""Controlled vocabularies shared by every content family (resources, events, centres...).

Each term carries its Vietnamese name and an English one, so facets and badges follow the
visitor's language without a translation tree per term.
"""

from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.search import index


class Term(index.Indexed, models.Model):
    name = models.CharField(_("name (Vietnamese)"), max_length=120)
    name_en = models.CharField(_("name (English)"), max_length=120, blank=True)
    slug = models.SlugField(_("slug"), max_length=120, unique=True, allow_unicode=False)
    description = models.TextField(_("description"), blank=True)
    sort_order = models.PositiveSmallIntegerField(_("sort order"), default=100)

    panels = [
        FieldPanel("name"),
        FieldPanel("name_en"),
        FieldPanel("slug"),
        FieldPanel("description"),
        FieldPanel("sort_order"),
    ]
    search_fields = [
        index.SearchField("name"),
        index.SearchField("name_en"),
        index.AutocompleteField("name"),
    ]

    class Meta:
        abstract = True
        ordering = ["sort_order", "name"]

    def __str__(self) -> str:
        return self.name

    @property
    def label(self) -> str:
        """The name in the active language, falling back to Vietnamese."""
        if (get_language() or "vi").startswith("en") and self.name_en:
            return self.name_en
        return self.name


class Subject(Term):
    class Meta(Term.Meta):
        verbose_name = _("subject")
        verbose_name_plural = _("subjects")


class EducationLevel(Term):
    class Meta(Term.Meta):
        verbose_name = _("education level")
        verbose_name_plural = _("education levels")


class Audience(Term):
    class Meta(Term.Meta):
        verbose_name = _("audience")
        verbose_name_plural = _("audiences")


class Language(Term):
    """A language of content; ``slug`` holds the ISO 639 code (vi, en, tyz, nut, hmn, ium...)."""

    native_name = models.CharField(_("name in the language itself"), max_length=120, blank=True)

    panels = [*Term.panels, FieldPanel("native_name")]

    class Meta(Term.Meta):
        verbose_name = _("language")
        verbose_name_plural = _("languages")


class Licence(Term):
    """A licence with an SPDX-style code; ``is_open`` licences may be adapted and redistributed."""

    code = models.CharField(_("SPDX code"), max_length=40, unique=True)
    url = models.URLField(_("licence text URL"), blank=True)
    is_open = models.BooleanField(_("open licence"), default=True)
    allows_commercial_use = models.BooleanField(_("allows commercial use"), default=True)
    allows_derivatives = models.BooleanField(_("allows adaptations"), default=True)
    requires_share_alike = models.BooleanField(_("requires share-alike"), default=False)
    requires_attribution = models.BooleanField(_("requires attribution"), default=True)

    panels = [
        *Term.panels,
        FieldPanel("code"),
        FieldPanel("url"),
        FieldPanel("is_open"),
        FieldPanel("allows_commercial_use"),
        FieldPanel("allows_derivatives"),
        FieldPanel("requires_share_alike"),
        FieldPanel("requires_attribution"),
    ]
    search_fields = [*Term.search_fields, index.SearchField("code")]

    class Meta(Term.Meta):
        verbose_name = _("licence")
        verbose_name_plural = _("licences")
