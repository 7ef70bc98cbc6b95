"""Administrative units: province → district/city → commune, valid over a period of time.

Units change (districts were abolished and provinces merged on 1 July 2025), so a unit is never
deleted: it gets ``valid_until`` and its ``successors`` (a district split between several new
communes has many; ``predecessors`` is the other side). Units are data loaded by
``manage.py load_admin_units``, never code.
"""

import datetime

from django.contrib import admin
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.search import index


class AdminUnitQuerySet(models.QuerySet):
    def valid_on(self, day: datetime.date | None = None) -> "AdminUnitQuerySet":
        day = day or datetime.date.today()
        return self.filter(valid_from__lte=day).filter(Q(valid_until__isnull=True) | Q(valid_until__gte=day))


class AdminUnit(index.Indexed, models.Model):
    class Level(models.TextChoices):
        PROVINCE = "province", _("Province")
        DISTRICT = "district", _("District or provincial city")
        COMMUNE = "commune", _("Commune, ward or township")

    slug = models.SlugField(_("identifier"), max_length=120, unique=True)
    gso_code = models.CharField(_("official code"), max_length=10, blank=True)
    kind = models.CharField(_("kind"), max_length=40, help_text=_("Tỉnh, Thành phố, Huyện, Phường, Xã..."))
    name = models.CharField(_("name"), max_length=120)
    level = models.CharField(_("level"), max_length=10, choices=Level.choices)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("parent unit"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    valid_from = models.DateField(_("valid from"))
    valid_until = models.DateField(_("valid until"), null=True, blank=True)
    successors = models.ManyToManyField(
        "self",
        verbose_name=_("successors"),
        symmetrical=False,
        blank=True,
        related_name="predecessors",
    )

    objects = AdminUnitQuerySet.as_manager()

    panels = [
        FieldPanel("kind"),
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("gso_code"),
        FieldPanel("level"),
        FieldPanel("parent"),
        FieldPanel("valid_from"),
        FieldPanel("valid_until"),
        FieldPanel("successors"),
    ]
    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.FilterField("level"),
    ]

    class Meta:
        verbose_name = _("administrative unit")
        verbose_name_plural = _("administrative units")
        ordering = ["level", "name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(valid_until__isnull=True) | Q(valid_until__gte=models.F("valid_from")),
                name="admin_unit_valid_period",
            )
        ]

    def __str__(self) -> str:
        return self.full_name

    @property
    def full_name(self) -> str:
        return f"{self.kind} {self.name}"

    def is_valid_on(self, day: datetime.date | None = None) -> bool:
        day = day or datetime.date.today()
        return self.valid_from <= day and (self.valid_until is None or day <= self.valid_until)

    @admin.display(description=_("successors"))
    def successor_names(self) -> str:
        return ", ".join(unit.full_name for unit in self.successors.all())
