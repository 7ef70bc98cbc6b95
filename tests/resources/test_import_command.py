"""``manage.py import_resources``: good files, bad rows, re-imports, XLSX, dry runs, files, crashes."""

import csv
import io
import uuid

import pytest
from django.core.management import CommandError, call_command
from django.utils import translation
from openpyxl import Workbook
from wagtail.documents import get_document_model
from wagtail.models import Revision

from portal.core.models import Audience, Subject
from portal.resources.importing import use_language
from portal.resources.models import LearningResourcePage
from tests.resources.factories import (
    LearningResourcePageFactory,
    OrganisationSectionPageFactory,
)

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


@pytest.fixture
def stored_files(tmp_path, settings):
    """The folder documents are stored in: the test's own, never ``var/``."""
    settings.MEDIA_ROOT = tmp_path / "public"
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "media.storages.PrivateFileSystemStorage",
            "OPTIONS": {"location": str(tmp_path / "private")},
        },
        "public": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(tmp_path / "public")},
        },
    }
    return tmp_path / "private"


@pytest.fixture
def files_dir(tmp_path, stored_files):
    folder = tmp_path / "files"
    folder.mkdir()
    (folder / "ky-nang-so.pdf").write_bytes(PDF)
    return folder


@pytest.fixture
def contributor(section, vocabularies):
    return section.organisation


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


def test_good_file_with_bom_imports_published_resources(contributor, files_dir, stored_files, tmp_path):
    path = write_csv(tmp_path / "good.csv", GOOD_ROWS, bom=True)

    code, out, err = run_import(path, "--files", files_dir, "--organisation", "dai-hoc-thai-nguyen")

    assert code == 0, err
    assert "3 created, 0 updated, 0 unchanged, 0 rejected" in out
    assert "[##############################] 3/3" in err
    document, link, tay = resources()
    assert [page.live for page in (document, tay, link)] == [True, True, True]
    assert document.get_parent().specific.organisation == contributor
    assert document.url_path.endswith("/dai-hoc-thai-nguyen/ky-nang-so-cho-nguoi-cao-tuoi/")
    assert sorted(document.subjects.values_list("slug", flat=True)) == ["ky-nang-so", "ky-nang-song"]
    assert document.level.slug == "moi-trinh-do"
    assert list(document.audiences.values_list("slug", flat=True)) == ["nguoi-cao-tuoi"]
    assert document.licence.code == "CC-BY-4.0"
    assert document.authors == "Nguyễn Thị Hoa; Trần Văn Minh"
    assert str(document.date_issued) == "2024-09-05"
    (attached,) = document.files.select_related("document")
    assert attached.document.original_filename == "ky-nang-so.pdf"
    assert attached.document.content_type == "application/pdf"
    assert len(attached.document.sha256) == 64
    assert (stored_files / attached.document.file.name).read_bytes() == PDF
    assert sorted(tay.languages.values_list("slug", flat=True)) == ["tyz", "vi"]
    assert str(tay.date_issued) == "2023-01-01"
    assert tay.licence.code == "CC-BY-NC-SA-4.0"
    assert link.resource_type == "link"
    assert link.external_url == "https://dichvucong.gov.vn/p/home/dvc-huong-dan.html"
    assert link.licence.code == "CC0-1.0"


def test_bad_rows_are_reported_by_line_and_good_rows_still_imported(contributor, tmp_path):
    rows = [
        GOOD_ROWS[1],
        {"identifier": "bad-1", "title": "Nuôi ong", "subjects": "Nuôi ong", "licence": "CC-BY-4.0"},
        {"identifier": "bad 2", "title": "", "licence": "CC-BY-4.0", "date_issued": "05/09/2024"},
        {"identifier": "bad-3", "title": "Không giấy phép"},
        {"identifier": "bad-4", "title": "Liên kết", "resource_type": "link", "licence": "MIT-0"},
        {
            "identifier": "bad-5",
            "title": "Tệp",
            "resource_type": "podcast",
            "licence": "CC0-1.0",
            "url": "ftp://x",
        },
        GOOD_ROWS[2],
        {**GOOD_ROWS[1], "title": "Lặp mã"},
    ]
    path = write_csv(tmp_path / "mixed.csv", rows)

    code, out, err = run_import(path, "--organisation", "dai-hoc-thai-nguyen")

    assert code == 1
    assert "2 created, 0 updated, 0 unchanged, 6 rejected" in out
    assert "line 3: unknown subject “Nuôi ong” (add it first, or import with --create-terms)" in err
    assert "line 4: identifier “bad 2” may hold only letters" in err
    assert "line 4: title is empty" in err
    assert "line 4: date_issued “05/09/2024” is not a date like 2024-09-05 or 2024" in err
    assert "line 5: a licence is required to publish" in err
    assert "line 6: unknown licence “MIT-0”" in err
    assert "line 6: a link resource needs a url" in err
    assert "line 7: url “ftp://x” is not a web address" in err
    assert "line 7: unknown resource_type “podcast”" in err
    assert "line 9: identifier “tnu-tay-002” is already used on line 2 of this file" in err
    assert "6 rows rejected." in err
    assert list(resources().values_list("identifier", flat=True)) == ["tnu-link-003", "tnu-tay-002"]


