"""Our S3 storage classes against the real SeaweedFS server: put, presigned get, no public read."""

import urllib.error
import urllib.request

import pytest
from django.core.files.base import ContentFile

from media.storages import PrivateMediaStorage

pytestmark = pytest.mark.s3


def test_put_and_presigned_get(s3_settings):
    storage = PrivateMediaStorage()
    name = storage.save("documents/2026/11/hoc-tap-suot-doi.txt", ContentFile("Học tập suốt đời".encode()))

    url = storage.url(name)
    with urllib.request.urlopen(url, timeout=5) as response:
        body = response.read()

    assert body.decode() == "Học tập suốt đời"
    assert "X-Amz-Signature=" in url
    assert name.startswith("documents/2026/11/")
    storage.delete(name)
    assert not storage.exists(name)


def test_private_objects_refuse_unsigned_reads(s3_settings):
    storage = PrivateMediaStorage()
    name = storage.save("documents/private.txt", ContentFile(b"noi bo"))
    unsigned = storage.url(name).split("?", 1)[0]

    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(unsigned, timeout=5)

    assert refused.value.code == 403
