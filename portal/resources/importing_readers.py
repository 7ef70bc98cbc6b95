"""Reading a bulk-import spreadsheet (CSV or XLSX) into numbered rows of text.

Contributors prepare these files in Excel or LibreOffice: CSV arrives with or without a UTF-8
BOM and, from a Vietnamese-locale Excel, with ``;`` between columns. Every row keeps the line
number the person sees in their spreadsheet, so a report can point at it.
"""

import csv
import datetime
import io
import zipfile
from dataclasses import dataclass
from pathlib import Path

from django.utils.translation import gettext as _

COLUMNS = (
    "identifier",
    "title",
    "summary",
    "resource_type",
    "subjects",
    "level",
    "audiences",
    "languages",
    "licence",
    "authors",
    "organisation",
    "date_issued",
    "url",
    "file",
)
REQUIRED_COLUMNS = ("identifier", "title")
# Spellings people type for a column, beyond the canonical name.
COLUMN_ALIASES = {"license": "licence", "type": "resource_type", "author": "authors", "language": "languages"}
CSV_DELIMITERS = (",", ";", "\t")
ZIP_MAGIC = b"PK\x03\x04"
OLE_MAGIC = b"\xd0\xcf\x11\xe0"  # the old binary .xls format


class ImportFileError(Exception):
    """The file as a whole cannot be read; no row is imported."""


@dataclass(frozen=True)
class SourceRow:
    line: int
    values: dict[str, str]

    def get(self, column: str) -> str:
        return self.values.get(column, "")


def read_rows(path: Path) -> list[SourceRow]:
    """The data rows of a CSV or XLSX file, blank rows left out; raises ``ImportFileError``."""
    try:
        data = path.read_bytes()
    except OSError as error:
        raise ImportFileError(
            _("Cannot read %(path)s: %(reason)s") % {"path": path, "reason": error.strerror}
        ) from None
    if data.startswith(OLE_MAGIC):
        raise ImportFileError(_("Old .xls files are not supported: save the sheet as .xlsx or CSV (UTF-8)."))
    if data.startswith(ZIP_MAGIC):
        return _xlsx_rows(data)
    if path.suffix.lower() in {".xlsx", ".xlsm"}:
        raise ImportFileError(_("The file is named .xlsx but is not an Excel workbook."))
    return _csv_rows(data)


def _columns(header: list[str]) -> list[str | None]:
    """Map header cells to column names; unknown or missing required columns stop the import."""
    names = []
    for cell in header:
        name = cell.strip().lower().replace(" ", "_")
        names.append(COLUMN_ALIASES.get(name, name) if name else None)
    unknown = [name for name in names if name and name not in COLUMNS]
    if unknown:
        raise ImportFileError(
            _("Unknown column(s): %(unknown)s. The columns are: %(columns)s.")
            % {"unknown": ", ".join(unknown), "columns": ", ".join(COLUMNS)}
        )
    missing = [name for name in REQUIRED_COLUMNS if name not in names]
    if missing:
        raise ImportFileError(
            _("The first row must name the columns; missing: %(missing)s.") % {"missing": ", ".join(missing)}
        )
    duplicated = sorted({name for name in names if name and names.count(name) > 1})
    if duplicated:
        raise ImportFileError(_("Column(s) given twice: %(columns)s.") % {"columns": ", ".join(duplicated)})
    return names


def _row(line: int, columns: list[str | None], cells: list[str]) -> SourceRow | None:
    pairs = zip(columns, cells, strict=False)
    values = {name: cell.strip() for name, cell in pairs if name is not None and cell.strip()}
    return SourceRow(line, values) if values else None


def _csv_rows(data: bytes) -> list[SourceRow]:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ImportFileError(
            _(
                "The file is not UTF-8 text (unexpected byte at position %(position)d). "
                "Save it as “CSV UTF-8” or as .xlsx."
            )
            % {"position": error.start}
        ) from None
    if not text.strip():
        raise ImportFileError(_("The file is empty."))
    first_line = text.lstrip("\r\n").splitlines()[0]
    delimiter = max(CSV_DELIMITERS, key=lambda candidate: len(first_line.split(candidate)))
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    rows, columns, start = [], None, 1
    try:
        for cells in reader:
            if columns is None:
                if any(cell.strip() for cell in cells):
                    columns = _columns(cells)
            elif (row := _row(start, columns, cells)) is not None:
                rows.append(row)
            start = reader.line_num + 1
    except csv.Error as error:
        raise ImportFileError(
            _("Line %(line)d cannot be read as CSV: %(reason)s") % {"line": reader.line_num, "reason": error}
        ) from None
    return rows


def _cell_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime.datetime):
        value = value.date() if value.time() == datetime.time() else value
    if isinstance(value, datetime.date | datetime.datetime):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _xlsx_rows(data: bytes) -> list[SourceRow]:
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, InvalidFileException, KeyError, OSError, ValueError):
        raise ImportFileError(_("The file is not a readable Excel workbook (.xlsx).")) from None
    try:
        sheet = workbook.worksheets[0]
        rows, columns = [], None
        for number, cells in enumerate(sheet.iter_rows(values_only=True), start=1):
            texts = [_cell_text(cell) for cell in cells]
            if columns is None:
                if any(text.strip() for text in texts):
                    columns = _columns(texts)
            elif (row := _row(number, columns, texts)) is not None:
                rows.append(row)
    finally:
        workbook.close()
    if columns is None:
        raise ImportFileError(_("The file is empty."))
    return rows
