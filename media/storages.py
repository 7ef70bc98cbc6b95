"""S3 storage classes, chosen by settings when ``S3_BUCKET`` is set (see ``STORAGES``).

One bucket, two prefixes: ``private/`` holds documents and originals, reached only through
short-lived presigned URLs; ``public/`` holds image renditions, cacheable for a year.
"""

from django.conf import settings
from storages.backends.s3 import S3Storage


class PortalS3Storage(S3Storage):
    defaults: dict = {}

    def __init__(self, **overrides):
        options = {
            "bucket_name": settings.S3_BUCKET,
            "endpoint_url": settings.S3_ENDPOINT_URL or None,
            "access_key": settings.S3_ACCESS_KEY_ID,
            "secret_key": settings.S3_SECRET_ACCESS_KEY,
            "region_name": settings.S3_REGION,
            "addressing_style": "path",
            "signature_version": "s3v4",
            "file_overwrite": False,
        }
        options.update(self.defaults)
        options.update(overrides)
        super().__init__(**options)


class PrivateMediaStorage(PortalS3Storage):
    defaults = {
        "location": "private",
        "default_acl": None,
        "querystring_auth": True,
        "querystring_expire": 300,
    }


class PublicMediaStorage(PortalS3Storage):
    defaults = {
        "location": "public",
        "default_acl": None,
        "querystring_auth": False,
        "custom_domain": settings.S3_PUBLIC_URL.split("://", 1)[-1].rstrip("/") or None,
        "object_parameters": {"CacheControl": "public, max-age=31536000, immutable"},
    }
