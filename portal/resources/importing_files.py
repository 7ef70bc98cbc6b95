"""Files named in an import: checked by the media rules before a row is accepted, then stored.

A file is found only inside its folder (no ``../`` or absolute paths): the ``--files`` folder of
``import_resources``, or the media storage folder an admin import's ZIP was unpacked into, so the
web server that received the ZIP and the worker that imports it need not share a disk. Each file
is checked with the same validator as an upload in the admin, and stored once: identical bytes
already in the library (same SHA-256) are reused rather than copied again.

A ZIP is judged by its headers before a byte is unpacked (size, number of files, names, links),
then unpacked file by file in chunks while the bytes are counted, since headers can lie.
"""

import io
import posixpath
import re
import stat
import unicodedata
import zipfile
import zlib
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path, PurePath, PurePosixPath

from django.conf import settings
from django.core.files import File
from django.core.files.storage import Storage
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from wagtail.documents import get_document_model
from wagtail.utils.file import hash_filelike

from media.validation import UploadFacts, UploadRejected, validate_upload
from portal.core.file_access import reusable_files

RESOURCE_FILE_KINDS = ("document", "audio", "video", "image", "package")
RATIO_APPLIES_ABOVE = 1024 * 1024  # small files may compress well; only large ones make a bomb
MAX_NAME_BYTES = 255  # of one part of a path: what file systems allow
_DRIVE = re.compile(r"^[A-Za-z]:")


class FileProblem(Exception):
    """A named file that cannot go into the library; ``str()`` is the message."""


class ArchiveRejected(Exception):
    """The ZIP of files cannot be used; ``str()`` says why, for the uploader."""


@dataclass(frozen=True)
class StoredFolder:
    """Files kept in a media storage under ``prefix``."""

    storage: Storage
    prefix: str

    def key(self, name: str) -> str:
        return f"{self.prefix}/{name}"


@dataclass(frozen=True)
class SourceFile:
    path: PurePath
    facts: UploadFacts
    storage: Storage | None = None  # None: ``path`` is on this machine's disk

    def open(self):
        return _open(self.path, self.storage)


def _open(path: PurePath, storage: Storage | None):
    return Path(path).open("rb") if storage is None else storage.open(str(path), "rb")


def check_file(folder: Path | StoredFolder, name: str, hints) -> SourceFile:
    """The file ``name`` inside ``folder``, checked; raises ``FileProblem`` with the reason."""
    path, storage = _locate(folder, name, hints)
    try:
        with _open(path, storage) as handle:
            return SourceFile(path, validate_upload(handle, path.name, RESOURCE_FILE_KINDS), storage)
    except UploadRejected as rejection:
        raise FileProblem(
            _("file “%(name)s”: %(reason)s") % {"name": name, "reason": rejection.message}
        ) from None
    except OSError as error:
        raise FileProblem(
            _("file “%(name)s” cannot be read: %(reason)s") % {"name": name, "reason": error.strerror}
        ) from None


def _locate(folder: Path | StoredFolder, name: str, hints) -> tuple[PurePath, Storage | None]:
    if isinstance(folder, StoredFolder):
        # Names as the ZIP was unpacked: composed Unicode, forward slashes (typed on Windows too).
        relative = posixpath.normpath(unicodedata.normalize("NFC", name).replace("\\", "/"))
        if relative.startswith(("/", "../")) or relative == "..":
            raise FileProblem(hints.outside % {"name": name})
        key = folder.key(relative)
        if not folder.storage.exists(key):
            raise FileProblem(hints.missing % {"name": name})
        return PurePosixPath(key), folder.storage
    root = folder.resolve()
    path = (root / name).resolve()
    if not path.is_relative_to(root):
        raise FileProblem(hints.outside % {"name": name})
    if not path.is_file():
        raise FileProblem(hints.missing % {"name": name})
    return path, None


def store_file(source: SourceFile, collection, title: str, stored: list):
    """The document holding these bytes that ``collection`` may reuse, else a new one in it.

    New documents are added to ``stored``.
    ``stored`` lets the caller remove the written files if the row's transaction rolls back,
    since storage writes are not part of the database transaction.
    """
    document_model = get_document_model()
    # Only the organisation's own or public files are reused: another organisation's private
    # copy of the same bytes stays theirs, and this import stores its own.
    sha256 = source.facts.sha256
    if document_model.objects.filter(sha256=sha256).exists():  # new bytes, the usual case: one query
        existing = reusable_files(collection, document_model).filter(sha256=sha256).order_by("pk").first()
        if existing is not None:
            return existing
    document = document_model(
        title=title,
        collection=collection,
        original_filename=source.facts.original_name,
        sha256=sha256,
        content_type=source.facts.content_type,
    )
    with source.open() as handle:
        document.file_size = source.facts.size
        document.file_hash = hash_filelike(handle)
        handle.seek(0)
        document.file.save(source.facts.clean_name, File(handle), save=False)
        stored.append((document.file.storage, document.file.name))
    document.save()
    return document


def remove_stored(stored: list) -> None:
    """Delete the files written for a row that was then rolled back."""
    for storage, name in stored:
        storage.delete(name)


