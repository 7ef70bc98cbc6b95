"""Text written into spreadsheets people open in Excel or LibreOffice.

A cell that starts with ``=``, ``+``, ``-`` or ``@`` is read as a formula: a resource titled
``=HYPERLINK("http://…","Bấm vào đây")`` would become a live link in an editor's export. Such text
gets a leading apostrophe (shown as text, formula not run); numbers and phone numbers such as
``+84 912 345 678`` or ``-12,5`` keep their values.
"""

import re
from functools import wraps

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_PLAIN_NUMBER = re.compile(r"^[+-]?\d[\d\s.,()/-]*$")


def neutralise_formula(value):
    """``value`` made safe for a spreadsheet cell; anything but formula-like text is unchanged."""
    if isinstance(value, str) and value.startswith(FORMULA_START) and not _PLAIN_NUMBER.match(value):
        return "'" + value
    return value


def neutralise_wagtail_csv_exports() -> None:
    """Every CSV export of the admin (reports, listings, form submissions) goes through Wagtail's
    ``SpreadsheetExportMixin``; its XLSX path already stores formulas as text, its CSV path not."""
    from wagtail.admin.views.mixins import SpreadsheetExportMixin

    preprocess = SpreadsheetExportMixin.preprocess_field_value
    if getattr(preprocess, "neutralises_formulas", False):
        return

    @wraps(preprocess)
    def preprocess_field_value(self, field, value, export_format):
        processed = preprocess(self, field, value, export_format)
        return neutralise_formula(processed) if export_format == self.FORMAT_CSV else processed

    preprocess_field_value.neutralises_formulas = True
    SpreadsheetExportMixin.preprocess_field_value = preprocess_field_value
