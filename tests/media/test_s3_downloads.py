"""Presigned downloads against the real S3 server: headers, body, expiry, tampering, Range."""

import datetime
import urllib.error
import urllib.request
from urllib.parse import parse_qs, urlsplit

import pytest
from django.utils import timezone
from freezegun import freeze_time

from media.models import DownloadCounter
from tests.media import corpus

pytestmark = [pytest.mark.s3, pytest.mark.django_db]
BODY = corpus.pdf("darkgreen")


def fetch(url: str, headers: dict | None = None):
    return urllib.request.urlopen(urllib.request.Request(url, headers=headers or {}), timeout=10)


@pytest.fixture
def public_document(bucket, make_document, page_using):
    document = make_document(BODY, filename="Sổ tay học tập suốt đời.pdf")
    page_using(document)
    return document


def test_download_redirects_to_a_short_lived_presigned_url(client, public_document):
    response = client.get(public_document.url)

    assert response.status_code == 302
    assert response["Cache-Control"] == "private, no-store"
    location = response["Location"]
    query = parse_qs(urlsplit(location).query)
    assert query["X-Amz-Expires"] == ["300"]
    assert "X-Amz-Signature" in query
    assert DownloadCounter.objects.get(document=public_document).count == 1

    with fetch(location) as answer:
        assert answer.status == 200
        assert answer.read() == BODY
        assert answer.headers["Content-Type"] == "application/pdf"
        assert answer.headers["Content-Disposition"] == (
            'attachment; filename="So tay hoc tap suot doi.pdf"; '
            "filename*=UTF-8''S%E1%BB%95%20tay%20h%E1%BB%8Dc%20t%E1%BA%ADp%20su%E1%BB%91t%20%C4%91%E1%BB%9Di.pdf"
        )


def test_tampered_signature_is_refused(client, public_document):
    location = client.get(public_document.url)["Location"]
    signature = parse_qs(urlsplit(location).query)["X-Amz-Signature"][0]
    forged = location.replace(signature, ("0" if signature[0] != "0" else "1") + signature[1:])

    with pytest.raises(urllib.error.HTTPError) as refused:
        fetch(forged)
    assert refused.value.code == 403

    other_key = location.replace(".pdf?", "x.pdf?")  # the signature covers the key too
    with pytest.raises(urllib.error.HTTPError) as refused:
        fetch(other_key)
    assert refused.value.code == 403


def test_presigned_url_expires(client, public_document, settings):
    settings.MEDIA_DOWNLOAD_URL_EXPIRY = 60
    with freeze_time(timezone.now() - datetime.timedelta(minutes=5)):  # signed five minutes ago
        location = client.get(public_document.url)["Location"]

    with pytest.raises(urllib.error.HTTPError) as refused:
        fetch(location)
    assert refused.value.code == 403


def test_range_request_on_the_presigned_url(client, public_document):
    location = client.get(public_document.url, headers={"Range": "bytes=100-"})["Location"]

    with fetch(location, {"Range": "bytes=100-199"}) as answer:
        assert answer.status == 206
        assert answer.headers["Content-Range"] == f"bytes 100-199/{len(BODY)}"
        assert answer.read() == BODY[100:200]
    assert not DownloadCounter.objects.filter(document=public_document).exists()  # seeking is not a download


def test_missing_object_is_404(client, public_document, bucket):
    bucket.client.delete_object(Bucket=bucket.name, Key=f"{bucket.prefix}private/{public_document.file.name}")

    assert client.get(public_document.url).status_code == 404
