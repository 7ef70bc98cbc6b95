"""The plan's indicators, the figures measured for them and the learning titles recognised.

Indicators are data (``indicators.json``, loaded by ``manage.py load_indicators``); measurements
are entered by the Department of Education and Training for the units valid in their year.
"""

import datetime
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel

from portal.core.models import AdminUnit

FIRST_YEAR = 2022
LAST_YEAR = 2030


class Indicator(models.Model):
    """One measurable target of part II of the plan, with its 2025 and 2030 values."""

    class Unit(models.TextChoices):
        PERCENT = "percent", _("percent")
        COUNT = "count", _("count")
        LEVEL = "level", _("level reached")

    class Direction(models.TextChoices):
        HIGHER = "higher", _("higher is better")
        LOWER = "lower", _("lower is better")

    class Aggregation(models.TextChoices):
        SUM = "sum", _("sum of numerators and denominators")
        ENTERED = "entered", _("entered for the province")

    code = models.SlugField(_("code"), max_length=40, unique=True)
    name = models.CharField(_("name"), max_length=255)
    name_en = models.CharField(_("name in English"), max_length=255, blank=True)
    unit = models.CharField(_("unit"), max_length=10, choices=Unit.choices, default=Unit.PERCENT)
    direction = models.CharField(
        _("direction"), max_length=10, choices=Direction.choices, default=Direction.HIGHER
    )
    plan_article = models.CharField(_("article of the plan"), max_length=40, blank=True)
    target_2025 = models.DecimalField(
        _("target for 2025"), max_digits=9, decimal_places=2, null=True, blank=True
    )
    target_2030 = models.DecimalField(
        _("target for 2030"), max_digits=9, decimal_places=2, null=True, blank=True
    )
    measured_at = models.CharField(
        _("measured at level"),
        max_length=10,
        choices=AdminUnit.Level.choices,
        default=AdminUnit.Level.PROVINCE,
    )
    aggregation = models.CharField(
        _("province value"), max_length=10, choices=Aggregation.choices, default=Aggregation.ENTERED
    )
    headline = models.BooleanField(_("shown on the home page"), default=False)
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)

    panels = [
        FieldPanel("code"),
        FieldPanel("name"),
        FieldPanel("name_en"),
        FieldPanel("unit"),
        FieldPanel("direction"),
        FieldPanel("plan_article"),
        FieldPanel("target_2025"),
        FieldPanel("target_2030"),
        FieldPanel("measured_at"),
        FieldPanel("aggregation"),
        FieldPanel("headline"),
        FieldPanel("sort_order"),
    ]

    class Meta:
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")
        ordering = ["sort_order", "code"]

    def __str__(self) -> str:
        return self.name

    def display_name(self, language: str = "vi") -> str:
        return self.name_en if language == "en" and self.name_en else self.name

    @property
    def is_percent(self) -> bool:
        return self.unit == self.Unit.PERCENT


def unit_valid_in_year(unit: AdminUnit, year: int) -> bool:
    """A unit counts for a year when it existed on some day of it (the 2025 reform fell mid-year)."""
    first, last = datetime.date(year, 1, 1), datetime.date(year, 12, 31)
    return unit.valid_from <= last and (unit.valid_until is None or unit.valid_until >= first)


