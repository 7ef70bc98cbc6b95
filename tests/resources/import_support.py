"""Rows, files and runners shared by the ``import_resources`` tests."""

import csv
import io

from django.core.management import CommandError, call_command

from portal.resources.models import LearningResourcePage

COLUMNS = [
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
]
PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
    b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
)
GOOD_ROWS = [
    {
        "identifier": "tnu-kns-001",
        "title": "Kỹ năng số cho người cao tuổi",
        "summary": "Dùng điện thoại thông minh an toàn.",
        "resource_type": "document",
        "subjects": "Ky nang so; kỹ năng sống",
        "level": "moi-trinh-do",
        "audiences": "Người cao tuổi",
        "languages": "vi",
        "licence": "CC-BY-4.0",
        "authors": "Nguyễn Thị Hoa; Trần Văn Minh",
        "organisation": "dai-hoc-thai-nguyen",
        "date_issued": "2024-09-05",
        "file": "ky-nang-so.pdf",
    },
    {
        "identifier": "tnu-tay-002",
        "title": "Học tiếng Tày qua bài hát then",
        "resource_type": "video",
        "subjects": "Văn hóa và văn hóa đọc",
        "languages": "Tiếng Tày;vie",
        "licence": "CC BY-NC-SA 4.0",
        "date_issued": "2023",
    },
    {
        "identifier": "tnu-link-003",
        "title": "Cổng dịch vụ công quốc gia: hướng dẫn",
        "subjects": "Digital skills",
        "licence": "https://creativecommons.org/publicdomain/zero/1.0/",
        "url": "https://dichvucong.gov.vn/p/home/dvc-huong-dan.html",
    },
]


def write_csv(path, rows, bom=False, columns=COLUMNS):
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=columns, lineterminator="\r\n")
    writer.writeheader()
    writer.writerows(rows)
    path.write_text(buffer.getvalue(), encoding="utf-8-sig" if bom else "utf-8")
    return path


def run_import(*args):
    """(exit code, stdout, stderr) of the command, with English messages."""
    out, err = io.StringIO(), io.StringIO()
    try:
        call_command("import_resources", *map(str, args), "--language", "en", stdout=out, stderr=err)
    except CommandError as error:
        return error.returncode, out.getvalue(), err.getvalue() + str(error)
    return 0, out.getvalue(), err.getvalue()


def resources():
    return LearningResourcePage.objects.order_by("identifier")
