"""Test fixtures: real ES-API and S3 servers, the test database, a home page.

The database itself is chosen by ``portal.pytest_plugin`` before Django starts.

Fixtures that start servers are session-scoped and only start when a test asks for them.
"""

import os
from pathlib import Path

import pytest
from django.conf import settings

from tests import servers
from tests.browser import browser, page_with_js, page_without_js, wagtail_tree  # noqa: F401 - shared fixtures


@pytest.fixture(scope="session")
def django_db_modify_db_settings(django_db_modify_db_settings_parallel_suffix):
    """A test database per run, so parallel runs on one PostgreSQL server never collide."""
    test_settings = settings.DATABASES["default"].setdefault("TEST", {})
    if settings.DATABASES["default"]["ENGINE"].endswith("postgresql"):
        test_settings["NAME"] = f"test_portal_{os.getpid()}"


@pytest.fixture(scope="session", autouse=True)
def _counting_connections_closed(django_db_setup):
    """Search counts beside the page on threads of its own (outside transactions): their
    connections are closed before the test database is dropped."""
    yield
    from search.backends.beside import close_counting_connections

    close_counting_connections()


def filesystem_storages(root: Path) -> dict:
    """The filesystem profile's two storages, rooted in ``root``."""
    return {
        "default": {
            "BACKEND": "media.storages.PrivateFileSystemStorage",
            "OPTIONS": {"location": str(root / "private")},
        },
        "public": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(root / "public"), "base_url": "/media/"},
        },
    }


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    """Files and local data of each test stay in its own temporary folder, never under ``var/``."""
    settings.MEDIA_ROOT = tmp_path / "public"
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    settings.MEDIA_UPLOAD_TEMP_ROOT = tmp_path / "uploads"
    settings.VAR_DIR = tmp_path / "var"
    settings.STORAGES = {**settings.STORAGES, **filesystem_storages(tmp_path)}
    return tmp_path


@pytest.fixture(autouse=True)
def content_generation_of_its_own():
    """Each test starts a new generation of content: nothing kept for an earlier test's pages
    (which its rolled-back transaction took away) answers in this one."""
    from portal.core.caching import content_changed

    content_changed()


@pytest.fixture(autouse=True)
def usage_counts_kept_to_the_test(settings):
    """Usage counts wait in a buffer of the process: each test starts and ends with it empty, and
    it is written only when a test asks (a write in the middle of a request would add queries)."""
    from portal.usage import recording

    settings.USAGE_FLUSH_SECONDS = 24 * 3600
    recording.discard()
    yield
    recording.discard()


@pytest.fixture
def admin_user_in(django_user_model):
    """A user with admin access in ``group`` (None: in no group)."""

    from django.contrib.auth.models import Permission

    def make(username: str, group=None):
        user = django_user_model.objects.create_user(username, f"{username}@example.vn", "mat-khau-thu")
        user.user_permissions.add(Permission.objects.get(codename="access_admin"))
        if group is not None:
            user.groups.add(group)
        return user

    return make


@pytest.fixture(scope="session")
def elasticsearch_url(tmp_path_factory):
    with servers.elasticsearch_server(tmp_path_factory.mktemp("elasticsearch")) as url:
        yield url


@pytest.fixture(scope="session")
def s3_server(tmp_path_factory):
    with servers.s3_server(tmp_path_factory.mktemp("seaweedfs")) as server:
        yield server


@pytest.fixture
def s3_settings(settings, s3_server):
    """Point the media settings at the S3 test server for one test."""
    settings.S3_ENDPOINT_URL = s3_server.endpoint_url
    settings.S3_BUCKET = s3_server.bucket
    settings.S3_ACCESS_KEY_ID = s3_server.access_key
    settings.S3_SECRET_ACCESS_KEY = s3_server.secret_key
    return settings


@pytest.fixture
def home(db):
    """A Vietnamese home page at the root of the default site, as ``load_demo`` makes it."""
    from tests.factories import HomePageFactory, make_site_root

    return make_site_root(HomePageFactory())


@pytest.fixture
def library(home):
    """The library under the home page."""
    from tests.resources.factories import LibraryIndexPageFactory

    return LibraryIndexPageFactory(parent=home)


@pytest.fixture
def section(library):
    """One contributor's section of the library (the university's)."""
    from tests.resources.factories import OrganisationSectionPageFactory

    return OrganisationSectionPageFactory(
        parent=library, organisation__name="Đại học Thái Nguyên", organisation__slug="dai-hoc-thai-nguyen"
    )


@pytest.fixture
def make_document(db):
    """Store a document the way an accepted upload is stored."""
    import io

    from django.core.files.base import ContentFile
    from wagtail.models import Collection

    from media.models import PortalDocument
    from media.validation import validate_upload

    def make(
        data: bytes, filename: str = "Bài giảng số 1.pdf", title: str = "Bài giảng", collection=None
    ) -> PortalDocument:
        facts = validate_upload(io.BytesIO(data), filename)
        document = PortalDocument(
            title=title,
            collection=collection or Collection.get_first_root_node(),
            original_filename=facts.original_name,
            sha256=facts.sha256,
            content_type=facts.content_type,
        )
        document.file.save(facts.clean_name, ContentFile(data), save=False)
        document.save()
        return document

    return make


@pytest.fixture
def page_using(home):
    """A page under the home page whose body links to ``document``; published unless ``live=False``."""
    from wagtail.rich_text import RichText

    from portal.core.models import StandardPage

    def make(document, live: bool = True, slug: str = "trang-tai-lieu") -> StandardPage:
        page = StandardPage(
            title="Trang tài liệu",
            slug=slug,
            body=[("paragraph", RichText(f'<p><a linktype="document" id="{document.pk}">Tải về</a></p>'))],
            live=live,
        )
        home.add_child(instance=page)
        if live:
            page.save_revision().publish()
        return page

    return make


@pytest.fixture
def project_root() -> Path:
    return Path(__file__).resolve().parent.parent
