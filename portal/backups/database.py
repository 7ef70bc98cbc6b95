"""The database half of a backup: a consistent dump and its restore, for PostgreSQL and SQLite.

PostgreSQL goes through ``pg_dump --format=custom`` (one snapshot, so the dump is consistent while
the portal runs) and ``pg_restore --single-transaction`` (all or nothing). SQLite goes through
its online backup API, which copies a consistent image even while other connections write.
"""

import os
import shutil
import sqlite3
import subprocess
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.db.migrations.loader import MigrationLoader
from django.db.migrations.recorder import MigrationRecorder


class DatabaseError(Exception):
    """The dump or restore failed; the message says why in one or two lines."""


def vendor() -> str:
    return connection.vendor  # "postgresql" or "sqlite"


def dump_filename() -> str:
    return "database.dump" if vendor() == "postgresql" else "database.sqlite3"


def _pg_environment() -> dict:
    """libpq variables for the configured database, so no password appears on a command line."""
    config = connection.settings_dict
    env = dict(os.environ)
    values = {
        "PGHOST": config.get("HOST") or "",
        "PGPORT": str(config.get("PORT") or ""),
        "PGUSER": config.get("USER") or "",
        "PGPASSWORD": config.get("PASSWORD") or "",
        "PGDATABASE": str(connection.settings_dict["NAME"]),
        "PGSSLMODE": (config.get("OPTIONS") or {}).get("sslmode", ""),
    }
    env.update({key: value for key, value in values.items() if value})
    return env


def _run(command: list[str]) -> None:
    if shutil.which(command[0]) is None:
        raise DatabaseError(f"{command[0]} is not installed (Debian: apt-get install postgresql-client)")
    result = subprocess.run(command, env=_pg_environment(), capture_output=True, text=True)
    if result.returncode != 0:
        detail = (result.stderr or result.stdout).strip().splitlines()
        raise DatabaseError(f"{command[0]} failed: {' / '.join(detail[-3:]) or result.returncode}")


def _read_only(path) -> str:
    return f"{Path(path).resolve().as_uri()}?mode=ro"


def dump(destination: Path) -> None:
    """Write a consistent copy of the configured database to ``destination``."""
    if vendor() == "postgresql":
        _run(["pg_dump", "--format=custom", "--no-password", f"--file={destination}"])
    elif vendor() == "sqlite":
        source = sqlite3.connect(_read_only(connection.settings_dict["NAME"]), uri=True)
        target = sqlite3.connect(destination)
        try:
            with target:
                source.backup(target)
        finally:
            target.close()
            source.close()
    else:
        raise DatabaseError(f"backups support PostgreSQL and SQLite, not {vendor()}")


def restore(source: Path) -> None:
    """Replace the configured database's objects with those of the dump at ``source``."""
    connection.close()  # our own idle session must not hold anything the restore needs
    if vendor() == "postgresql":
        _run(
            [
                "pg_restore", "--no-password", "--single-transaction", "--clean", "--if-exists",
                "--no-owner", "--no-privileges", f"--dbname={connection.settings_dict['NAME']}", str(source),
            ]
        )  # fmt: skip
    else:
        backup = sqlite3.connect(_read_only(source), uri=True)
        target = sqlite3.connect(connection.settings_dict["NAME"])
        try:
            with target:
                backup.backup(target)
        finally:
            target.close()
            backup.close()
    connection.close()


def applied_migrations() -> dict[str, str]:
    """The latest applied migration of each app (names sort by their number)."""
    latest: dict[str, str] = {}
    for app_label, name in MigrationRecorder(connection).applied_migrations():
        if name > latest.get(app_label, ""):
            latest[app_label] = name
    return dict(sorted(latest.items()))


def unknown_migrations(recorded: dict[str, str]) -> list[str]:
    """Migrations a backup had applied that this code does not have: it came from newer code."""
    known = set(MigrationLoader(None, ignore_no_migrations=True).disk_migrations)
    return [f"{app}.{name}" for app, name in sorted(recorded.items()) if (app, name) not in known]


def pending_migrations() -> int:
    """How many of the code's migrations the (restored) database has not applied yet."""
    executor = MigrationExecutor(connection)
    return len(executor.migration_plan(executor.loader.graph.leaf_nodes()))


def _count(sql: str, table: str, tables: set[str]) -> int:
    if table not in tables:
        return 0
    with connection.cursor() as cursor:
        cursor.execute(sql)
        return cursor.fetchone()[0]


def content_summary() -> dict[str, int]:
    """What the configured database holds beyond what migrations create (nothing when fresh).

    Wagtail's migrations add a root page and a plain welcome page; any page of the portal's own
    types, any account, document or image counts as content."""
    tables = set(connection.introspection.table_names())
    quote = connection.ops.quote_name
    document_table = apps.get_model(settings.WAGTAILDOCS_DOCUMENT_MODEL)._meta.db_table
    image_table = apps.get_model(settings.WAGTAILIMAGES_IMAGE_MODEL)._meta.db_table
    pages = _count(
        "SELECT COUNT(*) FROM wagtailcore_page p JOIN django_content_type c ON p.content_type_id = c.id "
        "WHERE NOT (c.app_label = 'wagtailcore' AND c.model = 'page')",
        "wagtailcore_page",
        tables,
    )
    summary = {
        "pages": pages,
        "accounts": _count("SELECT COUNT(*) FROM auth_user", "auth_user", tables),
        "documents": _count(f"SELECT COUNT(*) FROM {quote(document_table)}", document_table, tables),
        "images": _count(f"SELECT COUNT(*) FROM {quote(image_table)}", image_table, tables),
    }
    return {what: count for what, count in summary.items() if count}
