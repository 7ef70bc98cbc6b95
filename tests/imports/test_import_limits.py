"""The admin's import stays within its limits: a huge sheet or a hostile ZIP is refused with a
message the contributor understands, the request never waits for the check, and nothing the
upload wrote is left behind."""

import time
import zipfile

import pytest
from django.urls import reverse

from portal.imports.models import ImportJob
from portal.resources.models import LearningResourcePage
from tests.imports.support import (
    sheet,
    stored_under_imports,
    timed,
    understated_zip,
    upload,
    xlsx_sheet,
    zeros_zip,
    zip_upload,
)
from tests.resources.import_support import GOOD_ROWS

pytestmark = pytest.mark.django_db
MB = 1024 * 1024


def report(capsys, title: str, figures: dict) -> None:
    with capsys.disabled():
        print(f"\n{title}: " + ", ".join(f"{name} {seconds:.2f} s" for name, seconds in figures.items()))


def upload_then_check(client, organisation, sheet_file, archive, capture, figures) -> ImportJob:
    """Upload as the browser does, then let the worker run the check it was given."""
    with capture() as callbacks, timed(figures, "request"):
        response = upload(client, organisation, sheet_file, archive)
    job = ImportJob.objects.get()
    assert response.status_code == 302 and response.url == reverse("imports:job", args=[job.pk])
    assert (job.status, job.total) == ("checking", 0)  # nothing was read in the request
    waiting = client.get(response.url).content.decode()
    assert 'http-equiv="refresh"' in waiting and "waiting to be read and checked" in waiting
    with timed(figures, "check"):
        for callback in callbacks:
            callback()
    job.refresh_from_db()
    return job


def test_a_sheet_of_100000_rows_is_refused_by_the_check_not_by_a_timeout(
    client, contributor_in_english, django_capture_on_commit_callbacks, capsys
):
    figures = {}
    with timed(figures, "writing the sheet"):
        big_sheet = xlsx_sheet(100_000)

    job = upload_then_check(
        client,
        contributor_in_english.organisation,
        big_sheet,
        None,
        django_capture_on_commit_callbacks,
        figures,
    )

    assert job.status == "failed"
    page = client.get(reverse("imports:job", args=[job.pk])).content.decode()
    assert "The sheet has more than 10,000 rows: split it into files of at most 10,000 rows" in page
    assert 'http-equiv="refresh"' not in page
    assert stored_under_imports() == [] and not LearningResourcePage.objects.exists()
    report(capsys, f"100,000-row XLSX ({big_sheet.size / MB:.1f} MB) refused", figures)
    assert figures["request"] < 10 and figures["check"] < 60


@pytest.mark.slow
def test_a_sheet_at_the_limit_is_checked_by_the_worker_while_the_request_returns_at_once(
    client, contributor_in_english, django_capture_on_commit_callbacks, capsys
):
    figures = {}
    job = upload_then_check(
        client,
        contributor_in_english.organisation,
        xlsx_sheet(10_000),
        None,
        django_capture_on_commit_callbacks,
        figures,
    )

    assert (job.status, job.total, job.done, len(job.accepted)) == ("checked", 10_000, 10_000, 10_000)
    with timed(figures, "preview page"):
        page = client.get(reverse("imports:job", args=[job.pk])).content.decode()
    assert "10000 rows checked: 10000 ready, 0 with errors" in page
    assert "Import the rows that are ready" in page
    report(capsys, "10,000-row XLSX checked", figures)
    assert figures["request"] < 10


def test_the_job_page_shows_how_far_the_check_has_got_and_refreshes_itself(client, contributor_in_english):
    job = ImportJob.objects.create(
        user=contributor_in_english.user,
        organisation=contributor_in_english.organisation,
        sheet_name="danh-sach.xlsx",
        total=8000,
        done=2000,
    )

    page = client.get(reverse("imports:job", args=[job.pk])).content.decode()

    assert '<meta http-equiv="refresh" content="2">' in page
    assert '<progress max="8000" value="2000"' in page
    assert "Checking the list: 2000 of 8000 rows checked (25%)" in page
    assert "Import the rows that are ready" not in page

    ImportJob.objects.filter(pk=job.pk).update(total=0, report={"files": 40, "unpacked": 10})
    page = client.get(reverse("imports:job", args=[job.pk])).content.decode()
    assert "Unpacking the ZIP: 10 of 40 files." in page


