"""Reading import spreadsheets: CSV in the encodings and separators Excel writes, and XLSX."""

import datetime

import pytest
from django.utils import translation
from openpyxl import Workbook

from portal.resources.importing_readers import ImportFileError, TooManyRows, read_rows

HEADER = "identifier,title,subjects,date_issued\n"


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


def write(tmp_path, text: str, name="resources.csv", encoding="utf-8"):
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def test_csv_rows_keep_spreadsheet_line_numbers(tmp_path):
    path = write(tmp_path, HEADER + "a-1,Kỹ năng số,ky-nang-so,2024\n\n" + 'a-2,"Hai\ndòng",,\na-3,Ba,,\n')

    rows = read_rows(path)

    assert [(row.line, row.get("identifier")) for row in rows] == [(2, "a-1"), (4, "a-2"), (6, "a-3")]
    assert rows[1].get("title") == "Hai\ndòng"
    assert rows[0].values == {
        "identifier": "a-1",
        "title": "Kỹ năng số",
        "subjects": "ky-nang-so",
        "date_issued": "2024",
    }


def test_csv_with_byte_order_mark_reads_like_without(tmp_path):
    plain = read_rows(write(tmp_path, HEADER + "a-1,Tiêu đề,,\n", name="plain.csv"))
    with_bom = read_rows(write(tmp_path, HEADER + "a-1,Tiêu đề,,\n", name="bom.csv", encoding="utf-8-sig"))

    assert with_bom == plain
    assert with_bom[0].get("identifier") == "a-1"


def test_semicolon_separated_csv_from_vietnamese_excel(tmp_path):
    path = write(tmp_path, 'Identifier;Title;Subjects\r\na-1;Pháp luật;"phap-luat;ky-nang-song"\r\n')

    (row,) = read_rows(path)

    assert row.values == {"identifier": "a-1", "title": "Pháp luật", "subjects": "phap-luat;ky-nang-song"}


def test_file_in_another_encoding_is_refused_with_advice(tmp_path):
    path = write(tmp_path, HEADER + "a-1,Tiếng Việt,,\n", encoding="utf-16")

    with pytest.raises(ImportFileError, match="not UTF-8"):
        read_rows(path)


@pytest.mark.parametrize(
    ("header", "message"),
    [
        ("identifier,title,licenc\n", "Unknown column"),
        ("identifier,summary\n", "missing: title"),
        ("identifier,title,title\n", "given twice"),
    ],
)
def test_bad_header_stops_the_import(tmp_path, header, message):
    with pytest.raises(ImportFileError, match=message):
        read_rows(write(tmp_path, header + "a,b,c\n"))


def test_empty_and_old_excel_files_are_refused(tmp_path):
    with pytest.raises(ImportFileError, match="empty"):
        read_rows(write(tmp_path, "\n\n"))
    with pytest.raises(ImportFileError, match=r"Old \.xls files"):
        (tmp_path / "old.xls").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100)
        read_rows(tmp_path / "old.xls")
    with pytest.raises(ImportFileError, match="not an Excel workbook"):
        read_rows(write(tmp_path, "identifier,title\n", name="fake.xlsx"))


def test_xlsx_rows_with_dates_and_numbers_as_text(tmp_path):
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["identifier", "title", "date_issued", "summary"])
    sheet.append(["x-1", "Bảng tính", datetime.datetime(2024, 9, 5), None])
    sheet.append([None, None, None, None])
    sheet.append(["x-2", "Năm", 2021, 3.5])
    workbook.save(tmp_path / "resources.xlsx")

    rows = read_rows(tmp_path / "resources.xlsx")

    assert [row.line for row in rows] == [2, 4]
    assert rows[0].values == {"identifier": "x-1", "title": "Bảng tính", "date_issued": "2024-09-05"}
    assert rows[1].values == {"identifier": "x-2", "title": "Năm", "date_issued": "2021", "summary": "3.5"}


def test_damaged_xlsx_is_refused(tmp_path):
    path = tmp_path / "broken.xlsx"
    path.write_bytes(b"PK\x03\x04" + b"\0" * 64)

    with pytest.raises(ImportFileError, match="readable Excel workbook"):
        read_rows(path)


def count_rows_built(monkeypatch) -> list[int]:
    from portal.resources import importing_readers

    built = [0]
    build = importing_readers._row

    def counting(*args):
        built[0] += 1
        return build(*args)

    monkeypatch.setattr(importing_readers, "_row", counting)
    return built


def test_reading_stops_at_the_first_row_past_the_limit(tmp_path, monkeypatch):
    built = count_rows_built(monkeypatch)
    path = write(tmp_path, HEADER + "".join(f"a-{number},Bài {number},,\n" for number in range(1, 5001)))

    with pytest.raises(TooManyRows, match="more than 1,000 rows: split it into files of at most 1,000 rows"):
        read_rows(path, max_rows=1000)

    assert built[0] == 1001
    assert len(read_rows(path, max_rows=5000)) == 5000


def test_an_xlsx_is_read_row_by_row_and_stops_past_the_limit(tmp_path, monkeypatch):
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet()
    sheet.append(["identifier", "title"])
    for number in range(1, 5001):
        sheet.append([f"x-{number}", f"Bài {number}"])
    workbook.save(tmp_path / "big.xlsx")
    built = count_rows_built(monkeypatch)

    with pytest.raises(TooManyRows, match="more than 10 rows"):
        read_rows(tmp_path / "big.xlsx", max_rows=10)

    assert built[0] == 11


def test_a_workbook_that_unpacks_to_too_much_is_refused_before_it_is_parsed(tmp_path, monkeypatch):
    from portal.resources import importing_readers

    monkeypatch.setattr(importing_readers, "XLSX_MAX_UNPACKED", 10_000)
    workbook = Workbook()
    workbook.active.append(["identifier", "title"])
    workbook.active.append(["x-1", "Bài " + "x" * 20_000])
    workbook.save(tmp_path / "bom.xlsx")

    with pytest.raises(ImportFileError, match=r"The workbook unpacks to more than 9\.8\sKB"):
        read_rows(tmp_path / "bom.xlsx")


def test_a_bad_byte_far_into_a_csv_is_found_with_its_position(tmp_path):
    good = HEADER + "a-1,Tiếng Việt,,\n" * 10_000
    path = tmp_path / "late.csv"
    path.write_bytes(good.encode() + b"a-2,\xff,,\n")

    with pytest.raises(ImportFileError, match=f"position {len(good.encode()) + 4}"):
        read_rows(path)
