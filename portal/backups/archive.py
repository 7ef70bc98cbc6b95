"""Backups of the whole portal: the database dump, every stored file and a manifest tying them.

A backup is a folder ``portal-backup-<UTC time>/`` holding ``manifest.json``, the database dump
and ``files/<storage alias>/<name>``. It is written under a hidden ``.….partial`` name and renamed
only once complete, so a folder with the final name is always a whole backup. The database is
dumped first and the files copied after: every file the dump refers to existed when it was
taken, and files added meanwhile are simply extra. Files go through the Django storage API, so
the filesystem and S3 profiles are backed up and restored the same way.
"""

import hashlib
import json
import shutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from importlib import metadata
from pathlib import Path, PurePosixPath

from django.conf import settings
from django.core.files import File
from django.core.files.storage import storages
from storages.backends.s3 import S3Storage

from portal.backups import database

FORMAT = "hoclieu-thainguyen-backup"
FORMAT_VERSION = 1
MANIFEST = "manifest.json"
FILES = "files"
STORAGE_ALIASES = ("default", "public")  # private documents and originals; renditions and previews
CHUNK = 1024 * 1024

Progress = Callable[[int, int, int], None]  # (files done, files in all, bytes so far)


class BackupError(Exception):
    """The backup or restore cannot go on; the message is meant for the operator as is."""


@dataclass
class Problem:
    storage: str
    name: str
    reason: str

    def __str__(self) -> str:
        return f"{self.storage}:{self.name}: {self.reason}"


@dataclass
class RestoreReport:
    files: int = 0
    size: int = 0
    skipped: list[Problem] = field(default_factory=list)
    pending_migrations: int = 0


def _nothing(done: int, total: int, size: int) -> None:
    pass


def portal_version() -> str:
    try:
        return metadata.version("hoclieu-thainguyen")
    except metadata.PackageNotFoundError:
        return "unknown"


def stored_names(storage) -> Iterator[str]:
    """Every file name in ``storage``. S3 is listed flat (one request per thousand objects);
    other storages are walked folder by folder."""
    if isinstance(storage, S3Storage):
        prefix = f"{storage.location.strip('/')}/" if storage.location.strip("/") else ""
        for item in storage.bucket.objects.filter(Prefix=prefix):
            if not item.key.endswith("/"):
                yield item.key[len(prefix) :]
        return
    yield from _walk(storage, "")


def _walk(storage, folder: str) -> Iterator[str]:
    try:
        folders, files = storage.listdir(folder)
    except FileNotFoundError:
        return  # a storage nothing was ever written to
    for name in sorted(files):
        yield f"{folder}/{name}" if folder else name
    for name in sorted(folders):
        yield from _walk(storage, f"{folder}/{name}" if folder else name)


def _local_path(root: Path, alias: str, name: str) -> Path:
    """Where a stored file sits inside a backup; names that would leave the folder are refused."""
    parts = PurePosixPath(name).parts
    if alias not in STORAGE_ALIASES or not parts or name.startswith("/") or ".." in parts:
        raise BackupError(f"unsafe file name in the manifest: {alias}:{name}")
    return root / FILES / alias / Path(*parts)


def _copy(source, target) -> tuple[int, str]:
    digest, size = hashlib.sha256(), 0
    while chunk := source.read(CHUNK):
        digest.update(chunk)
        target.write(chunk)
        size += len(chunk)
    return size, digest.hexdigest()


def _digest(path: Path) -> tuple[int, str]:
    digest, size = hashlib.sha256(), 0
    with path.open("rb") as handle:
        while chunk := handle.read(CHUNK):
            digest.update(chunk)
            size += len(chunk)
    return size, digest.hexdigest()


def _storage_description(storage) -> dict:
    kind = type(storage)
    description = {"backend": f"{kind.__module__}.{kind.__qualname__}"}
    if isinstance(storage, S3Storage):
        description.update(bucket=storage.bucket_name, location=storage.location)
    return description