def test_reimport_updates_by_identifier_and_never_duplicates(contributor, files_dir, tmp_path):
    path = write_csv(tmp_path / "good.csv", GOOD_ROWS)
    assert run_import(path, "--files", files_dir, "--organisation", "dai-hoc-thai-nguyen")[0] == 0
    first = resources().get(identifier="tnu-kns-001")

    changed = [
        {**GOOD_ROWS[0], "title": "Kỹ năng số cho người cao tuổi (tái bản)", "licence": "CC-BY-SA-4.0"}
    ]
    code, out, _err = run_import(
        write_csv(tmp_path / "again.csv", changed),
        "--files",
        files_dir,
        "--organisation",
        "dai-hoc-thai-nguyen",
    )

    assert code == 0
    assert "0 created, 1 updated" in out
    assert resources().count() == 3
    again = resources().get(identifier="tnu-kns-001")
    assert again.pk == first.pk and again.slug == first.slug
    assert again.title == "Kỹ năng số cho người cao tuổi (tái bản)"
    assert again.licence.code == "CC-BY-SA-4.0"
    assert again.files.count() == 1
    assert get_document_model().objects.count() == 1  # the same bytes are not stored twice
    assert Revision.page_revisions.filter(object_id=str(again.pk)).count() == 2

    code, out, _err = run_import(
        write_csv(tmp_path / "again.csv", changed),
        "--files",
        files_dir,
        "--organisation",
        "dai-hoc-thai-nguyen",
    )
    assert "0 created, 0 updated, 1 unchanged, 0 rejected" in out
    assert Revision.page_revisions.filter(object_id=str(again.pk)).count() == 2  # no empty revision


def test_reimport_keeps_draft_changes_of_fields_the_file_leaves_empty(contributor, tmp_path):
    path = write_csv(tmp_path / "good.csv", GOOD_ROWS[1:2])
    run_import(path, "--organisation", "dai-hoc-thai-nguyen")
    page = resources().get()
    page.summary = "Tóm tắt do biên tập viên viết."
    page.save_revision()

    run_import(path, "--organisation", "dai-hoc-thai-nguyen")

    page.refresh_from_db()
    assert page.summary == "Tóm tắt do biên tập viên viết."


def test_identifier_of_another_organisations_resource_is_rejected(contributor, library, tmp_path):
    other = OrganisationSectionPageFactory(parent=library, organisation__slug="so-gd-dt")
    LearningResourcePageFactory(parent=other, identifier="tnu-tay-002", organisation=other.organisation)

    code, _out, err = run_import(
        write_csv(tmp_path / "good.csv", GOOD_ROWS[1:2]), "--organisation", "dai-hoc-thai-nguyen"
    )

    assert code == 1
    assert "line 2: identifier “tnu-tay-002” already belongs to a resource of" in err


def test_row_of_another_organisation_or_without_any_is_rejected(contributor, library, tmp_path):
    OrganisationSectionPageFactory(parent=library, organisation__slug="so-gd-dt")
    rows = [{**GOOD_ROWS[1], "organisation": "so-gd-dt"}, {**GOOD_ROWS[2], "organisation": "hoi-khuyen-hoc"}]
    path = write_csv(tmp_path / "orgs.csv", rows)

    code, _out, err = run_import(path, "--organisation", "dai-hoc-thai-nguyen")
    assert code == 1
    assert "line 2: the row names" in err and "but this import is for Đại học Thái Nguyên" in err
    assert "line 3: unknown organisation “hoi-khuyen-hoc”" in err

    code, _out, err = run_import(write_csv(tmp_path / "none.csv", GOOD_ROWS[1:2]))
    assert "line 2: no organisation: fill the organisation column or pass --organisation" in err


