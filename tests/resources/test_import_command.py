"""``manage.py import_resources``: good files, bad rows, re-imports, XLSX, dry runs, new terms."""

from openpyxl import Workbook
from wagtail.documents import get_document_model
from wagtail.models import PageLogEntry, ReferenceIndex, Revision

from portal.core.models import Audience, Language, Subject
from portal.resources.models import LearningResourcePage
from tests.resources.factories import LearningResourcePageFactory, OrganisationSectionPageFactory
from tests.resources.import_support import COLUMNS, GOOD_ROWS, PDF, resources, run_import, write_csv


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


def test_a_published_import_looks_like_publishing_in_the_admin(
    contributor, files_dir, tmp_path, client, admin_user, django_capture_on_commit_callbacks
):
    path = write_csv(tmp_path / "one.csv", GOOD_ROWS[:1])
    with django_capture_on_commit_callbacks(execute=True):  # the batched index updates run at the end
        code, _out, err = run_import(path, "--files", files_dir, "--organisation", "dai-hoc-thai-nguyen")
    assert code == 0, err

    (page,) = resources()
    assert page.live and not page.has_unpublished_changes and page.first_published_at
    assert page.live_revision == page.latest_revision
    assert page.live_revision.as_object().title == "Kỹ năng số cho người cao tuổi"
    history = PageLogEntry.objects.filter(page=page).order_by("pk").values_list("action", flat=True)
    assert list(history) == ["wagtail.create", "wagtail.publish"]
    document = page.files.get().document
    assert ReferenceIndex.get_references_to(document).filter(object_id=str(page.pk)).exists()

    client.force_login(admin_user)  # the editor's page search finds it
    found = client.get("/admin/pages/search/", {"q": "người cao tuổi"}).content.decode()
    assert f"/admin/pages/{page.pk}/edit/" in found
    client.logout()  # a citizen downloads its file: a live page uses it, so it is public
    assert client.get(page.url).status_code == 200
    assert client.get(document.url).status_code in (200, 302)


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


def test_any_iso_language_is_recognised_and_added_only_when_asked(contributor, tmp_path):
    rows = [
        {"identifier": "zh-1", "title": "An toàn lao động", "licence": "CC0-1.0", "languages": "zh"},
        {"identifier": "zh-2", "title": "Nội quy nhà máy", "licence": "CC0-1.0", "languages": "Chinese; vi"},
        {"identifier": "zh-3", "title": "Từ vựng cơ bản", "licence": "CC0-1.0", "languages": "tiếng Trung"},
        {"identifier": "xx-4", "title": "Không rõ", "licence": "CC0-1.0", "languages": "tiếng Sao Hỏa"},
    ]
    path = write_csv(tmp_path / "zh.csv", rows)

    code, out, err = run_import(path, "--organisation", "dai-hoc-thai-nguyen")
    assert code == 1 and "0 created" in out
    assert "line 2: unknown language “zh” (add it first, or import with --create-terms)" in err

    code, out, err = run_import(path, "--organisation", "dai-hoc-thai-nguyen", "--create-terms")
    assert "3 created, 0 updated, 0 unchanged, 1 rejected" in out
    assert "line 5: unknown language “tiếng Sao Hỏa”" in err
    chinese = Language.objects.get(slug="zh")
    assert (chinese.name, chinese.name_en, chinese.native_name) == ("Tiếng Trung", "Chinese", "中文")
    assert {page.identifier for page in chinese.resources.all()} == {"zh-1", "zh-2", "zh-3"}


def test_a_level_is_found_with_or_without_its_acronym(contributor, tmp_path):
    rows = [
        {"identifier": f"thpt-{number}", "title": f"Ôn thi {number}", "licence": "CC0-1.0", "level": level}
        for number, level in enumerate(["Trung học phổ thông", "THPT", "trung hoc pho thong (thpt)"])
    ]
    code, _out, err = run_import(
        write_csv(tmp_path / "thpt.csv", rows), "--organisation", "dai-hoc-thai-nguyen"
    )

    assert code == 0, err
    assert {page.level.name for page in resources()} == {"Trung học phổ thông (THPT)"}


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
