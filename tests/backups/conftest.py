"""A portal with real content to back up, and a fresh PostgreSQL database to restore it into.

The content is committed (transactional tests), because ``pg_dump`` reads the database from a
session of its own. The restored portal runs in a subprocess, configured only through the
environment as an operator would configure it.
"""

import json
import os
import subprocess
import sys
import uuid
from pathlib import Path

import psycopg
import pytest
import wagtail_factories
from django.conf import settings
from django.db import connection
from django.urls import reverse

from tests.factories import HomePageFactory, make_site_root
from tests.media.conftest import bucket, wagtail_basics  # noqa: F401 - shared fixtures
from tests.resources.factories import (
    LearningResourcePageFactory,
    LibraryIndexPageFactory,
    OrganisationSectionPageFactory,
    ResourceFileFactory,
)
from tests.resources.import_support import PDF

ROOT = Path(__file__).resolve().parents[2]
TITLE = "Kỹ thuật trồng chè an toàn cho nông hộ"

# Run inside the restored portal: serve the resource page, download its file, search for it.
CHECK = """
import hashlib, json, sys, urllib.request
import django
django.setup()
from django.test import Client
from wagtail.images import get_image_model

page_url, download_url, title, words = sys.argv[1:5]
client = Client()
page = client.get(page_url)
download = client.get(download_url)
if download.status_code == 302:  # S3: a presigned address on the file store
    body = urllib.request.urlopen(download["Location"], timeout=10).read()
else:
    body = b"".join(download.streaming_content) if download.streaming else download.content
image = get_image_model().objects.get()
with image.file.open("rb") as handle:
    image_bytes = handle.read()
search = client.get("/api/search/", {"q": words})
print(json.dumps({
    "page_status": page.status_code,
    "page_shows_title": title in page.content.decode(),
    "download_status": download.status_code,
    "download_sha256": hashlib.sha256(body).hexdigest(),
    "image_sha256": hashlib.sha256(image_bytes).hexdigest(),
    "renditions_stored": [r.file.storage.exists(r.file.name) for r in image.renditions.all()],
    "search_titles": [hit["title"] for hit in search.json()["results"]],
}))
"""


class Content:
    """What the source portal holds, as the assertions need it."""

    def __init__(self, resource, document, image):
        self.page_url = resource.url
        self.download_url = reverse("media:download", args=[document.pk, document.filename])
        self.document_sha256 = document.sha256
        with image.file.open("rb") as handle:
            self.image_bytes = handle.read()


@pytest.fixture
def portal_content(wagtail_basics, make_document) -> Content:  # noqa: F811 - fixture names
    """A published resource page in a contributor's section with a PDF attached and a picture
    (original and one rendition), committed to the test database."""
    home = make_site_root(HomePageFactory())
    library = LibraryIndexPageFactory(parent=home)
    section = OrganisationSectionPageFactory(
        parent=library, organisation__name="Đại học Thái Nguyên", organisation__slug="dai-hoc-thai-nguyen"
    )
    image = wagtail_factories.ImageFactory(title="Đồi chè Tân Cương")
    image.get_rendition("fill-120x80")
    resource = LearningResourcePageFactory(parent=section, title=TITLE, thumbnail=image)
    document = make_document(PDF, filename="Sổ tay trồng chè.pdf", title="Sổ tay trồng chè")
    ResourceFileFactory(page=resource, document=document, label="Sổ tay")
    resource.save_revision().publish()
    return Content(resource, document, image)


@pytest.fixture
def fresh_database_url():
    """The address of a new, empty PostgreSQL database beside the test database; dropped afterwards."""
    if connection.vendor != "postgresql":
        pytest.skip("restoring a PostgreSQL dump needs PostgreSQL")
    config = settings.DATABASES["default"]
    server = {
        "host": config["HOST"] or "127.0.0.1",
        "port": config["PORT"] or 5432,
        "user": config["USER"] or "postgres",
        "password": config["PASSWORD"] or None,
    }
    name = f"restored_{os.getpid()}_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(dbname="postgres", autocommit=True, **server) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    password = f":{server['password']}" if server["password"] else ""
    yield f"postgres://{server['user']}{password}@{server['host']}:{server['port']}/{name}"
    with psycopg.connect(dbname="postgres", autocommit=True, **server) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def portal_environment(database_url: str, var_dir: Path, **extra: str) -> dict:
    """The environment of a second portal: its own database and ``VAR_DIR``, nothing inherited
    from the first one's configuration."""
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DATABASE_URL", "ELASTICSEARCH", "S3_", "REDIS_URL"))
    }
    env.update(
        DATABASE_URL=database_url,
        VAR_DIR=str(var_dir),
        DJANGO_ENV="development",
        DJANGO_SETTINGS_MODULE="portal.settings",
        TASKS_BACKEND="immediate",
        **extra,
    )
    return env


def manage(env: dict, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )


def visit(env: dict, content: Content, words: str) -> dict:
    """Use the restored portal as a visitor would; returns what it saw."""
    result = subprocess.run(
        [sys.executable, "-c", CHECK, content.page_url, content.download_url, TITLE, words],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return json.loads(result.stdout.strip().splitlines()[-1])
