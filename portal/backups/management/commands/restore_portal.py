"""``manage.py restore_portal BACKUP_FOLDER``: check every file against the manifest, then restore
the database and the stored files into a fresh portal (an occupied one only with ``--force``)."""

from pathlib import Path

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from portal.backups import archive
from portal.backups.progress import ProgressLine, human_size
from portal.core.caching import content_changed


class Command(BaseCommand):
    help = "Restore a backup made by backup_portal into the configured (empty) database and storages."

    def add_arguments(self, parser):
        parser.add_argument("folder", type=Path, help="a portal-backup-… folder")
        parser.add_argument(
            "--force", action="store_true", help="replace the content of a portal that is not empty"
        )
        parser.add_argument(
            "--skip-damaged",
            action="store_true",
            help="restore even when some files do not match the manifest, leaving those out",
        )
        parser.add_argument(
            "--rebuild-search-index", action="store_true", help="run search_index --rebuild afterwards"
        )

    def handle(
        self, *args, folder: Path, force: bool, skip_damaged: bool, rebuild_search_index: bool, **options
    ):
        self.stdout.write(f"Checking {folder} against its manifest …")
        try:
            report = archive.restore(
                folder,
                force=force,
                skip_damaged=skip_damaged,
                progress=ProgressLine(self.stdout, "restored"),
                verify_progress=ProgressLine(self.stdout, "checked"),
            )
        except (archive.BackupError, OSError) as error:
            raise CommandError(f"restore failed: {error}") from None
        content_changed()  # nothing kept from the content before the restore may answer
        for problem in report.skipped:
            self.stderr.write(f"Not restored (does not match the manifest): {problem}")
        self.stdout.write(
            self.style.SUCCESS(
                f"Restored the database and {report.files} files ({human_size(report.size)}) from {folder}."
            )
        )
        if report.pending_migrations:
            self.stdout.write(
                f"The code has {report.pending_migrations} migration(s) the backup lacks: "
                "run `manage.py migrate` now."
            )
        if rebuild_search_index and not report.pending_migrations:
            call_command("search_index", "--rebuild", stdout=self.stdout, stderr=self.stderr)
        else:
            self.stdout.write("Next: rebuild the search indexes with `manage.py search_index --rebuild`.")