def test_xlsx_file_imports_like_csv(contributor, tmp_path):
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(COLUMNS)
    for row in GOOD_ROWS[1:]:
        sheet.append([row.get(column) for column in COLUMNS])
    sheet.append(["x-bad", "Không có mã giấy phép"])
    workbook.save(tmp_path / "resources.xlsx")

    code, out, err = run_import(tmp_path / "resources.xlsx", "--organisation", "dai-hoc-thai-nguyen")

    assert code == 1
    assert "2 created, 0 updated, 0 unchanged, 1 rejected" in out
    assert "line 4: a licence is required to publish" in err
    assert resources().count() == 2


def test_dry_run_checks_everything_and_writes_nothing(contributor, files_dir, stored_files, tmp_path):
    rows = [*GOOD_ROWS, {"identifier": "bad", "title": "x", "licence": "CC0-1.0", "level": "tien-si"}]
    path = write_csv(tmp_path / "good.csv", rows)
    subjects, revisions = Subject.objects.count(), Revision.objects.count()

    code, out, err = run_import(
        path, "--files", files_dir, "--organisation", "dai-hoc-thai-nguyen", "--dry-run", "--create-terms"
    )

    assert code == 1
    assert "Dry run, nothing written: 3 would be created, 0 updated, 1 rejected." in out
    assert "line 5: unknown education level “tien-si”" in err
    assert not LearningResourcePage.objects.exists()
    assert (Subject.objects.count(), Revision.objects.count()) == (subjects, revisions)
    assert not get_document_model().objects.exists()
    assert not stored_files.exists()


def test_unknown_subjects_and_audiences_are_created_only_when_asked(contributor, tmp_path):
    row = {**GOOD_ROWS[1], "subjects": "Nuôi ong lấy mật", "audiences": "Hợp tác xã"}
    path = write_csv(tmp_path / "new-terms.csv", [row, {**row, "identifier": "tnu-ong-2"}])

    code, _out, err = run_import(path, "--organisation", "dai-hoc-thai-nguyen")
    assert code == 1
    assert "line 2: unknown subject “Nuôi ong lấy mật”" in err
    assert "line 2: unknown audience “Hợp tác xã”" in err
    assert not Subject.objects.filter(slug="nuoi-ong-lay-mat").exists()

    code, out, _err = run_import(path, "--organisation", "dai-hoc-thai-nguyen", "--create-terms")
    assert code == 0
    assert out.count("new term") == 2  # once each, though both rows name them
    assert Subject.objects.filter(slug="nuoi-ong-lay-mat", name="Nuôi ong lấy mật").count() == 1
    assert Audience.objects.filter(slug="hop-tac-xa").count() == 1
    assert {page.subjects.get().slug for page in resources()} == {"nuoi-ong-lay-mat"}


def test_draft_option_saves_unpublished_revisions_and_allows_a_missing_licence(contributor, tmp_path):
    path = write_csv(tmp_path / "drafts.csv", [{**GOOD_ROWS[1], "licence": ""}, GOOD_ROWS[2]])

    code, _out, _err = run_import(path, "--organisation", "dai-hoc-thai-nguyen", "--draft")

    assert code == 0
    assert [page.live for page in resources()] == [False, False]
    tay = resources().get(identifier="tnu-tay-002")
    assert tay.licence is None
    assert tay.get_latest_revision_as_object().languages.count() == 2


def test_files_go_through_the_upload_rules(contributor, files_dir, tmp_path):
    (files_dir / "bai-giang.pdf").write_bytes(b"MZ\x90\x00" + b"\0" * 200)  # a Windows program named .pdf
    (tmp_path / "secret.pdf").write_bytes(PDF)
    rows = [
        {**GOOD_ROWS[0], "identifier": "f-1", "file": "bai-giang.pdf"},
        {**GOOD_ROWS[0], "identifier": "f-2", "file": "../secret.pdf"},
        {**GOOD_ROWS[0], "identifier": "f-3", "file": "khong-co.pdf"},
    ]
    path = write_csv(tmp_path / "files.csv", rows)

    code, _out, err = run_import(path, "--files", files_dir, "--organisation", "dai-hoc-thai-nguyen")
    assert code == 1
    assert "line 2: file “bai-giang.pdf”: This file is a program or script" in err
    assert "line 3: file “../secret.pdf” is outside the --files folder" in err
    assert "line 4: file “khong-co.pdf” not found in the --files folder" in err
    assert not LearningResourcePage.objects.exists()

    _code, _out, err = run_import(path, "--organisation", "dai-hoc-thai-nguyen")
    assert "line 2: the file column is filled but no folder was given with --files" in err