class Measurement(models.Model):
    """The value of one indicator for one unit and year; for a rate, its numerator and denominator."""

    indicator = models.ForeignKey(
        Indicator, verbose_name=_("indicator"), on_delete=models.CASCADE, related_name="measurements"
    )
    unit = models.ForeignKey(
        AdminUnit,
        verbose_name=_("administrative unit"),
        on_delete=models.PROTECT,
        related_name="measurements",
    )
    year = models.PositiveSmallIntegerField(_("year"))
    value = models.DecimalField(_("value"), max_digits=12, decimal_places=2)
    numerator = models.PositiveIntegerField(_("numerator"), null=True, blank=True)
    denominator = models.PositiveIntegerField(_("denominator"), null=True, blank=True)
    source = models.CharField(_("source"), max_length=255, blank=True)
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("entered by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )
    entered_at = models.DateTimeField(_("entered at"), auto_now=True)

    panels = [
        FieldPanel("indicator"),
        FieldPanel("unit"),
        FieldPanel("year"),
        FieldPanel("value"),
        FieldPanel("numerator"),
        FieldPanel("denominator"),
        FieldPanel("source"),
    ]

    class Meta:
        verbose_name = _("measurement")
        verbose_name_plural = _("measurements")
        ordering = ["indicator", "year", "unit"]
        constraints = [
            models.UniqueConstraint(fields=["indicator", "unit", "year"], name="indicator_measurement_once"),
        ]

    def __str__(self) -> str:
        return f"{self.indicator_id} · {self.unit_id} · {self.year}"

    def clean(self) -> None:
        errors: dict[str, str] = {}
        if self.year is not None and not FIRST_YEAR <= self.year <= LAST_YEAR:
            errors["year"] = _("The year must be between 2022 and 2030.")
        indicator = self.indicator if self.indicator_id else None
        if indicator and indicator.is_percent and self.value is not None and not 0 <= self.value <= 100:
            errors["value"] = _("A percentage must be between 0 and 100.")
        if self.numerator is not None and self.denominator is not None:
            if self.numerator > self.denominator:
                errors["numerator"] = _("The numerator cannot be larger than the denominator.")
            elif self.denominator == 0:
                errors["denominator"] = _("The denominator must be greater than zero.")
            elif indicator and indicator.is_percent and self.value is not None:
                expected = Decimal(100 * self.numerator) / Decimal(self.denominator)
                if abs(expected - Decimal(self.value)) > Decimal("0.05"):
                    errors["value"] = _(
                        "The value does not match the numerator and denominator (%(expected)s%%)."
                    ) % {"expected": f"{expected:.2f}"}
        if (
            self.unit_id
            and self.year
            and "year" not in errors
            and not unit_valid_in_year(self.unit, self.year)
        ):
            errors["unit"] = _("This unit did not exist in %(year)s.") % {"year": self.year}
        if errors:
            raise ValidationError(errors)


class Recognition(models.Model):
    """How many learning titles a unit recognised in a year (learning citizens, families...)."""

    class Title(models.TextChoices):
        CITIZEN = "citizen", _("learning citizen")
        FAMILY = "family", _("learning family")
        CLAN = "clan", _("learning clan")
        COMMUNITY = "community", _("learning community")
        UNIT = "unit", _("learning unit")
        DISTRICT = "district", _("learning district")
        PROVINCE = "province", _("learning province")

    title = models.CharField(_("title"), max_length=12, choices=Title.choices)
    unit = models.ForeignKey(
        AdminUnit,
        verbose_name=_("administrative unit"),
        on_delete=models.PROTECT,
        related_name="recognitions",
    )
    year = models.PositiveSmallIntegerField(_("year"))
    count = models.PositiveIntegerField(_("number recognised"))

    panels = [FieldPanel("title"), FieldPanel("unit"), FieldPanel("year"), FieldPanel("count")]

    class Meta:
        verbose_name = _("recognised learning title")
        verbose_name_plural = _("recognised learning titles")
        ordering = ["year", "title", "unit"]
        constraints = [
            models.UniqueConstraint(fields=["title", "unit", "year"], name="indicator_recognition_once"),
        ]

    def __str__(self) -> str:
        return f"{self.get_title_display()} · {self.unit} · {self.year}"

    def clean(self) -> None:
        if self.year is not None and not FIRST_YEAR <= self.year <= LAST_YEAR:
            raise ValidationError({"year": _("The year must be between 2022 and 2030.")})
        if self.unit_id and self.year and not unit_valid_in_year(self.unit, self.year):
            raise ValidationError({"unit": _("This unit did not exist in %(year)s.") % {"year": self.year}})
