"""Bulk import of learning resources: check each row, then save it in a transaction of its own.

A bad row is reported with its line number and skipped; the good rows are imported. A crash in
the middle of a row rolls that row back (page, new terms and the files it wrote), so the library
never holds half a resource. ``--dry-run`` runs every check and writes nothing.
"""

import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from django.conf import settings
from django.db import DatabaseError, transaction
from django.utils import translation
from django.utils.translation import gettext as _

from portal.resources.importing_files import remove_stored
from portal.resources.importing_pages import (
    CREATED,
    UPDATED,
    WriteError,
    existing_resource,
    save_resource,
)
from portal.resources.importing_readers import SourceRow
from portal.resources.importing_rows import ResourceData, RowChecker, RowError
from search.signals import batched_updates


@dataclass
class RowOutcome:
    """What became of one row: ``outcome`` (created, updated, unchanged) or ``error``."""

    row: SourceRow
    data: ResourceData | None
    outcome: str = ""
    error: RowError | None = None


@dataclass
class ImportReport:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    rejected: list[RowError] = field(default_factory=list)
    new_terms: list[str] = field(default_factory=list)
    rows: list[RowOutcome] = field(default_factory=list)


def import_rows(
    rows: Iterable[SourceRow],
    checker: RowChecker,
    *,
    publish: bool = True,
    dry_run: bool = False,
    progress: Callable[[int], None] | None = None,
) -> ImportReport:
    with batched_updates():
        return _import_rows(rows, checker, publish=publish, dry_run=dry_run, progress=progress)


def _import_rows(rows, checker, *, publish, dry_run, progress) -> ImportReport:
    report = ImportReport()
    lines: dict[str, int] = {}  # identifier → the line that first gave it
    for done, row in enumerate(rows, start=1):
        data = None
        try:
            data = checker.check(row)
            if lines.setdefault(data.identifier, row.line) != row.line:
                raise RowError(row.line, [_duplicate(data.identifier, lines[data.identifier])])
            new_terms = data.new_terms
            if dry_run:
                outcome = UPDATED if existing_resource(data.identifier) else CREATED
            else:
                outcome = save_checked(data, publish=publish)
        except RowError as error:
            report.rejected.append(error)
            report.rows.append(RowOutcome(row, data, error=error))
        else:
            setattr(report, outcome, getattr(report, outcome) + 1)
            report.rows.append(RowOutcome(row, data, outcome))
            for term in new_terms:  # in a dry run, rows naming the same new term share it
                label = f"{term._meta.verbose_name}: {term.name}"
                if label not in report.new_terms:
                    report.new_terms.append(label)
        if progress:
            progress(done)
    return report


def _duplicate(identifier: str, line: int) -> str:
    return _("identifier “%(identifier)s” is already used on line %(line)d of this file") % {
        "identifier": identifier,
        "line": line,
    }


def save_checked(data, *, publish: bool) -> str:
    """Save one checked row in its own transaction; returns what happened, raises ``RowError``."""
    new_terms = data.new_terms
    stored: list = []
    try:
        with transaction.atomic():
            return save_resource(data, publish=publish, stored=stored)
    except (WriteError, DatabaseError) as error:
        _undo(stored, new_terms)
        raise RowError(data.line, [str(error)]) from None
    except BaseException:
        _undo(stored, new_terms)
        raise


def _undo(stored: list, new_terms: list) -> None:
    """After a rollback: remove written files; terms that were rolled back become unsaved again."""
    remove_stored(stored)
    for term in new_terms:
        term.pk = None
        term._state.adding = True


# --- shared by the management commands ---------------------------------------------------------
def add_language_argument(parser) -> None:
    parser.add_argument(
        "--language",
        choices=[code for code, _name in settings.LANGUAGES],
        help="Language of the messages (default: from LANGUAGE/LC_ALL/LANG, else the site's language).",
    )


def use_language(code: str | None) -> None:
    """Messages in ``code``, else in the language of the shell's locale when the site has it."""
    supported = {language for language, _name in settings.LANGUAGES}
    if not code:
        for variable in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
            candidate = os.environ.get(variable, "").split(":")[0].split("_")[0].split(".")[0].lower()
            if candidate in supported:
                code = candidate
                break
    translation.activate(code or settings.LANGUAGE_CODE)
