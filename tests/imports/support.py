"""Sheets, ZIPs and uploads for the admin import tests, and what an import left in the storage."""

import csv
import io
import struct
import time
import zipfile
from contextlib import contextmanager

from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import Workbook

from portal.imports.models import STORAGE_PREFIX
from tests.resources.import_support import COLUMNS


def sheet(rows, name="danh-sach.csv") -> SimpleUploadedFile:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    writer.writerows(rows)
    return SimpleUploadedFile(name, buffer.getvalue().encode("utf-8-sig"), "text/csv")


def xlsx_sheet(count: int, name="danh-sach.xlsx") -> SimpleUploadedFile:
    """``count`` short rows that pass every check, written row by row (constant memory)."""
    workbook = Workbook(write_only=True)
    rows = workbook.create_sheet()
    rows.append(["identifier", "title", "licence"])
    for number in range(1, count + 1):
        rows.append([f"tnu-{number:06d}", f"Bài học số {number}", "CC-BY-4.0"])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return SimpleUploadedFile(name, buffer.getvalue())


def zip_upload(members: dict[str, bytes], name="tep.zip") -> SimpleUploadedFile:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for member, data in members.items():
            archive.writestr(member, data)
    return SimpleUploadedFile(name, buffer.getvalue(), "application/zip")


def zeros_zip(files: int, size: int) -> SimpleUploadedFile:
    """A ZIP bomb: ``files`` files of ``size`` zero bytes each, written in chunks."""
    buffer = io.BytesIO()
    chunk = bytes(min(size, 1024 * 1024))
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for number in range(files):
            with archive.open(f"bai-{number}.pdf", "w", force_zip64=True) as entry:
                for _ in range(size // len(chunk)):
                    entry.write(chunk)
    return SimpleUploadedFile("bom.zip", buffer.getvalue(), "application/zip")


def understated_zip(name: str, size: int, declared: int) -> SimpleUploadedFile:
    """A ZIP whose headers say ``name`` holds ``declared`` bytes while it unpacks to ``size``."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(name, bytes(size))
    data = bytearray(buffer.getvalue())
    local = data.index(b"PK\x03\x04")
    struct.pack_into("<I", data, local + 22, declared)  # the local header's uncompressed size
    central = data.index(b"PK\x01\x02")
    struct.pack_into("<I", data, central + 24, declared)  # the central directory's
    return SimpleUploadedFile("tep.zip", bytes(data), "application/zip")


def upload(client, organisation, sheet_file, archive=None):
    data = {"organisation": organisation.pk, "sheet": sheet_file}
    if archive is not None:
        data["archive"] = archive
    return client.post(reverse("imports:new"), data)


def stored_under_imports(prefix=STORAGE_PREFIX) -> list[str]:
    """Every file the imports keep in the media storage."""
    try:
        folders, files = default_storage.listdir(prefix)
    except FileNotFoundError:
        return []
    found = [f"{prefix}/{name}" for name in files]
    for folder in folders:
        found += stored_under_imports(f"{prefix}/{folder}")
    return found


@contextmanager
def timed(figures: dict, name: str):
    started = time.perf_counter()
    yield
    figures[name] = time.perf_counter() - started
