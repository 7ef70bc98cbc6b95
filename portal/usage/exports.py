"""The report's tables as CSV (one file, a titled block per table) or XLSX (a sheet per table)."""

import csv
import io

from django.http import HttpResponse
from django.utils.translation import gettext as _

from portal.core.spreadsheets import neutralise_formula

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def tables(report) -> list[tuple[str, list[str], list[list]]]:
    """(title, header, rows) for each table the report page shows, in its order."""
    figures = [_("Views"), _("Downloads")]
    result = [
        (
            _("By month"),
            [_("Month"), *figures],
            [[row.label, row.views, row.downloads] for row in report.months],
        ),
        (_("Most viewed resources"), [_("Resource"), *figures], _rows(report.resources)),
        (_("By organisation"), [_("Organisation"), *figures], _rows(report.organisations)),
        (_("By subject"), [_("Subject"), *figures], _rows(report.subjects)),
        (_("By language"), [_("Language"), *figures], _rows(report.languages)),
    ]
    if report.shows_searches:
        header = [_("Search words"), _("Searches"), _("Searches with no result"), _("People (busiest month)")]
        result += [
            (_("Most frequent searches"), header, _search_rows(report.frequent_searches)),
            (_("Searches with no result"), header, _search_rows(report.searches_without_result)),
        ]
    return result


def _rows(rows) -> list[list]:
    return [[row.label, row.views, row.downloads] for row in rows]


def _search_rows(rows) -> list[list]:
    return [[row.phrase, row.searches, row.no_results, row.people] for row in rows]


def filename(report, extension: str) -> str:
    scope = report.organisation.slug if report.organisation else "toan-tinh"
    return f"thong-ke-su-dung-{report.year}-{scope}.{extension}"


def csv_response(report) -> HttpResponse:
    buffer = io.StringIO()
    buffer.write("\ufeff")  # Excel reads UTF-8 only with a byte-order mark
    writer = csv.writer(buffer)
    for number, (title, header, rows) in enumerate(tables(report)):
        if number:
            writer.writerow([])
        writer.writerow([neutralise_formula(title)])
        writer.writerow(header)
        writer.writerows([[neutralise_formula(cell) for cell in row] for row in rows])
    return _attachment(HttpResponse(buffer.getvalue(), content_type="text/csv; charset=utf-8"), report, "csv")


def xlsx_response(report) -> HttpResponse:
    from openpyxl import Workbook

    workbook = Workbook()
    workbook.remove(workbook.active)
    for title, header, rows in tables(report):
        sheet = workbook.create_sheet(_sheet_title(title, workbook.sheetnames))
        sheet.append(header)
        for row in rows:
            sheet.append([neutralise_formula(cell) for cell in row])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return _attachment(HttpResponse(buffer.getvalue(), content_type=XLSX_TYPE), report, "xlsx")


def _sheet_title(title: str, taken: list[str]) -> str:
    """Excel allows 31 characters and none of []:*?/\\ in a sheet's name."""
    clean = "".join(" " if char in "[]:*?/\\" else char for char in title)[:31].strip()
    candidate, number = clean, 2
    while candidate in taken:
        candidate = f"{clean[:28]} {number}"
        number += 1
    return candidate


def _attachment(response, report, extension: str) -> HttpResponse:
    response["Content-Disposition"] = f'attachment; filename="{filename(report, extension)}"'
    response["Cache-Control"] = "private, no-store"
    return response