def remove_folder(storage: Storage, prefix: str, *, modified_before=None) -> bool:
    """Delete the files under ``prefix`` (only those last written before ``modified_before``
    when given); returns whether none is left. Storages delete files one by one: S3 has no folders."""
    try:
        folders, files = storage.listdir(prefix)
    except FileNotFoundError:
        return True
    emptied = True
    for name in files:
        key = f"{prefix}/{name}"
        if modified_before is None or storage.get_modified_time(key) < modified_before:
            storage.delete(key)
        else:
            emptied = False
    for name in folders:
        emptied = remove_folder(storage, f"{prefix}/{name}", modified_before=modified_before) and emptied
    if emptied:
        storage.delete(prefix)  # the empty folder of a filesystem storage
    return emptied


# --- the ZIP of files of an admin import -------------------------------------------------------
@contextmanager
def _reading(archive):
    try:
        with zipfile.ZipFile(archive) as zipped:
            yield zipped
    except (zipfile.BadZipFile, zipfile.LargeZipFile, zlib.error, EOFError, NotImplementedError):
        raise ArchiveRejected(_("The ZIP file is damaged or incomplete.")) from None


def check_archive(archive) -> int:
    """Judge a ZIP by its headers alone (quick enough for the upload form); returns its number
    of files or raises ``ArchiveRejected``."""
    with _reading(archive) as zipped:
        return len(archive_members(zipped))


def unpack_archive(archive, folder: StoredFolder, progress=None) -> int:
    """Copy the ZIP's files into ``folder`` once its headers pass, counting the bytes as they are
    unpacked; returns the number of files. After a rejection the caller removes ``folder``:
    part of a file may have been written. ``progress(done, total)`` follows the files."""
    with _reading(archive) as zipped:
        members = archive_members(zipped)
        budget = _Budget(settings.IMPORT_ZIP_MAX_SIZE)
        for done, (name, member) in enumerate(members.items(), start=1):
            with zipped.open(member) as entry:
                stream = io.BufferedReader(_Counted(entry, budget))
                folder.storage.save(folder.key(name), File(stream, name=posixpath.basename(name)))
            if progress:
                progress(done, len(members))
        return len(members)


def archive_members(zipped: zipfile.ZipFile) -> dict[str, zipfile.ZipInfo]:
    """The ZIP's files by their (composed) names once every header passes the limits."""
    members = [member for member in zipped.infolist() if not member.is_dir()]
    limit = settings.IMPORT_ZIP_MAX_FILES
    if len(members) > limit:
        raise ArchiveRejected(
            _("The ZIP holds more than %(limit)d files; split it and import the list in parts.")
            % {"limit": limit}
        )
    checked: dict[str, zipfile.ZipInfo] = {}
    for member in members:
        name = _checked_name(member)
        if name in checked:
            raise ArchiveRejected(_("The ZIP holds “%(name)s” twice.") % {"name": name})
        _check_content(member, name)
        checked[name] = member
    if sum(member.file_size for member in members) > settings.IMPORT_ZIP_MAX_SIZE:
        raise _too_big()
    return checked


def _checked_name(member: zipfile.ZipInfo) -> str:
    name = unicodedata.normalize("NFC", member.filename)
    limit = settings.IMPORT_ZIP_MAX_NAME_LENGTH
    parts = name.split("/")
    if len(name) > limit or any(len(part.encode()) > MAX_NAME_BYTES for part in parts):
        raise ArchiveRejected(
            _("A name in the ZIP is longer than %(limit)d characters (“%(start)s…”); shorten it.")
            % {"limit": limit, "start": name[:40]}
        )
    unsafe = "\\" in name or _DRIVE.match(name) or any(character < " " for character in name)
    if unsafe or any(part in {"", ".", ".."} for part in parts):  # absolute, "a//b", "../"
        raise ArchiveRejected(_("The ZIP contains an unsafe path (%(name)s).") % {"name": name})
    if stat.S_ISLNK(member.external_attr >> 16):
        raise ArchiveRejected(
            _("The ZIP contains a link (%(name)s) instead of a file; put the file itself in the ZIP.")
            % {"name": name}
        )
    return name


def _check_content(member: zipfile.ZipInfo, name: str) -> None:
    if member.flag_bits & 0x1:
        raise ArchiveRejected(
            _("“%(name)s” in the ZIP is protected by a password; make the ZIP without one.") % {"name": name}
        )
    ratio = settings.IMPORT_ZIP_MAX_RATIO
    if member.file_size > RATIO_APPLIES_ABOVE and member.file_size > ratio * member.compress_size:
        raise ArchiveRejected(
            _(
                "“%(name)s” in the ZIP unpacks to more than %(ratio)d times its packed size, which "
                "no document does; the ZIP is refused."
            )
            % {"name": name, "ratio": ratio}
        )


def _too_big() -> ArchiveRejected:
    limit = settings.IMPORT_ZIP_MAX_SIZE
    return ArchiveRejected(_("The ZIP unpacks to more than %(limit)s.") % {"limit": filesizeformat(limit)})


class _Budget:
    """What the whole ZIP may still unpack to."""

    def __init__(self, limit: int):
        self.left = limit

    def spend(self, count: int) -> None:
        self.left -= count
        if self.left < 0:
            raise _too_big()


class _Counted(io.RawIOBase):
    """One file of the ZIP as it is unpacked, its bytes counted as read, not as declared."""

    def __init__(self, entry, budget: _Budget):
        super().__init__()
        self.entry, self.budget = entry, budget

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        data = self.entry.read(len(buffer))
        self.budget.spend(len(data))
        buffer[: len(data)] = data
        return len(data)