def test_crash_in_the_middle_of_a_row_leaves_no_half_created_resource(
    contributor, files_dir, stored_files, tmp_path, monkeypatch
):
    def crash(*args, **kwargs):
        raise RuntimeError("power cut")

    monkeypatch.setattr(LearningResourcePage, "save_revision", crash)
    row = {**GOOD_ROWS[0], "subjects": "Nuôi ong lấy mật"}
    path = write_csv(tmp_path / "crash.csv", [row])

    with pytest.raises(RuntimeError, match="power cut"):
        run_import(path, "--files", files_dir, "--organisation", "dai-hoc-thai-nguyen", "--create-terms")

    assert not LearningResourcePage.objects.exists()
    assert not Subject.objects.filter(slug="nuoi-ong-lay-mat").exists()
    assert not get_document_model().objects.exists()
    assert stored_files.is_dir()  # the file was written, then removed with the row
    assert not any(path.is_file() for path in stored_files.rglob("*"))


def test_organisation_without_a_section_is_reported_per_row(vocabularies, tmp_path):
    from tests.resources.factories import OrganisationFactory

    OrganisationFactory(slug="dai-hoc-thai-nguyen")

    code, _out, err = run_import(
        write_csv(tmp_path / "good.csv", GOOD_ROWS[1:2]), "--organisation", "dai-hoc-thai-nguyen"
    )

    assert code == 1
    assert "has no section in the library yet" in err


def test_unreadable_file_and_unknown_organisation_stop_the_command(contributor, tmp_path):
    assert run_import(tmp_path / "missing.csv")[2].endswith("No such file or directory")
    code, _out, err = run_import(write_csv(tmp_path / "good.csv", GOOD_ROWS), "--organisation", "khong-co")
    assert code == 1
    assert "No organisation with the slug “khong-co”." in err


@pytest.mark.parametrize(
    ("environment", "option", "expected"),
    [
        ({}, None, "vi"),
        ({"LANG": "C.UTF-8"}, None, "vi"),
        ({"LANG": "en_GB.UTF-8"}, None, "en"),
        ({}, "en", "en"),
    ],
)
def test_messages_follow_the_option_then_the_shell_locale_then_the_site(
    monkeypatch, environment, option, expected
):
    for variable in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(variable, raising=False)
    for variable, value in environment.items():
        monkeypatch.setenv(variable, value)

    with translation.override(None):
        use_language(option)
        assert translation.get_language() == expected


@pytest.mark.s3
def test_files_go_to_s3_and_a_failed_row_leaves_no_object(
    contributor, files_dir, s3_settings, tmp_path, monkeypatch
):
    prefix = f"import-{uuid.uuid4().hex[:8]}/private"
    s3_settings.STORAGES = {
        **s3_settings.STORAGES,
        "default": {"BACKEND": "media.storages.PrivateMediaStorage", "OPTIONS": {"location": prefix}},
    }
    path = write_csv(tmp_path / "good.csv", GOOD_ROWS[:1])
    assert run_import(path, "--files", files_dir, "--organisation", "dai-hoc-thai-nguyen")[0] == 0
    document = get_document_model().objects.get()
    storage = document.file.storage
    with storage.open(document.file.name) as stored:
        assert stored.read() == PDF

    (files_dir / "khac.pdf").write_bytes(PDF.replace(b"200 200", b"300 300"))
    monkeypatch.setattr(LearningResourcePage, "save_revision", lambda *args, **kwargs: 1 / 0)
    with pytest.raises(ZeroDivisionError):
        run_import(
            write_csv(tmp_path / "crash.csv", [{**GOOD_ROWS[0], "identifier": "s3-2", "file": "khac.pdf"}]),
            "--files",
            files_dir,
            "--organisation",
            "dai-hoc-thai-nguyen",
        )

    assert get_document_model().objects.count() == 1
    listed = storage.connection.meta.client.list_objects_v2(Bucket=storage.bucket_name, Prefix=prefix)
    assert [item["Key"] for item in listed["Contents"]] == [f"{prefix}/{document.file.name}"]