def refused_on_the_form(client, contributor, archive) -> str:
    response = upload(client, contributor.organisation, sheet(GOOD_ROWS[:1]), archive)
    assert response.status_code == 200
    assert not ImportJob.objects.exists() and stored_under_imports() == []
    return " ".join(response.context["form"].errors["archive"])


def test_a_zip_of_zeros_over_the_unpacked_limit_is_refused_before_anything_is_written(
    client, contributor_in_english, settings
):
    settings.IMPORT_ZIP_MAX_SIZE = 1 * MB

    message = refused_on_the_form(client, contributor_in_english, zeros_zip(files=5, size=512 * 1024))

    assert message == "The ZIP unpacks to more than 1.0\xa0MB."


def test_the_zip_bomb_of_five_100_mb_files_is_refused_with_the_default_limits(
    client, contributor_in_english, capsys
):
    bomb = zeros_zip(files=5, size=100 * MB)
    started = time.perf_counter()

    message = refused_on_the_form(client, contributor_in_english, bomb)

    assert "“bai-0.pdf” in the ZIP unpacks to more than 100 times its packed size" in message
    report(
        capsys,
        f"ZIP bomb ({bomb.size / 1024:.0f} KB → 500 MB) refused",
        {"request": time.perf_counter() - started},
    )


def test_a_zip_whose_header_understates_a_size_fails_its_check_and_leaves_nothing(
    client, contributor_in_english, django_capture_on_commit_callbacks, settings
):
    settings.IMPORT_ZIP_MAX_SIZE = 1 * MB
    liar = understated_zip("ky-nang-so.pdf", size=4 * MB, declared=1000)

    job = upload_then_check(
        client,
        contributor_in_english.organisation,
        sheet(GOOD_ROWS[:1]),
        liar,
        django_capture_on_commit_callbacks,
        {},
    )

    assert job.status == "failed"
    page = client.get(reverse("imports:job", args=[job.pk])).content.decode()
    assert "The ZIP file is damaged or incomplete." in page
    assert stored_under_imports() == []


def test_a_300_character_name_in_the_zip_gets_a_message(client, contributor_in_english):
    name = "bai-giang-" + "a" * 286 + ".pdf"

    message = refused_on_the_form(client, contributor_in_english, zip_upload({name: b"%PDF-1.4"}))

    assert (
        message
        == "A name in the ZIP is longer than 200 characters (“bai-giang-aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa…”); shorten it."
    )


def test_a_zip_with_too_many_files_is_refused(client, contributor_in_english, settings):
    settings.IMPORT_ZIP_MAX_FILES = 3
    files = {f"bai-{number}.pdf": b"%PDF-1.4" for number in range(4)}

    message = refused_on_the_form(client, contributor_in_english, zip_upload(files))

    assert message == "The ZIP holds more than 3 files; split it and import the list in parts."


def symlink(name: str, target: str):
    info = zipfile.ZipInfo(name)
    info.create_system = 3  # Unix
    info.external_attr = 0o120777 << 16
    return info, target.encode()


@pytest.mark.parametrize(
    ("member", "expected"),
    [
        ("../../ngoai.pdf", "The ZIP contains an unsafe path (../../ngoai.pdf)."),
        ("/etc/cron.d/bai.pdf", "The ZIP contains an unsafe path (/etc/cron.d/bai.pdf)."),
        ("C:/Windows/bai.pdf", "The ZIP contains an unsafe path (C:/Windows/bai.pdf)."),
        ("bai\\..\\..\\ngoai.pdf", "The ZIP contains an unsafe path (bai\\..\\..\\ngoai.pdf)."),
        (
            symlink("ky-nang-so.pdf", "/etc/passwd"),
            "The ZIP contains a link (ky-nang-so.pdf) instead of a file; put the file itself in the ZIP.",
        ),
    ],
)
def test_a_zip_with_an_unsafe_entry_is_refused(client, contributor_in_english, member, expected):
    name, data = member if isinstance(member, tuple) else (member, b"%PDF-1.4")
    archive = zip_upload({})
    buffer = archive.file
    buffer.seek(0)
    buffer.truncate()
    with zipfile.ZipFile(buffer, "w") as zipped:
        zipped.writestr(name, data)
    buffer.seek(0)
    archive.size = len(buffer.getvalue())

    assert refused_on_the_form(client, contributor_in_english, archive) == expected
