"""``manage.py backup_portal DIR``: a consistent database dump, every stored file and a manifest,
in a new ``DIR/portal-backup-<UTC time>/`` folder that appears only once complete."""

import time
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from portal.backups import archive
from portal.backups.progress import ProgressLine, human_size


class Command(BaseCommand):
    help = "Back up the database and the media files of both storages into a new folder under DIR."

    def add_arguments(self, parser):
        parser.add_argument("directory", type=Path, help="folder that receives the new backup folder")

    def handle(self, *args, directory: Path, **options):
        started = time.monotonic()
        self.stdout.write(f"Backing up the portal into {directory} …")
        try:
            folder = archive.backup(directory, progress=ProgressLine(self.stdout, "copied"))
        except (archive.BackupError, OSError) as error:
            raise CommandError(f"backup failed, nothing was kept: {error}") from None
        manifest = archive.read_manifest(folder)
        size = sum(entry["size"] for entry in manifest["files"])
        self.stdout.write(
            f"Database: {manifest['database']['vendor']} dump, {human_size(manifest['database']['size'])}."
        )
        for alias, storage in manifest["storages"].items():
            self.stdout.write(f"Storage '{alias}': {storage['files']} files, {human_size(storage['size'])}.")
        for entry in manifest["vanished_during_backup"]:
            self.stderr.write(
                f"Deleted while the backup ran, not included: {entry['storage']}:{entry['name']}"
            )
        self.stdout.write(
            self.style.SUCCESS(
                f"Backup complete: {folder} ({len(manifest['files'])} files, {human_size(size)}, "
                f"{time.monotonic() - started:.1f}s)"
            )
        )
