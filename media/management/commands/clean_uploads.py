"""Remove resumable uploads abandoned for more than a few days (parts on S3 or chunks on disk)."""

from datetime import timedelta

from django.core.management.base import BaseCommand
from django.utils import timezone

from media import uploads
from media.models import UploadSession


class Command(BaseCommand):
    help = "Abort upload sessions untouched for --days days (default 3) and delete their parts."

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=3)

    def handle(self, *args, days: int, **options):
        stale = UploadSession.objects.filter(updated_at__lt=timezone.now() - timedelta(days=days)).exclude(
            status=UploadSession.Status.DONE
        )
        removed = 0
        for session in stale:
            try:
                uploads.abort(session)
            except uploads.StoreUnavailable:
                self.stderr.write(f"file store unavailable; upload {session.pk} kept for the next run")
                continue
            removed += 1
        finished = UploadSession.objects.filter(
            status=UploadSession.Status.DONE, updated_at__lt=timezone.now() - timedelta(days=days)
        ).delete()[0]
        self.stdout.write(f"{removed} abandoned upload(s) removed, {finished} finished record(s) cleared.")
