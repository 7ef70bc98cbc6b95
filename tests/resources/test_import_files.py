"""Files of an import: through the upload rules, crashes, languages, S3, and a ZIP unpacked into the storage."""

import io
import unicodedata
import uuid

import pytest
from django.utils import translation
from wagtail.documents import get_document_model

from portal.core.models import Subject
from portal.resources.importing import use_language
from portal.resources.importing_files import FileProblem
from portal.resources.models import LearningResourcePage
from tests.resources.import_support import GOOD_ROWS, PDF, run_import, write_csv


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


def test_a_zip_is_unpacked_into_the_storage_and_its_files_are_found_by_the_names_in_the_sheet(stored_files):
    from django.core.files.storage import default_storage

    from portal.resources.importing_files import StoredFolder, check_file, unpack_archive
    from portal.resources.importing_rows import ADMIN_HINTS
    from tests.media import corpus

    decomposed = unicodedata.normalize("NFD", "bài giảng/Kỹ năng số.pdf")  # as a Mac writes names
    folder = StoredFolder(default_storage, "imports/7/files")
    steps = []

    count = unpack_archive(
        io.BytesIO(corpus.zip_of({decomposed: PDF, "bai-2.pdf": PDF})),
        folder,
        lambda *step: steps.append(step),
    )

    assert count == 2 and steps == [(1, 2), (2, 2)]
    with translation.override("en"):
        found = check_file(folder, "bài giảng/Kỹ năng số.pdf", ADMIN_HINTS)  # typed in the sheet (NFC)
        assert found.facts.size == len(PDF)
        with found.open() as handle:
            assert handle.read() == PDF
        for name, message in [
            ("../secret.pdf", "file “../secret.pdf” points outside the ZIP"),
            ("bai-3.pdf", "file “bai-3.pdf” is not in the ZIP"),
        ]:
            with pytest.raises(FileProblem) as problem:
                check_file(folder, name, ADMIN_HINTS)
            assert str(problem.value) == message
