"""Bucket setup and the cleanup of abandoned uploads."""

import io
import urllib.error
import urllib.request
from datetime import timedelta

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import storages
from django.core.management import call_command
from wagtail.models import Collection

from media import uploads
from media.models import UploadSession

pytestmark = pytest.mark.django_db


@pytest.mark.s3
def test_setup_media_bucket_allows_uploads_from_the_portal(bucket, settings, capsys):
    settings.WAGTAILADMIN_BASE_URL = "https://hoclieu.thainguyen.example"

    call_command("setup_media_bucket")

    public = storages["public"].save("previews/x.webp", ContentFile(b"RIFF"))
    private = storages["default"].save("documents/x.pdf", ContentFile(b"%PDF"))
    base = f"{bucket.server.endpoint_url}/{bucket.name}/{bucket.prefix}"
    with urllib.request.urlopen(f"{base}public/{public}", timeout=5) as answer:
        assert answer.read() == b"RIFF"
    for forbidden in (f"{base}private/{private}", f"{bucket.server.endpoint_url}/{bucket.name}?list-type=2"):
        with pytest.raises(urllib.error.HTTPError) as refused:
            urllib.request.urlopen(forbidden, timeout=5)
        assert refused.value.code == 403
    rules = bucket.client.get_bucket_cors(Bucket=bucket.name)["CORSRules"]
    assert rules[0]["AllowedOrigins"] == ["https://hoclieu.thainguyen.example"]
    assert rules[0]["AllowedMethods"] == ["PUT"]
    assert "ETag" in rules[0]["ExposeHeaders"]


def test_setup_media_bucket_without_s3_says_so(capsys):
    call_command("setup_media_bucket")
    assert "nothing to set up" in capsys.readouterr().out


@pytest.mark.s3
def test_clean_uploads_aborts_abandoned_multipart_uploads(bucket, admin_user):
    session = uploads.start(
        user=admin_user,
        filename="cu.mp4",
        size=6 * 1024 * 1024,
        title="Cũ",
        collection=Collection.get_first_root_node(),
    )
    fresh = uploads.start(
        user=admin_user, filename="moi.mp4", size=6 * 1024 * 1024, title="Mới", collection=session.collection
    )
    UploadSession.objects.filter(pk=session.pk).update(updated_at=session.updated_at - timedelta(days=4))
    assert len(bucket.multipart_uploads()) == 2

    call_command("clean_uploads")

    assert list(UploadSession.objects.values_list("pk", flat=True)) == [fresh.pk]
    assert len(bucket.multipart_uploads()) == 1


def test_clean_uploads_removes_chunks_on_disk(admin_user, media_root):
    session = uploads.start(
        user=admin_user, filename="cu.mp4", size=100, title="Cũ", collection=Collection.get_first_root_node()
    )
    uploads.receive_chunk(session, 1, io.BytesIO(b"x" * 100))
    assert (media_root / "uploads" / str(session.pk) / "1.part").exists()
    UploadSession.objects.filter(pk=session.pk).update(updated_at=session.updated_at - timedelta(days=4))

    call_command("clean_uploads")

    assert not UploadSession.objects.exists()
    assert not (media_root / "uploads" / str(session.pk)).exists()
