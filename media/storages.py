"""Where files live: one S3 bucket with two prefixes, or two folders under ``var/``.

``private/`` holds documents and image originals, reached only through our download view and
short-lived presigned URLs (objects default to ``Content-Disposition: attachment``). ``public/``
holds image renditions and document previews, cacheable for a year because every name carries
a random part. The filesystem profile keeps the same split: only ``var/media`` (public) is ever
served under ``MEDIA_URL``; ``var/private`` never is.
"""

import secrets
from urllib.parse import quote

from botocore.config import Config
from botocore.exceptions import BotoCoreError, ClientError
from django.conf import settings
from django.core.files.storage import FileSystemStorage, storages
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.utils import timezone
from django.utils.functional import LazyObject, empty
from storages.backends.s3 import S3Storage

from portal.core.text import slugify


def dated_path(kind: str, filename: str) -> str:
    """``kind/YYYY/MM/<random>/<ascii-name>``: unguessable, never colliding, readable in a listing."""
    stem, dot, extension = filename.rpartition(".")
    if not dot:
        stem, extension = filename, ""
    safe_stem = slugify(stem)[:80].strip("-") or "tep"
    safe_extension = slugify(extension)[:10]
    name = f"{safe_stem}.{safe_extension}" if safe_extension else safe_stem
    now = timezone.now()
    return f"{kind}/{now:%Y}/{now:%m}/{secrets.token_urlsafe(8)}/{name}"


class PortalS3Storage(S3Storage):
    defaults: dict = {}

    def __init__(self, **overrides):
        timeout = settings.MEDIA_S3_TIMEOUT
        options = {
            "bucket_name": settings.S3_BUCKET,
            "endpoint_url": settings.S3_ENDPOINT_URL or None,
            "access_key": settings.S3_ACCESS_KEY_ID,
            "secret_key": settings.S3_SECRET_ACCESS_KEY,
            "region_name": settings.S3_REGION,
            "file_overwrite": False,
            # Fail fast when S3 is unreachable, so a page or download answers within seconds.
            "client_config": Config(
                s3={"addressing_style": "path"},
                signature_version="s3v4",
                connect_timeout=timeout,
                read_timeout=max(timeout, 30),
                retries={"max_attempts": 2, "mode": "standard"},
            ),
        }
        options.update(self.defaults)
        options.update(overrides)
        super().__init__(**options)

    def _get_write_parameters(self, name, content=None):
        """Store the sniffed type and the original (Vietnamese) filename with the object."""
        params = super()._get_write_parameters(name, content)
        original = getattr(content, "original_filename", None)
        if original:
            params["Metadata"] = {**params.get("Metadata", {}), "original-filename": quote(original)}
        return params


class PrivateMediaStorage(PortalS3Storage):
    defaults = {
        "location": "private",
        "default_acl": None,
        "querystring_auth": True,
        "querystring_expire": 300,
        "object_parameters": {"ContentDisposition": "attachment", "CacheControl": "private, max-age=300"},
    }


class PublicMediaStorage(PortalS3Storage):
    def __init__(self, **overrides):
        public_url = settings.S3_PUBLIC_URL
        self.defaults = {
            "location": "public",
            "default_acl": None,
            "querystring_auth": False,
            "custom_domain": public_url.split("://", 1)[-1].rstrip("/") or None,
            "url_protocol": public_url.split("://", 1)[0] + ":" if public_url else "https:",
            "object_parameters": {"CacheControl": "public, max-age=31536000, immutable"},
        }
        super().__init__(**overrides)


class PrivateFileSystemStorage(FileSystemStorage):
    """Documents on disk outside ``MEDIA_ROOT``, so no static-file route can reach them."""

    def __init__(self, location=None, **kwargs):
        super().__init__(
            location=location or settings.PRIVATE_MEDIA_ROOT, base_url="/private-media/", **kwargs
        )


def is_s3(storage) -> bool:
    return isinstance(storage, S3Storage)


def store_answers(storage) -> bool:
    """Whether the S3 bucket answers now (always true on the filesystem profile)."""
    if not is_s3(storage):
        return True
    try:
        storage.connection.meta.client.head_bucket(Bucket=storage.bucket_name)
    except (BotoCoreError, ClientError):
        return False
    return True


class _PublicStorage(LazyObject):
    """``storages["public"]``, looked up when first used rather than when models load."""

    def _setup(self):
        self._wrapped = storages["public"]


_public = _PublicStorage()


def public_storage():
    """Storage of renditions and previews (``WAGTAILIMAGES_RENDITION_STORAGE`` points here)."""
    return _public


@receiver(setting_changed)
def _storages_changed(*, setting, **kwargs):
    if setting == "STORAGES":
        _public._wrapped = empty
