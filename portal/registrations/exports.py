"""One page's registrants as CSV or XLSX, for the organiser to print a list or call people.

Names are typed by the public: text that starts like a formula (``=HYPERLINK(…)``) is written as
text, never run. Times are local (Asia/Ho_Chi_Minh). Phone numbers are written with spaces, so
spreadsheets keep them as text and the leading 0 is not lost.
"""

import csv
import io

from django.http import HttpResponse
from django.utils.timezone import localtime
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.utils import get_column_letter

from portal.core.spreadsheets import neutralise_formula
from portal.registrations.models import Registration


def listing(page) -> list[Registration]:
    """Seats first, then the waiting list in turn, then cancellations; positions filled in."""
    rows = list(Registration.objects.filter(page_id=page.pk).select_related("commune").in_order())
    order = {
        Registration.Status.CONFIRMED: 0,
        Registration.Status.WAITING: 1,
        Registration.Status.CANCELLED: 2,
    }
    position = 0
    for registration in rows:
        if registration.status == Registration.Status.WAITING:
            position += 1
            registration.position = position
        else:
            registration.position = None
    return sorted(rows, key=lambda registration: order[registration.status])


def _moment(value):
    return localtime(value).strftime("%Y-%m-%d %H:%M") if value else ""


def header() -> list[str]:
    return [
        _("No."),
        _("Full name"),
        _("Phone"),
        _("E-mail"),
        _("Commune or ward"),
        _("Status"),
        _("Place on the waiting list"),
        _("Registered at"),
        _("Consent given at"),
        _("Moved from the waiting list at"),
        _("Cancelled at"),
    ]


def rows(page):
    for number, registration in enumerate(listing(page), start=1):
        yield [
            number,
            neutralise_formula(registration.name),
            registration.phone_display,
            neutralise_formula(registration.email),
            registration.commune.full_name if registration.commune_id else "",
            str(registration.get_status_display()),
            registration.position or "",
            _moment(registration.created_at),
            _moment(registration.consent_at),
            _moment(registration.promoted_at),
            _moment(registration.cancelled_at),
        ]


def filename(page, extension: str) -> str:
    return f"dang-ky-{page.slug or page.pk}.{extension}"


def _private(response, name: str):
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    response["Cache-Control"] = "private, no-store"
    return response


def csv_response(page) -> HttpResponse:
    buffer = io.StringIO()
    buffer.write("\ufeff")  # Excel reads UTF-8 (Vietnamese letters) only with the byte-order mark
    writer = csv.writer(buffer)
    writer.writerow(header())
    writer.writerows(rows(page))
    response = HttpResponse(buffer.getvalue(), content_type="text/csv; charset=utf-8")
    return _private(response, filename(page, "csv"))


def xlsx_response(page) -> HttpResponse:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = _("Registrations")[:31]
    sheet.append(header())
    for row in rows(page):
        sheet.append(
            [ILLEGAL_CHARACTERS_RE.sub("", value) if isinstance(value, str) else value for value in row]
        )
    for column, width in enumerate((6, 28, 15, 28, 24, 22, 12, 18, 18, 18, 18), start=1):
        sheet.column_dimensions[get_column_letter(column)].width = width
    sheet.freeze_panes = "A2"
    buffer = io.BytesIO()
    workbook.save(buffer)
    response = HttpResponse(
        buffer.getvalue(),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    return _private(response, filename(page, "xlsx"))
