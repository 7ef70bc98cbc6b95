"""``manage.py import_resources FILE [--files DIR] [--organisation SLUG] [--dry-run]``."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from portal.organisations.models import Organisation
from portal.resources.importing import add_language_argument, import_rows, use_language
from portal.resources.importing_readers import COLUMNS, ImportFileError, read_rows
from portal.resources.importing_rows import RowChecker


class ProgressBar:
    """A one-line text bar on stderr, redrawn in place: "[#####-----] 12/40"."""

    def __init__(self, stream, total: int, width: int = 30):
        self.stream, self.total, self.width = stream, total, width

    def __call__(self, done: int) -> None:
        filled = self.width * done // self.total if self.total else self.width
        self.stream.write(f"\r[{'#' * filled}{'-' * (self.width - filled)}] {done}/{self.total}", ending="")
        self.stream.flush()
        if done == self.total:
            self.stream.write("")


class Command(BaseCommand):
    help = (
        "Import learning resources from a CSV (UTF-8, with or without BOM) or XLSX file with the columns "
        f"{', '.join(COLUMNS)}. Rows are matched by identifier: importing again updates, never "
        "duplicates, and an empty cell leaves that field as it is. Bad rows are reported with their line "
        "number and skipped; the exit code is 1 when any row was rejected."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)
        parser.add_argument("--files", type=Path, help="Folder holding the files named in the file column.")
        parser.add_argument("--organisation", help="Slug of the organisation the rows belong to.")
        parser.add_argument("--dry-run", action="store_true", help="Check every row and write nothing.")
        parser.add_argument(
            "--create-terms",
            action="store_true",
            help="Add unknown subjects and audiences to the vocabularies.",
        )
        parser.add_argument("--draft", action="store_true", help="Save as drafts instead of publishing.")
        add_language_argument(parser)

    def handle(self, *args, **options):
        use_language(options["language"])
        organisation = None
        if options["organisation"]:
            organisation = Organisation.objects.filter(slug=options["organisation"]).first()
            if organisation is None:
                raise CommandError(
                    _("No organisation with the slug “%(slug)s”.") % {"slug": options["organisation"]}
                )
        files_dir = options["files"]
        if files_dir is not None and not files_dir.is_dir():
            raise CommandError(_("The --files folder %(path)s does not exist.") % {"path": files_dir})
        try:
            rows = read_rows(options["file"])
        except ImportFileError as error:
            raise CommandError(str(error)) from None
        checker = RowChecker(
            organisation=organisation,
            files_dir=files_dir,
            unknown_terms="create" if options["create_terms"] else "reject",
            publish=not options["draft"],
        )
        report = import_rows(
            rows,
            checker,
            publish=not options["draft"],
            dry_run=options["dry_run"],
            progress=ProgressBar(self.stderr, len(rows)) if rows else None,
        )
        for error in report.rejected:
            for reason in error.reasons:
                self.stderr.write(_("line %(line)d: %(reason)s") % {"line": error.line, "reason": reason})
        for term in report.new_terms:
            self.stdout.write(_("new term %(term)s") % {"term": term})
        self.stdout.write(self._summary(report, options["dry_run"]))
        if report.rejected:
            raise CommandError(
                ngettext("%(count)d row rejected.", "%(count)d rows rejected.", len(report.rejected))
                % {"count": len(report.rejected)},
                returncode=1,
            )

    def _summary(self, report, dry_run: bool) -> str:
        counts = {
            "created": report.created,
            "updated": report.updated,
            "unchanged": report.unchanged,
            "rejected": len(report.rejected),
        }
        if dry_run:
            return (
                _(
                    "Dry run, nothing written: %(created)d would be created, %(updated)d updated, "
                    "%(rejected)d rejected."
                )
                % counts
            )
        return (
            _(
                "Imported: %(created)d created, %(updated)d updated, %(unchanged)d unchanged, %(rejected)d rejected."
            )
            % counts
        )
