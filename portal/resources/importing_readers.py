"""Reading a bulk-import spreadsheet (CSV or XLSX) into numbered rows of text.

Contributors prepare these files in Excel or LibreOffice: CSV arrives with or without a UTF-8
BOM and, from a Vietnamese-locale Excel, with ``;`` between columns. Every row keeps the line
number the person sees in their spreadsheet, so a report can point at it.
"""

import codecs
import csv
import datetime
import io
import zipfile
import zlib
from collections.abc import Iterator
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path, PurePath

from django.template.defaultfilters import filesizeformat
from django.utils.formats import number_format
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
MAX_SHEET_COLUMNS = 4 * len(COLUMNS)  # room for blank and misspelt columns
CHUNK_SIZE = 64 * 1024
XLSX_MAX_UNPACKED = 256 * 1024 * 1024  # ten times what a workbook of 10,000 full rows unpacks to


class ImportFileError(Exception):
    """The file as a whole cannot be read; no row is imported."""


class TooManyRows(ImportFileError):
    def __init__(self, limit: int):
        super().__init__(
            _(
                "The sheet has more than %(limit)s rows: split it into files of at most %(limit)s rows "
                "and import them one after another."
            )
            % {"limit": number_format(limit, force_grouping=True)}
        )


@dataclass(frozen=True)
class SourceRow:
    line: int
    values: dict[str, str]

    def get(self, column: str) -> str:
        return self.values.get(column, "")


def read_rows(path: Path, max_rows: int | None = None) -> list[SourceRow]:
    """The data rows of a CSV or XLSX file, blank rows left out; raises ``ImportFileError``."""
    try:
        with path.open("rb") as handle:
            return read_sheet(handle, path.name, max_rows)
    except OSError as error:
        raise ImportFileError(
            _("Cannot read %(path)s: %(reason)s") % {"path": path, "reason": error.strerror}
        ) from None


def read_sheet(handle, name: str, max_rows: int | None = None) -> list[SourceRow]:
    """The data rows of the CSV or XLSX in ``handle`` (binary, seekable), read one by one.

    Reading stops at the first row past ``max_rows`` (``TooManyRows``), so a huge sheet costs no
    more than a sheet at the limit.
    """
    head = handle.read(len(OLE_MAGIC))
    handle.seek(0)
    if head.startswith(OLE_MAGIC):
        raise ImportFileError(_("Old .xls files are not supported: save the sheet as .xlsx or CSV (UTF-8)."))
    if head.startswith(ZIP_MAGIC):
        reader = _xlsx_rows(handle)
    elif PurePath(name).suffix.lower() in {".xlsx", ".xlsm"}:
        raise ImportFileError(_("The file is named .xlsx but is not an Excel workbook."))
    else:
        reader = _csv_rows(handle)
    rows = []
    with closing(reader):
        for row in reader:
            if max_rows is not None and len(rows) == max_rows:
                raise TooManyRows(max_rows)
            rows.append(row)
    return rows


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


def _csv_rows(handle) -> Iterator[SourceRow]:
    _check_utf8(handle)
    text = io.TextIOWrapper(handle, encoding="utf-8-sig", newline="")
    try:
        first_line = text.readline()
        while first_line and not first_line.strip():
            first_line = text.readline()
        if not first_line:
            raise ImportFileError(_("The file is empty."))
        text.seek(0)
        delimiter = max(CSV_DELIMITERS, key=lambda candidate: len(first_line.split(candidate)))
        reader = csv.reader(text, delimiter=delimiter)
        columns, start = None, 1
        try:
            for cells in reader:
                if columns is None:
                    if any(cell.strip() for cell in cells):
                        columns = _columns(cells)
                elif (row := _row(start, columns, cells)) is not None:
                    yield row
                start = reader.line_num + 1
        except csv.Error as error:
            raise ImportFileError(
                _("Line %(line)d cannot be read as CSV: %(reason)s")
                % {"line": reader.line_num, "reason": error}
            ) from None
    finally:
        text.detach()  # the caller closes its own file


def _check_utf8(handle) -> None:
    """Refuse text that is not UTF-8 before any row is read, saying where the first bad byte is."""
    decoder = codecs.getincrementaldecoder("utf-8")()
    position = 0
    while chunk := handle.read(CHUNK_SIZE):
        pending = len(decoder.getstate()[0])  # the start of a character cut by the last chunk
        try:
            decoder.decode(chunk)
        except UnicodeDecodeError as error:
            _not_utf8(position - pending + error.start)
        position += len(chunk)
    try:
        decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        _not_utf8(position - len(decoder.getstate()[0]))
    handle.seek(0)


def _not_utf8(position: int):
    raise ImportFileError(
        _(
            "The file is not UTF-8 text (unexpected byte at position %(position)d). "
            "Save it as “CSV UTF-8” or as .xlsx."
        )
        % {"position": position}
    )


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


def _check_unpacked_size(handle) -> None:
    """A workbook is a ZIP of XML: refuse one that unpacks to more than any list needs, since
    openpyxl keeps its shared strings in memory and may read the whole sheet once for its size."""
    with zipfile.ZipFile(handle) as parts:
        unpacked = sum(part.file_size for part in parts.infolist())
    handle.seek(0)
    if unpacked > XLSX_MAX_UNPACKED:
        raise ImportFileError(
            _("The workbook unpacks to more than %(limit)s: split the list into smaller files.")
            % {"limit": filesizeformat(XLSX_MAX_UNPACKED)}
        )


def _xlsx_rows(handle) -> Iterator[SourceRow]:
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        _check_unpacked_size(handle)
        workbook = load_workbook(handle, read_only=True, data_only=True)
    except (zipfile.BadZipFile, InvalidFileException, KeyError, OSError, ValueError):
        raise ImportFileError(_("The file is not a readable Excel workbook (.xlsx).")) from None
    try:
        sheet = workbook.worksheets[0]
        columns = None
        # Read no further right than a list's columns can reach, whatever size the sheet declares.
        cells_by_row = sheet.iter_rows(values_only=True, max_col=MAX_SHEET_COLUMNS)
        for number, cells in enumerate(cells_by_row, start=1):
            if not any(cell is not None for cell in cells):
                continue
            texts = [_cell_text(cell) for cell in cells]
            if columns is None:
                if any(text.strip() for text in texts):
                    columns = _columns(texts)
            elif (row := _row(number, columns, texts)) is not None:
                yield row
    except (zipfile.BadZipFile, zlib.error, SyntaxError):  # damaged further in (XML errors are SyntaxErrors)
        raise ImportFileError(_("The file is not a readable Excel workbook (.xlsx).")) from None
    finally:
        workbook.close()
    if columns is None:
        raise ImportFileError(_("The file is empty."))
