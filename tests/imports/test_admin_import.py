"""Importing a list of resources from the admin: upload, check, preview, confirm, progress, report."""

import uuid

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.models import WorkflowState

from portal.imports.models import ImportJob
from portal.resources.models import LearningResourcePage
from tests.imports.support import sheet, stored_under_imports, zip_upload
from tests.media import corpus
from tests.resources.import_support import GOOD_ROWS

pytestmark = pytest.mark.django_db

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
        {"organisation": organisation.pk, "sheet": sheet(rows), "archive": zip_upload(files)},
    )


def test_contributor_checks_a_list_sees_each_rows_errors_then_imports_drafts_for_approval(
    client, university, vocabularies, django_capture_on_commit_callbacks
):
    client.force_login(university.user)
    assert client.get(reverse("imports:new")).status_code == 200

    with django_capture_on_commit_callbacks(execute=True):  # the worker checks the list
        response = upload(client, university.organisation)

    job = ImportJob.objects.get()
    assert response.url == reverse("imports:job", args=[job.pk])
    preview = client.get(response.url).content.decode()
    assert "4 dòng" in preview and "2 dòng sẵn sàng" in preview
    assert "cần có giấy phép: hãy điền cột licence" in preview  # line 4: no licence
    assert "--draft" not in preview and "--files" not in preview  # advice for the admin, not the shell
    assert "không có tệp “khong-co.pdf” trong tệp ZIP" in preview  # line 5
    assert 'http-equiv="refresh"' not in preview
    assert not LearningResourcePage.objects.exists()  # nothing written before confirming
    assert sorted(stored_under_imports()) == [
        f"imports/{job.pk}/files/ky-nang-so.pdf",
        f"imports/{job.pk}/sheet.csv",
    ]  # the ZIP itself is gone once unpacked

    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("imports:confirm", args=[job.pk]))
        client.post(reverse("imports:confirm", args=[job.pk]))  # pressed twice: imported once

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
    assert stored_under_imports() == []


def test_an_editors_import_is_published_at_once(
    client, university, editor, vocabularies, django_capture_on_commit_callbacks
):
    client.force_login(editor)
    with django_capture_on_commit_callbacks(execute=True):
        upload(client, university.organisation, rows=ROWS[:2])
    job = ImportJob.objects.get()
    assert job.publish

    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("imports:confirm", args=[job.pk]))

    assert LearningResourcePage.objects.live().count() == 2
    assert not WorkflowState.objects.exists()


def test_cancelling_a_checked_list_removes_it_and_its_files(
    client, university, vocabularies, django_capture_on_commit_callbacks
):
    client.force_login(university.user)
    with django_capture_on_commit_callbacks(execute=True):
        upload(client, university.organisation)
    job = ImportJob.objects.get()

    response = client.post(reverse("imports:cancel", args=[job.pk]))

    assert response.url == reverse("imports:new")
    assert not ImportJob.objects.exists() and stored_under_imports() == []


def test_a_contributor_cannot_import_into_another_organisation(client, university, department, vocabularies):
    client.force_login(university.user)

    response = upload(client, department.organisation)

    assert response.status_code == 200
    assert response.context["form"].errors["organisation"]
    assert not ImportJob.objects.exists()


def test_a_hostile_zip_is_refused_on_the_form_and_leaves_nothing(client, university, vocabularies):
    client.force_login(university.user)

    response = upload(client, university.organisation, files={"../../ngoai.pdf": b"%PDF-1.4"})

    assert response.status_code == 200
    assert "đường dẫn không an toàn" in " ".join(response.context["form"].errors["archive"]).lower()
    assert not ImportJob.objects.exists() and stored_under_imports() == []


def test_a_damaged_sheet_fails_its_check_with_a_message_and_leaves_nothing(
    client, contributor_in_english, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("imports:new"),
            {
                "organisation": contributor_in_english.organisation.pk,
                "sheet": SimpleUploadedFile("ds.xlsx", b"PK\x03\x04 hong"),
            },
        )

    job = ImportJob.objects.get()
    assert job.status == "failed"
    page = client.get(response.url).content.decode()
    assert "The file is not a readable Excel workbook (.xlsx)." in page
    assert "nothing was written and the uploaded files were removed" in page
    assert stored_under_imports() == []


def test_a_sheet_over_the_size_limit_is_refused_on_the_form(client, contributor_in_english, settings):
    settings.IMPORT_MAX_SHEET_SIZE = 1024

    response = client.post(
        reverse("imports:new"),
        {
            "organisation": contributor_in_english.organisation.pk,
            "sheet": sheet([{**GOOD_ROWS[0], "summary": "x" * 2000}]),
        },
    )

    assert response.status_code == 200
    assert response.context["form"].errors["sheet"] == [
        "The list is larger than 1.0\xa0KB: split it into smaller files."
    ]
    assert not ImportJob.objects.exists() and stored_under_imports() == []


def test_people_without_a_section_see_no_import_screen(client, django_user_model, library):
    from portal.organisations.roles import permission

    user = django_user_model.objects.create_user("khach", "khach@example.org", "x")
    user.user_permissions.add(permission("wagtailadmin.access_admin"))
    client.force_login(user)

    assert client.get(reverse("imports:new")).status_code in {302, 403}
    assert reverse("imports:new") not in client.get(reverse("wagtailadmin_home")).content.decode()


@pytest.mark.s3
def test_the_upload_the_check_and_the_import_meet_only_in_s3(
    client, university, vocabularies, s3_settings, django_capture_on_commit_callbacks
):
    """The web server and the worker share no disk in production: everything goes through S3."""
    location = f"import-{uuid.uuid4().hex[:8]}/private"
    s3_settings.STORAGES = {
        **s3_settings.STORAGES,
        "default": {"BACKEND": "media.storages.PrivateMediaStorage", "OPTIONS": {"location": location}},
    }
    client.force_login(university.user)

    with django_capture_on_commit_callbacks(execute=True):
        upload(client, university.organisation, rows=ROWS[:1])
    job = ImportJob.objects.get()
    assert (job.status, len(job.accepted)) == ("checked", 1)
    assert sorted(stored_under_imports()) == [
        f"imports/{job.pk}/files/ky-nang-so.pdf",
        f"imports/{job.pk}/sheet.csv",
    ]

    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("imports:confirm", args=[job.pk]))

    job.refresh_from_db()
    assert job.status == "done" and job.report["created"] == 1
    document = LearningResourcePage.objects.get().files.get().document
    with document.file.open() as stored:
        assert stored.read() == corpus.pdf()
    assert stored_under_imports() == []
