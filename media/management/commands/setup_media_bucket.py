"""Prepare the S3 bucket for the portal: public reads of ``public/`` only, CORS for uploads from
the admin, cleanup of stale parts.

Renditions and previews under ``public/`` are read by browsers without a signature; nothing else
is (no anonymous listing, ``private/`` only through presigned URLs). Browsers send the parts of a
large upload straight to S3, so the bucket must accept ``PUT`` from the portal's origin. Parts of
uploads never completed are removed after a week. Safe to run again after a deploy.
"""

import json

from botocore.exceptions import BotoCoreError, ClientError
from django.conf import settings
from django.core.files.storage import default_storage
from django.core.management.base import BaseCommand, CommandError

from media.storages import is_s3


class Command(BaseCommand):
    help = "Set CORS and the stale-upload lifecycle rule on the S3 bucket (no-op without S3)."

    def add_arguments(self, parser):
        parser.add_argument("--origin", action="append", help="allowed origin (default: SITE_URL)")

    def handle(self, *args, origin=None, **options):
        if not is_s3(default_storage):
            self.stdout.write("Files are on the local disk (no S3_BUCKET): nothing to set up.")
            return
        client, bucket = default_storage.connection.meta.client, default_storage.bucket_name
        origins = origin or [settings.WAGTAILADMIN_BASE_URL.rstrip("/")]
        cors = {
            "CORSRules": [
                {
                    "AllowedOrigins": origins,
                    "AllowedMethods": ["PUT"],
                    "AllowedHeaders": ["*"],
                    "ExposeHeaders": ["ETag"],
                    "MaxAgeSeconds": 3600,
                }
            ]
        }
        lifecycle = {
            "Rules": [
                {
                    "ID": "abort-stale-uploads",
                    "Status": "Enabled",
                    "Filter": {"Prefix": ""},
                    "AbortIncompleteMultipartUpload": {"DaysAfterInitiation": 7},
                }
            ]
        }
        public_prefix = f"{default_storage.location}/".replace("private/", "public/", 1).lstrip("/")
        policy = {
            "Version": "2012-10-17",
            "Statement": [
                {
                    "Sid": "PublicRenditionsAndPreviews",
                    "Effect": "Allow",
                    "Principal": "*",
                    "Action": ["s3:GetObject"],
                    "Resource": [f"arn:aws:s3:::{bucket}/{public_prefix}*"],
                }
            ],
        }
        try:
            client.put_bucket_policy(Bucket=bucket, Policy=json.dumps(policy))
            self.stdout.write(f"Policy: anonymous reads of {public_prefix}* only")
            client.put_bucket_cors(Bucket=bucket, CORSConfiguration=cors)
            self.stdout.write(f"CORS: PUT allowed from {', '.join(origins)}")
        except (BotoCoreError, ClientError) as error:
            raise CommandError(f"could not configure {bucket}: {error}") from None
        try:
            client.put_bucket_lifecycle_configuration(Bucket=bucket, LifecycleConfiguration=lifecycle)
            self.stdout.write("Lifecycle: incomplete uploads removed after 7 days")
        except ClientError as error:
            self.stderr.write(
                f"The S3 server refused the lifecycle rule ({error}); run `manage.py clean_uploads` daily instead."
            )