# --- backup ----------------------------------------------------------------------------------


def backup(parent: Path, progress: Progress = _nothing) -> Path:
    """Write a complete backup into a new folder under ``parent`` and return that folder."""
    parent.mkdir(parents=True, exist_ok=True)
    created = datetime.now(UTC).replace(microsecond=0)
    stem = f"portal-backup-{created:%Y%m%dT%H%M%SZ}"
    final, number = parent / stem, 1
    while final.exists():
        number += 1
        final = parent / f"{stem}-{number}"
    work = parent / f".{final.name}.partial"
    work.mkdir()
    try:
        manifest = _write_contents(work, created, progress)
        (work / MANIFEST).write_text(json.dumps(manifest, ensure_ascii=False, indent=2), encoding="utf-8")
        work.rename(final)
    except BaseException:
        shutil.rmtree(work, ignore_errors=True)
        raise
    return final


def _write_contents(work: Path, created: datetime, progress: Progress) -> dict:
    migrations = database.applied_migrations()
    dump = work / database.dump_filename()
    try:
        database.dump(dump)
    except database.DatabaseError as error:
        raise BackupError(str(error)) from None
    dump_size, dump_sha256 = _digest(dump)
    listed = {alias: list(stored_names(storages[alias])) for alias in STORAGE_ALIASES}
    total = sum(len(names) for names in listed.values())
    entries, vanished, copied = [], [], 0
    for alias, names in listed.items():
        storage = storages[alias]
        for name in names:
            target = _local_path(work, alias, name)
            target.parent.mkdir(parents=True, exist_ok=True)
            try:
                with storage.open(name, "rb") as source, target.open("wb") as handle:
                    size, sha256 = _copy(source, handle)
            except Exception:
                if storage.exists(name):
                    raise
                target.unlink(missing_ok=True)
                vanished.append({"storage": alias, "name": name})  # deleted since it was listed
                continue
            entries.append({"storage": alias, "name": name, "size": size, "sha256": sha256})
            copied += size
            progress(len(entries) + len(vanished), total, copied)
    return {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "created": created.isoformat(),
        "portal_version": portal_version(),
        "database": {
            "engine": settings.DATABASES["default"]["ENGINE"],
            "vendor": database.vendor(),
            "file": dump.name,
            "size": dump_size,
            "sha256": dump_sha256,
        },
        "migrations": migrations,
        "storages": {
            alias: {
                **_storage_description(storages[alias]),
                "files": sum(1 for entry in entries if entry["storage"] == alias),
                "size": sum(entry["size"] for entry in entries if entry["storage"] == alias),
            }
            for alias in STORAGE_ALIASES
        },
        "files": entries,
        "vanished_during_backup": vanished,
    }


# --- restore ---------------------------------------------------------------------------------


def read_manifest(folder: Path) -> dict:
    path = folder / MANIFEST
    if not path.is_file():
        raise BackupError(f"{folder} is not a complete backup: it has no {MANIFEST}")
    try:
        manifest = json.loads(path.read_text(encoding="utf-8"))
    except (ValueError, UnicodeDecodeError) as error:
        raise BackupError(f"{path} is not valid JSON: {error}") from None
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise BackupError(f"{path} is not the manifest of a portal backup")
    if manifest.get("format_version", 0) > FORMAT_VERSION:
        raise BackupError(f"{path} was written by a newer portal (format {manifest['format_version']})")
    return manifest


