"""Files named in an import: checked by the media rules before a row is accepted, then stored.

A file is found only inside the ``--files`` folder (no ``../`` or absolute paths), checked with
the same validator as an upload in the admin, and stored once: identical bytes already in the
library (same SHA-256) are reused rather than copied again.
"""

from dataclasses import dataclass
from pathlib import Path

from django.core.files import File
from django.utils.translation import gettext as _
from wagtail.documents import get_document_model
from wagtail.utils.file import hash_filelike

from media.validation import UploadFacts, UploadRejected, validate_upload
from portal.core.file_access import reusable_files

RESOURCE_FILE_KINDS = ("document", "audio", "video", "image", "package")


class FileProblem(Exception):
    """A named file that cannot go into the library; ``str()`` is the message."""


@dataclass(frozen=True)
class SourceFile:
    path: Path
    facts: UploadFacts


def check_file(folder: Path, name: str, hints) -> SourceFile:
    """The file ``name`` inside ``folder``, checked; raises ``FileProblem`` with the reason."""
    root = folder.resolve()
    path = (root / name).resolve()
    if not path.is_relative_to(root):
        raise FileProblem(hints.outside % {"name": name})
    if not path.is_file():
        raise FileProblem(hints.missing % {"name": name})
    try:
        with path.open("rb") as handle:
            return SourceFile(path, validate_upload(handle, path.name, RESOURCE_FILE_KINDS))
    except UploadRejected as rejection:
        raise FileProblem(
            _("file “%(name)s”: %(reason)s") % {"name": name, "reason": rejection.message}
        ) from None
    except OSError as error:
        raise FileProblem(
            _("file “%(name)s” cannot be read: %(reason)s") % {"name": name, "reason": error.strerror}
        ) from None


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
    with source.path.open("rb") as handle:
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
