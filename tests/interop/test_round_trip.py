"""Two portals: the second harvests the first over OAI-PMH (``harvest_oai``) and gets every
published, public resource with its identifier, title, licence and subjects — and nothing else.

The first portal is a real server in a process of its own, with its own SQLite database and
media, filled through the same commands an operator would use; the second is the test database.
"""

import csv
import os
import socket
import subprocess
import sys
import time
import urllib.request
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command

from portal.resources.models import LearningResourcePage

pytestmark = pytest.mark.django_db
ROOT = Path(__file__).resolve().parents[2]
SUBJECTS = ["Kỹ năng số", "Sức khỏe", "Pháp luật"]
LICENCES = ["CC-BY-4.0", "CC-BY-SA-4.0", "CC0-1.0"]
PUBLISHED = 42


def rows(numbers, prefix="TN-RT") -> list[dict]:
    return [
        {
            "identifier": f"{prefix}-{number:03}",
            "title": f"Học liệu mở số {number}: {SUBJECTS[number % 3].lower()} cho mọi người",
            "summary": "Tài liệu ngắn, dễ hiểu, dùng được ở trung tâm học tập cộng đồng.",
            "subjects": SUBJECTS[number % 3] + (";" + SUBJECTS[(number + 1) % 3] if number % 5 == 0 else ""),
            "licence": LICENCES[number % 3],
            "resource_type": "link",
            "url": f"https://hoclieu.example.vn/tai-lieu/{number}",
        }
        for number in numbers
    ]


def write_csv(path: Path, entries: list[dict]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(entries[0]))
        writer.writeheader()
        writer.writerows(entries)
    return path


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="module")
def first_portal(tmp_path_factory):
    """The providing portal: reference data, one organisation, 42 published and 2 draft resources."""
    folder = tmp_path_factory.mktemp("first-portal")
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DATABASE_URL", "ELASTICSEARCH", "S3_"))
    }
    env.update(
        VAR_DIR=str(folder / "var"), DJANGO_ENV="development", TASKS_BACKEND="immediate", OAI_PAGE_SIZE="10"
    )

    def manage(*args):
        subprocess.run(
            [sys.executable, "manage.py", *args], cwd=ROOT, env=env, check=True, capture_output=True
        )

    manage("migrate", "--noinput")
    manage("load_reference_data")
    manage("create_contributor", "Trường Đại học Sư phạm Thái Nguyên", "--email", "hoclieu@dhsptn.edu.vn")
    published = write_csv(folder / "published.csv", rows(range(1, PUBLISHED + 1)))
    drafts = write_csv(folder / "drafts.csv", rows(range(1, 3), prefix="TN-NHAP"))
    manage("import_resources", str(published), "--organisation", "truong-dai-hoc-su-pham-thai-nguyen")
    manage("import_resources", str(drafts), "--organisation", "truong-dai-hoc-su-pham-thai-nguyen", "--draft")
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "manage.py", "runserver", f"127.0.0.1:{port}", "--noreload"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}/oai"
    deadline = time.monotonic() + 60
    while True:
        try:
            urllib.request.urlopen(f"{url}?verb=Identify", timeout=2).read()
            break
        except OSError:
            if time.monotonic() > deadline or server.poll() is not None:
                server.kill()
                pytest.fail("the first portal did not start")
            time.sleep(0.3)
    yield url
    server.terminate()
    server.wait(timeout=10)


def test_the_second_portal_gets_every_published_resource_of_the_first(
    first_portal, section, vocabularies, settings
):
    settings.OUTGOING_ALLOWED_HOSTS = ["127.0.0.1"]  # the first portal runs on this machine
    call_command("harvest_oai", first_portal, organisation=section.organisation.slug, stdout=StringIO())

    harvested = {
        page.identifier: page
        for page in LearningResourcePage.objects.live().select_related("licence").prefetch_related("subjects")
    }
    expected = {row["identifier"]: row for row in rows(range(1, PUBLISHED + 1))}
    assert sorted(harvested) == sorted(f"oai:127.0.0.1:{identifier}" for identifier in expected)
    for identifier, row in expected.items():
        page = harvested[f"oai:127.0.0.1:{identifier}"]
        assert page.title == row["title"]
        assert page.licence.code == row["licence"]
        assert sorted(subject.name for subject in page.subjects.all()) == sorted(row["subjects"].split(";"))
        assert page.external_url.startswith("http://127.0.0.1:")  # links back to the first portal's page
    assert not LearningResourcePage.objects.filter(identifier__contains="TN-NHAP").exists()