def verify(folder: Path, manifest: dict, progress: Progress = _nothing) -> list[Problem]:
    """Compare every file of the backup (the dump included) with its size and sha256 in the manifest."""
    db = manifest["database"]
    if Path(db["file"]).name != db["file"]:
        raise BackupError(f"unsafe database file name in the manifest: {db['file']}")
    expected = [("database", db["file"], db["size"], db["sha256"], folder / db["file"])]
    for entry in manifest["files"]:
        path = _local_path(folder, entry["storage"], entry["name"])
        expected.append((entry["storage"], entry["name"], entry["size"], entry["sha256"], path))
    problems, checked = [], 0
    for done, (alias, name, size, sha256, path) in enumerate(expected, start=1):
        actual_size, actual_sha256 = _digest(path) if path.is_file() else (0, "")
        checked += actual_size
        if not actual_sha256:
            problems.append(Problem(alias, name, "missing from the backup"))
        elif actual_size != size:
            problems.append(Problem(alias, name, f"size {actual_size} bytes, the manifest says {size}"))
        elif actual_sha256 != sha256:
            problems.append(
                Problem(alias, name, "sha256 differs from the manifest (file damaged or altered)")
            )
        progress(done, len(expected), checked)
    return problems


def occupied_storages() -> list[str]:
    return [alias for alias in STORAGE_ALIASES if next(stored_names(storages[alias]), None) is not None]


def check_target(manifest: dict, force: bool) -> None:
    """Refuse, before anything changes, a target that does not fit the backup or is not empty."""
    if manifest["database"]["vendor"] != database.vendor():
        raise BackupError(
            f"the backup holds a {manifest['database']['vendor']} database but the portal is configured "
            f"for {database.vendor()} (check DATABASE_URL)"
        )
    unknown = database.unknown_migrations(manifest.get("migrations", {}))
    if unknown and not force:
        raise BackupError(
            "the backup was made by a newer version of the portal; update the code first. "
            f"Unknown migrations: {', '.join(unknown[:10])}"
        )
    content = database.content_summary()
    occupied = occupied_storages()
    if (content or occupied) and not force:
        found = [f"{count} {what}" for what, count in content.items()]
        found += [f"files in the '{alias}' storage" for alias in occupied]
        raise BackupError(
            f"the target portal is not empty ({', '.join(found)}); nothing was changed. "
            "Restore into a fresh database and empty storages, or pass --force to replace its content."
        )


def restore(
    folder: Path,
    *,
    force: bool = False,
    skip_damaged: bool = False,
    progress: Progress = _nothing,
    verify_progress: Progress = _nothing,
) -> RestoreReport:
    """Restore the backup in ``folder`` into the configured database and storages."""
    manifest = read_manifest(folder)
    problems = verify(folder, manifest, verify_progress)
    for problem in problems:
        if problem.storage == "database":
            raise BackupError(f"the database dump is damaged, nothing was restored: {problem}")
    if problems and not skip_damaged:
        listed = "\n  ".join(str(problem) for problem in problems[:20])
        more = f"\n  … and {len(problems) - 20} more" if len(problems) > 20 else ""
        raise BackupError(
            f"{len(problems)} file(s) of the backup do not match the manifest; nothing was restored:\n  "
            f"{listed}{more}\nPass --skip-damaged to restore everything else."
        )
    check_target(manifest, force)
    try:
        database.restore(folder / manifest["database"]["file"])
    except database.DatabaseError as error:
        raise BackupError(str(error)) from None
    report = RestoreReport(skipped=problems)
    damaged = {(problem.storage, problem.name) for problem in problems}
    wanted = [entry for entry in manifest["files"] if (entry["storage"], entry["name"]) not in damaged]
    for entry in wanted:
        _put(storages[entry["storage"]], entry["name"], _local_path(folder, entry["storage"], entry["name"]))
        report.files += 1
        report.size += entry["size"]
        progress(report.files, len(wanted), report.size)
    report.pending_migrations = database.pending_migrations()
    return report


def _put(storage, name: str, path: Path) -> None:
    if storage.exists(name):
        storage.delete(name)  # only reached with --force: the backup's copy wins
    with path.open("rb") as handle:
        stored = storage.save(name, File(handle, name=name))
    if stored != name:
        raise BackupError(f"the storage kept {name} under another name ({stored}); restore stopped")
