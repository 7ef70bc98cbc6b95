"""Entering one indicator's figures for one year across all its units, on one screen.

The units offered are those valid in the year at the indicator's level (communes once the
districts are gone), and the province. Every row is checked first; one wrong row saves nothing.
A rate's value may be left empty when its numerator and denominator are given.
"""

from dataclasses import dataclass

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from wagtail import hooks

from portal.core.models import AdminUnit
from portal.core.text import sort_key
from portal.indicators import audit
from portal.indicators.computation import rate
from portal.indicators.models import Indicator, Measurement
from portal.indicators.models.data import FIRST_YEAR, LAST_YEAR, unit_valid_in_year

PERMISSIONS = ("indicators.add_measurement", "indicators.change_measurement")


class ChoiceForm(forms.Form):
    indicator = forms.ModelChoiceField(
        Indicator.objects.all(), to_field_name="code", label=gettext_lazy("Indicator")
    )
    year = forms.TypedChoiceField(
        choices=[(year, year) for year in range(FIRST_YEAR, LAST_YEAR + 1)],
        coerce=int,
        label=gettext_lazy("Year"),
    )


class RowForm(forms.Form):
    value = forms.DecimalField(label=gettext_lazy("Value"), required=False, max_digits=12, decimal_places=2)
    numerator = forms.IntegerField(label=gettext_lazy("Numerator"), required=False, min_value=0)
    denominator = forms.IntegerField(label=gettext_lazy("Denominator"), required=False, min_value=0)
    source = forms.CharField(label=gettext_lazy("Source"), required=False, max_length=255)

    def is_blank(self) -> bool:
        return all(self.cleaned_data.get(name) in (None, "") for name in self.fields)


@dataclass
class GridRow:
    unit: AdminUnit
    form: RowForm
    measurement: Measurement | None


def units_for(indicator: Indicator, year: int) -> list[AdminUnit]:
    """The units that report this indicator for ``year``, province first (one query)."""
    units = [unit for unit in AdminUnit.objects.all() if unit_valid_in_year(unit, year)]
    levels = {unit.level for unit in units}
    level = indicator.measured_at if indicator.measured_at in levels else AdminUnit.Level.COMMUNE
    provinces = [unit for unit in units if unit.level == AdminUnit.Level.PROVINCE]
    local = [unit for unit in units if unit.level == level and level != AdminUnit.Level.PROVINCE]
    return sorted(provinces, key=lambda u: u.valid_from) + sorted(local, key=lambda u: sort_key(u.name))


def input_for(indicator: Indicator):
    """Where another app can supply this indicator's figures (``indicator_inputs`` hooks), if any."""
    for hook in hooks.get_hooks("indicator_inputs"):
        found = hook().get(indicator.code)
        if found is not None:
            return found
    return None


def _suggested(figures: tuple[int, int]) -> dict:
    numerator, denominator = figures
    return {
        "numerator": numerator,
        "denominator": denominator,
        "value": rate(numerator, denominator) if denominator else None,
        "source": _("The community learning centres' pages"),
    }


def _rows(indicator, year, data=None, suggested=None) -> list[GridRow]:
    existing = {
        m.unit_id: m
        for m in Measurement.objects.filter(indicator=indicator, year=year).select_related("entered_by")
    }
    rows = []
    for unit in units_for(indicator, year):
        measurement = existing.get(unit.pk)
        initial = audit.figures(measurement)
        if suggested and unit.pk in suggested:
            initial = _suggested(suggested[unit.pk])
        rows.append(GridRow(unit, RowForm(data, prefix=f"u{unit.pk}", initial=initial), measurement))
    return rows


def _check(row: GridRow, indicator, year) -> Measurement | None:
    """The row's measurement, changed and checked, or None when the row is left blank."""
    data = row.form.cleaned_data
    if row.form.is_blank():
        return None
    measurement = row.measurement or Measurement(indicator=indicator, unit=row.unit, year=year)
    measurement.numerator, measurement.denominator = data["numerator"], data["denominator"]
    measurement.value = data["value"]
    if measurement.value is None and data["numerator"] is not None and data["denominator"]:
        measurement.value = rate(data["numerator"], data["denominator"])
    measurement.source = data["source"]
    if measurement.value is None:
        raise ValidationError({"value": _("Enter a value, or a numerator and a denominator.")})
    measurement.full_clean()
    return measurement


def _save(rows: list[GridRow], indicator, year, user) -> int | None:
    """Saves every row or none; the number of changed figures, or None when a row is wrong."""
    checked, wrong = [], False
    for row in rows:
        if not row.form.is_valid():
            wrong = True
            continue
        try:
            checked.append((row, _check(row, indicator, year)))
        except ValidationError as error:
            wrong = True
            for field, field_errors in error.message_dict.items():
                row.form.add_error(field if field in row.form.fields else None, field_errors)
    if wrong:
        return None
    changed = 0
    with transaction.atomic():
        for row, measurement in checked:
            before = audit.figures(row.measurement)
            if measurement is None:
                if row.measurement is not None:
                    audit.record(row.measurement, before, user, deleted=True)
                    row.measurement.delete()
                    changed += 1
                continue
            if before == audit.figures(measurement) and row.measurement is not None:
                continue
            measurement.entered_by = user
            measurement.save()
            audit.record(measurement, before, user)
            changed += 1
    return changed


def grid_view(request):
    if not request.user.has_perms(PERMISSIONS):
        raise PermissionDenied
    choice = ChoiceForm(request.GET or None)
    context = {"choice": choice, "rows": None}
    if choice.is_bound and choice.is_valid():
        indicator, year = choice.cleaned_data["indicator"], choice.cleaned_data["year"]
        source = input_for(indicator)
        suggested = source() if source and request.GET.get("fill") and request.method == "GET" else None
        rows = _rows(indicator, year, request.POST if request.method == "POST" else None, suggested)
        if request.method == "POST":
            changed = _save(rows, indicator, year, request.user)
            if changed is not None:
                message = ngettext(
                    "%(count)s figure changed for %(year)s.",
                    "%(count)s figures changed for %(year)s.",
                    changed,
                )
                messages.success(request, message % {"count": changed, "year": year})
                return HttpResponseRedirect(request.get_full_path())
            context["failed"] = True
        context.update(
            indicator=indicator,
            year=year,
            rows=rows,
            is_percent=indicator.is_percent,
            can_fill=source is not None,
            filled=suggested is not None,
        )
    return TemplateResponse(request, "indicators/admin/grid.html", context)
