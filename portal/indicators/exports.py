"""The dashboard's figures as CSV or XLSX: the province's series, then each unit's figures."""

import csv
import io

from django.http import HttpResponse
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from portal.core.spreadsheets import neutralise_formula


def rows(views) -> list[list]:
    language = (get_language() or "vi")[:2]
    header = [
        _("Indicator code"),
        _("Indicator"),
        _("Administrative unit"),
        _("Year"),
        _("Value"),
        _("Numerator"),
        _("Denominator"),
        _("How the value was made"),
        _("Target for 2025"),
        _("Target for 2030"),
    ]
    table = [header]
    for view in views:
        indicator = view.indicator
        name = indicator.display_name(language)
        targets = [indicator.target_2025, indicator.target_2030]
        for year, value in sorted(view.series.items()):
            method = (
                _("sum of numerators and denominators")
                if value.method == "sum"
                else _("entered for the province")
            )
            table.append(
                [indicator.code, name, _("Province"), year, value.value, None, None, method, *targets]
            )
        for figure in view.ranked:
            table.append(
                [
                    indicator.code,
                    name,
                    figure.unit.full_name,
                    view.ranked_year,
                    figure.value,
                    figure.numerator,
                    figure.denominator,
                    "",
                    *targets,
                ]
            )
        for figure in view.carried:
            predecessors = ", ".join(unit.full_name for unit in figure.predecessors)
            table.append(
                [
                    indicator.code,
                    name,
                    figure.unit.full_name,
                    figure.year,
                    figure.carried.value,
                    figure.carried.numerator,
                    figure.carried.denominator,
                    _("carried over from %(units)s") % {"units": predecessors},
                    *targets,
                ]
            )
    return [[neutralise_formula(cell) for cell in row] for row in table]


def export_response(views, kind: str) -> HttpResponse:
    table = rows(views)
    if kind == "csv":
        buffer = io.StringIO()
        buffer.write("\ufeff")  # Excel reads UTF-8 only with a byte-order mark
        writer = csv.writer(buffer)
        writer.writerows([["" if cell is None else cell for cell in row] for row in table])
        response = HttpResponse(buffer.getvalue(), content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = 'attachment; filename="chi-tieu.csv"'
        return response
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Chỉ tiêu"
    for row in table:
        sheet.append([float(cell) if hasattr(cell, "as_tuple") else cell for cell in row])
    buffer = io.BytesIO()
    workbook.save(buffer)
    response = HttpResponse(
        buffer.getvalue(), content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    response["Content-Disposition"] = 'attachment; filename="chi-tieu.xlsx"'
    return response
