"""Importing a list of resources from the admin: check, preview, confirm, progress, report."""

import csv
import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.models import WorkflowState

from portal.imports.models import ImportJob
from portal.resources.models import LearningResourcePage
from tests.media import corpus
from tests.resources.import_support import COLUMNS, GOOD_ROWS

pytestmark = pytest.mark.django_db


@pytest.fixture
def vocabularies(db):
    from portal.core.reference_data import load_vocabularies

    load_vocabularies()


def sheet(rows) -> SimpleUploadedFile:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    writer.writerows(rows)
    return SimpleUploadedFile("danh-sach.csv", buffer.getvalue().encode("utf-8-sig"), "text/csv")


def archive(members: dict[str, bytes]) -> SimpleUploadedFile:
    return SimpleUploadedFile("tep.zip", corpus.zip_of(members), "application/zip")


ROWS = [
    {**GOOD_ROWS[0], "organisation": "", "identifier": "tnu-001", "file": "ky-nang-so.pdf"},
    {**GOOD_ROWS[2], "organisation": "", "identifier": "tnu-002"},
    {**GOOD_ROWS[0], "organisation": "", "identifier": "tnu-003", "licence": "", "file": ""},
    {**GOOD_ROWS[0], "organisation": "", "identifier": "tnu-004", "file": "khong-co.pdf"},
]


def upload(client, organisation, rows=ROWS, files=None):
    files = {"ky-nang-so.pdf": corpus.pdf()} if files is None else files
    return client.post(
        reverse("imports:new"),
        {"organisation": organisation.pk, "sheet": sheet(rows), "archive": archive(files)},
    )


def test_contributor_checks_a_list_sees_each_rows_errors_then_imports_drafts_for_approval(
    client, university, vocabularies, django_capture_on_commit_callbacks
):
    client.force_login(university.user)
    assert client.get(reverse("imports:new")).status_code == 200

    response = upload(client, university.organisation)

    job = ImportJob.objects.get()
    assert response.url == reverse("imports:job", args=[job.pk])
    preview = client.get(response.url).content.decode()
    assert "4 dòng" in preview and "2 dòng sẵn sàng" in preview
    assert "cần có giấy phép: hãy điền cột licence" in preview  # line 4: no licence
    assert "--draft" not in preview and "--files" not in preview  # advice for the admin, not the shell
    assert "không có tệp “khong-co.pdf” trong tệp ZIP" in preview  # line 5
    assert not LearningResourcePage.objects.exists()  # nothing written before confirming

    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("imports:confirm", args=[job.pk]))

    job.refresh_from_db()
    assert job.status == "done" and job.done == job.total == 4
    assert (job.report["created"], job.report["submitted"], len(job.report["rejected"])) == (2, 2, 2)
    pages = LearningResourcePage.objects.filter(identifier__in=["tnu-001", "tnu-002"])
    assert pages.count() == 2 and not any(page.live for page in pages)
    states = WorkflowState.objects.filter(status=WorkflowState.STATUS_IN_PROGRESS)
    assert sorted(int(state.object_id) for state in states) == sorted(page.pk for page in pages)
    assert pages.get(identifier="tnu-001").files.get().document.collection == university.collection
    report = client.get(reverse("imports:job", args=[job.pk])).content.decode()
    assert "2 đã thêm" in report or "Đã xong" in report
    assert not job.folder.exists()


def test_an_editors_import_is_published_at_once(
    client, university, editor, vocabularies, django_capture_on_commit_callbacks
):
    client.force_login(editor)
    upload(client, university.organisation, rows=ROWS[:2])
    job = ImportJob.objects.get()
    assert job.publish

    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("imports:confirm", args=[job.pk]))

    assert LearningResourcePage.objects.live().count() == 2
    assert not WorkflowState.objects.exists()


def test_a_contributor_cannot_import_into_another_organisation(client, university, department, vocabularies):
    client.force_login(university.user)

    response = upload(client, department.organisation)

    assert response.status_code == 200
    assert response.context["form"].errors["organisation"]
    assert not ImportJob.objects.exists()


@pytest.mark.parametrize(
    ("files", "message"),
    [
        ({"../../ngoai.pdf": b"%PDF-1.4"}, "đường dẫn không an toàn"),
    ],
)
def test_a_hostile_zip_is_refused_with_a_message_and_leaves_nothing(
    client, university, vocabularies, files, message, settings
):
    client.force_login(university.user)

    response = upload(client, university.organisation, files=files)

    assert response.status_code == 200
    assert message in " ".join(response.context["form"].non_field_errors()).lower()
    assert not ImportJob.objects.exists()
    assert not (settings.VAR_DIR / "imports").exists() or not any((settings.VAR_DIR / "imports").iterdir())


def test_a_damaged_sheet_gets_a_message(client, university, vocabularies):
    client.force_login(university.user)

    response = client.post(
        reverse("imports:new"),
        {
            "organisation": university.organisation.pk,
            "sheet": SimpleUploadedFile("ds.xlsx", b"PK\x03\x04 hong"),
        },
    )

    assert response.status_code == 200
    assert response.context["form"].non_field_errors()
    assert not ImportJob.objects.exists()


def test_people_without_a_section_see_no_import_screen(client, django_user_model, library):
    from portal.organisations.roles import permission

    user = django_user_model.objects.create_user("khach", "khach@example.org", "x")
    user.user_permissions.add(permission("wagtailadmin.access_admin"))
    client.force_login(user)

    assert client.get(reverse("imports:new")).status_code in {302, 403}
    assert reverse("imports:new") not in client.get(reverse("wagtailadmin_home")).content.decode()


def test_zip_helper_is_used(tmp_path):
    """The archive helper unpacks nested folders inside the job's own folder."""
    from portal.imports.jobs import unpack

    data = io.BytesIO()
    with zipfile.ZipFile(data, "w") as zipped:
        zipped.writestr("bai/1.pdf", b"%PDF")
    assert unpack(io.BytesIO(data.getvalue()), tmp_path) == 1
    assert (tmp_path / "bai" / "1.pdf").read_bytes() == b"%PDF"
