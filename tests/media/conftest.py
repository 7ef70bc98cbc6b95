"""Media fixtures: per-test folders for the filesystem profile, a fresh bucket for S3 tests."""

import uuid

import boto3
import pytest

from tests import servers


def s3_storages(prefix: str = "") -> dict:
    return {
        "default": {
            "BACKEND": "media.storages.PrivateMediaStorage",
            "OPTIONS": {"location": f"{prefix}private"},
        },
        "public": {
            "BACKEND": "media.storages.PublicMediaStorage",
            "OPTIONS": {"location": f"{prefix}public"},
        },
    }


class Bucket:
    """The test's own prefix in the server's bucket, with the helpers the assertions need.

    (A bucket per test would be simpler, but SeaweedFS gives each bucket its own volumes and
    runs out of them after a few dozen.)
    """

    def __init__(self, server, prefix: str = ""):
        self.server, self.name, self.prefix = server, server.bucket, prefix
        self.client = boto3.client(
            "s3",
            endpoint_url=server.endpoint_url,
            aws_access_key_id=server.access_key,
            aws_secret_access_key=server.secret_key,
            region_name="us-east-1",
        )

    def object_keys(self) -> list[str]:
        """Object keys under the prefix, without it."""
        pages = self.client.get_paginator("list_objects_v2").paginate(Bucket=self.name, Prefix=self.prefix)
        return sorted(item["Key"][len(self.prefix) :] for page in pages for item in page.get("Contents", []))

    def head(self, key: str) -> dict:
        return self.client.head_object(Bucket=self.name, Key=self.prefix + key)

    def multipart_uploads(self) -> list[str]:
        uploads = self.client.list_multipart_uploads(Bucket=self.name, Prefix=self.prefix).get("Uploads", [])
        return [upload["Key"] for upload in uploads]


def use_s3(settings, server, prefix: str = "") -> None:
    settings.S3_ENDPOINT_URL = server.endpoint_url
    settings.S3_BUCKET = server.bucket
    settings.S3_ACCESS_KEY_ID = server.access_key
    settings.S3_SECRET_ACCESS_KEY = server.secret_key
    settings.MEDIA_S3_TIMEOUT = 1
    settings.STORAGES = {**settings.STORAGES, **s3_storages(prefix)}


@pytest.fixture
def bucket(settings, s3_server) -> Bucket:
    """The S3 profile on the shared SeaweedFS server, under a prefix of this test's own."""
    prefix = f"test-{uuid.uuid4().hex[:12]}/"
    use_s3(settings, s3_server, prefix)
    return Bucket(s3_server, prefix)


@pytest.fixture
def own_s3_server(tmp_path):
    """A SeaweedFS server for one test only, for tests that stop it."""
    workdir = tmp_path / "seaweedfs-own"
    workdir.mkdir()
    with servers.s3_server(workdir) as server:
        yield server


@pytest.fixture
def editor_client(db, django_user_model):
    """A client logged in as an editor with full admin access (separate from ``client``)."""
    from django.test import Client

    user = django_user_model.objects.create_superuser("bien-tap", "bien-tap@example.org", "mat-khau-dai-123")
    client = Client()
    client.force_login(user)
    client.user = user
    return client


@pytest.fixture
def wagtail_basics(transactional_db):
    """What Wagtail's migrations create (locale, root page, site, root collection), which the
    flush after a transactional test removes; recreated so these tests do not depend on order."""
    from wagtail.models import Collection, Locale, Page, Site

    Locale.objects.get_or_create(language_code="vi")
    root = Page.get_first_root_node() or Page.add_root(title="Root", slug="root")
    Site.objects.get_or_create(is_default_site=True, defaults={"hostname": "localhost", "root_page": root})
    if not Collection.objects.exists():
        Collection.add_root(name="Root")
