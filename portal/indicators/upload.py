"""Uploading a year's figures as CSV or XLSX: every row is checked first; one bad row saves nothing.

Columns (first row): indicator (code), unit (identifier), year, value, numerator, denominator,
source. A row for a unit, indicator and year already entered replaces its figures.
"""

import csv
import io
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from django import forms
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from portal.core.models import AdminUnit
from portal.indicators import audit
from portal.indicators.models import Indicator, Measurement

COLUMNS = ("indicator", "unit", "year", "value", "numerator", "denominator", "source")
MAX_ROWS = 5000


class UploadForm(forms.Form):
    file = forms.FileField(label=gettext_lazy("CSV or Excel file"))


@dataclass
class Outcome:
    saved: int = 0
    errors: list[tuple[int, str, str]] = field(default_factory=list)  # line, column, reason


def read_table(upload) -> list[dict]:
    name = upload.name.lower()
    if name.endswith(".xlsx"):
        from openpyxl import load_workbook

        try:
            sheet = load_workbook(upload, read_only=True, data_only=True).active
        except Exception as error:  # openpyxl raises many kinds for a damaged file
            raise ValidationError(_("The file could not be read as an Excel workbook.")) from error
        rows = [
            ["" if cell is None else str(cell) for cell in row] for row in sheet.iter_rows(values_only=True)
        ]
    elif name.endswith(".csv"):
        try:
            text = upload.read().decode("utf-8-sig")
        except UnicodeDecodeError as error:
            raise ValidationError(_("The CSV file must be saved as UTF-8.")) from error
        rows = list(csv.reader(io.StringIO(text)))
    else:
        raise ValidationError(_("Upload a .csv or .xlsx file."))
    if not rows:
        raise ValidationError(_("The file is empty."))
    header = [cell.strip().lower() for cell in rows[0]]
    missing = [column for column in COLUMNS[:4] if column not in header]
    if missing:
        raise ValidationError(_("Missing columns: %(columns)s.") % {"columns": ", ".join(missing)})
    if len(rows) > MAX_ROWS + 1:
        raise ValidationError(_("At most %(count)s rows at a time.") % {"count": MAX_ROWS})
    return [dict(zip(header, row, strict=False)) for row in rows[1:] if any(cell.strip() for cell in row)]


def _number(row: dict, column: str, kind):
    text = (row.get(column) or "").strip().replace(",", ".")
    if not text:
        return None
    try:
        return kind(Decimal(text)) if kind is int else Decimal(text)
    except (InvalidOperation, ValueError) as error:
        raise ValidationError({column: _("“%(text)s” is not a number.") % {"text": text}}) from error


def _required(row: dict, column: str, kind):
    value = _number(row, column, kind)
    if value is None:
        raise ValidationError({column: _("This column is required.")})
    return value


def build_measurement(row: dict, indicators: dict, units: dict) -> tuple[Measurement, dict]:
    """The row as a checked measurement, and the figures it had before (for its history);
    errors are keyed by the file's column names."""
    indicator = indicators.get((row.get("indicator") or "").strip())
    if indicator is None:
        raise ValidationError(
            {"indicator": _("Unknown indicator “%(code)s”.") % {"code": row.get("indicator", "")}}
        )
    unit = units.get((row.get("unit") or "").strip())
    if unit is None:
        raise ValidationError(
            {"unit": _("Unknown administrative unit “%(slug)s”.") % {"slug": row.get("unit", "")}}
        )
    year, value = _required(row, "year", int), _required(row, "value", Decimal)
    existing = Measurement.objects.filter(indicator=indicator, unit=unit, year=year).first()
    before = audit.figures(existing)
    measurement = existing or Measurement(indicator=indicator, unit=unit, year=year)
    measurement.value = value
    measurement.numerator = _number(row, "numerator", int)
    measurement.denominator = _number(row, "denominator", int)
    measurement.source = (row.get("source") or "").strip()[:255]
    measurement.full_clean()
    return measurement, before


def import_rows(rows: list[dict], user) -> Outcome:
    indicators = Indicator.objects.in_bulk(field_name="code")
    units = AdminUnit.objects.in_bulk(field_name="slug")
    outcome, checked, seen = Outcome(), [], set()
    for line, row in enumerate(rows, start=2):
        try:
            measurement, before = build_measurement(row, indicators, units)
        except ValidationError as error:
            for column, messages in error.message_dict.items():
                outcome.errors.append((line, column if column in COLUMNS else "", " ".join(messages)))
            continue
        key = (measurement.indicator_id, measurement.unit_id, measurement.year)
        if key in seen:
            outcome.errors.append((line, "", _("This indicator, unit and year appear twice in the file.")))
        seen.add(key)
        checked.append((measurement, before))
    if outcome.errors:
        return outcome
    with transaction.atomic():
        for measurement, before in checked:
            measurement.entered_by = user
            measurement.save()
            audit.record(measurement, before, user)
    outcome.saved = len(checked)
    return outcome


def upload_view(request):
    if not request.user.has_perms(["indicators.add_measurement", "indicators.change_measurement"]):
        raise PermissionDenied
    form, outcome = UploadForm(request.POST or None, request.FILES or None), None
    if request.method == "POST" and form.is_valid():
        try:
            outcome = import_rows(read_table(form.cleaned_data["file"]), request.user)
        except ValidationError as error:
            form.add_error("file", error)
    return TemplateResponse(
        request, "indicators/admin/upload.html", {"form": form, "outcome": outcome, "columns": COLUMNS}
    )
