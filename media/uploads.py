"""Resumable uploads of large files (videos up to 2 GB) from the admin.

On S3 the browser sends each part straight to the bucket through a presigned ``upload_part``
URL; on the filesystem profile it sends the same parts to our own chunk endpoint. Either way
the server asks the store which parts arrived (so a dropped connection resumes where it
stopped), assembles the file, then verifies it in a task — type, size, per-part and whole-file
SHA-256 — before any document exists. A refused file is deleted; nothing is left behind.
"""

import hashlib
import logging
import shutil
from pathlib import Path
from urllib.parse import quote

from botocore.exceptions import BotoCoreError, ClientError
from django.conf import settings
from django.core.files import File
from django.core.files.storage import default_storage
from django.db import transaction
from django.urls import reverse
from django.utils.translation import gettext as _
from django_tasks import task

from media.filetypes import TYPES
from media.models import FOLDERS, PortalDocument, UploadSession
from media.storages import dated_path, is_s3
from media.validation import UploadRejected, check_filename, size_limit, too_big, validate_upload

logger = logging.getLogger(__name__)
S3_MIN_PART = 5 * 1024 * 1024
MAX_PARTS = 10_000
STORE_ERRORS = (BotoCoreError, ClientError, OSError)
_KIND_BY_EXTENSION = {t.extension: t.kind for t in TYPES.values()}


class StoreUnavailable(Exception):
    """The file store did not answer; the uploader is told to try again later."""


def is_sha256(value: str) -> bool:
    return len(value) == 64 and all(char in "0123456789abcdef" for char in value)


def part_size_for(size: int) -> int:
    part = max(settings.MEDIA_UPLOAD_PART_SIZE, S3_MIN_PART)
    while -(-size // part) > MAX_PARTS:
        part *= 2
    return part


def start(*, user, filename: str, size: int, title: str, collection, sha256: str = "") -> UploadSession:
    """Open a session after the checks possible before any byte arrives (name, size)."""
    name = check_filename(filename)
    sha256 = sha256.strip().lower()
    if len(name) > 255:
        raise UploadRejected(_("The file name is too long (over 255 characters); shorten it."), "name")
    if sha256 and not is_sha256(sha256):
        raise UploadRejected(_("The checksum must be a SHA-256 in hexadecimal (64 characters)."), "checksum")
    if size <= 0:
        raise UploadRejected(_("The file is empty."), "empty")
    biggest = max(settings.MEDIA_MAX_UPLOAD_SIZE.values())
    if size > biggest:
        raise too_big(size, biggest)
    extension = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    folder = FOLDERS[_KIND_BY_EXTENSION.get(extension, "document")]  # checked against the content later
    session = UploadSession(
        user=user,
        title=title.strip()[:255] or name.rsplit(".", 1)[0],
        collection=collection,
        filename=name,
        size=size,
        sha256=sha256,
        part_size=part_size_for(size),
        key=dated_path(folder, name),
    )
    storage = default_storage
    if is_s3(storage):
        try:
            answer = storage.connection.meta.client.create_multipart_upload(
                Bucket=storage.bucket_name,
                Key=storage._normalize_name(session.key),
                ContentType="application/octet-stream",
                ContentDisposition="attachment",
                Metadata={"original-filename": quote(name)},
            )
        except STORE_ERRORS as error:
            raise StoreUnavailable from error
        session.upload_id = answer["UploadId"]
    session.save()
    return session


def part_target(session: UploadSession, number: int) -> dict:
    """Where the browser sends part ``number`` (1-based): a presigned S3 URL or our chunk view."""
    storage = default_storage
    if is_s3(storage):
        url = storage.connection.meta.client.generate_presigned_url(
            "upload_part",
            Params={
                "Bucket": storage.bucket_name,
                "Key": storage._normalize_name(session.key),
                "UploadId": session.upload_id,
                "PartNumber": number,
            },
            ExpiresIn=3600,
        )
        return {"url": url, "method": "PUT", "same_origin": False}
    return {
        "url": reverse("media_uploads:chunk", args=[session.pk, number]),
        "method": "PUT",
        "same_origin": True,
    }


def _chunk_folder(session: UploadSession) -> Path:
    return Path(settings.MEDIA_UPLOAD_TEMP_ROOT) / str(session.pk)


def expected_size(session: UploadSession, number: int) -> int:
    return min(session.part_size, session.size - (number - 1) * session.part_size)


def receive_chunk(session: UploadSession, number: int, stream) -> None:
    """Store one part on disk; it counts only once complete (written aside, then renamed)."""
    if not 1 <= number <= session.part_count:
        raise UploadRejected(_("There is no part %(number)s in this upload.") % {"number": number}, "part")
    folder = _chunk_folder(session)
    folder.mkdir(parents=True, exist_ok=True)
    partial = folder / f"{number}.partial"
    written, limit = 0, expected_size(session, number)
    with open(partial, "wb") as output:
        while chunk := stream.read(min(64 * 1024, limit - written + 1)):
            written += len(chunk)
            if written > limit:
                break
            output.write(chunk)
    if written != limit:
        partial.unlink(missing_ok=True)
        raise UploadRejected(
            _("Part %(number)s should be %(expected)s bytes; %(received)s arrived.")
            % {"number": number, "expected": limit, "received": written},
            "part",
        )
    partial.rename(folder / f"{number}.part")


def uploaded_parts(session: UploadSession) -> dict[int, dict]:
    """The parts the store holds: ``{number: {"size": …, "etag": …}}``."""
    storage = default_storage
    if not is_s3(storage):
        folder = _chunk_folder(session)
        if not folder.exists():
            return {}
        return {int(path.stem): {"size": path.stat().st_size} for path in folder.glob("*.part")}
    client, parts, marker = storage.connection.meta.client, {}, 0
    try:
        while True:
            page = client.list_parts(
                Bucket=storage.bucket_name,
                Key=storage._normalize_name(session.key),
                UploadId=session.upload_id,
                PartNumberMarker=marker,
            )
            for part in page.get("Parts", []):
                parts[part["PartNumber"]] = {"size": part["Size"], "etag": part["ETag"]}
            if not page.get("IsTruncated"):
                return parts
            marker = page["NextPartNumberMarker"]
    except STORE_ERRORS as error:
        raise StoreUnavailable from error


def complete(session: UploadSession) -> UploadSession:
    """Assemble the parts once all arrived, then verify in a task (again, if a check was cut short)."""
    if session.status == UploadSession.Status.VERIFYING:
        transaction.on_commit(lambda: verify_upload.enqueue(str(session.pk)))
        return session
    parts = uploaded_parts(session)
    missing = [
        n
        for n in range(1, session.part_count + 1)
        if parts.get(n, {}).get("size") != expected_size(session, n)
    ]
    if missing:
        raise UploadRejected(
            _("Parts still missing or incomplete: %(parts)s.") % {"parts": ", ".join(map(str, missing[:20]))},
            "incomplete",
        )
    storage = default_storage
    try:
        if is_s3(storage):
            storage.connection.meta.client.complete_multipart_upload(
                Bucket=storage.bucket_name,
                Key=storage._normalize_name(session.key),
                UploadId=session.upload_id,
                MultipartUpload={
                    "Parts": [{"PartNumber": n, "ETag": parts[n]["etag"]} for n in sorted(parts)],
                },
            )
        else:
            session.key = _join_chunks(session)
    except STORE_ERRORS as error:
        raise StoreUnavailable from error
    session.status = UploadSession.Status.VERIFYING
    session.save(update_fields=["key", "status", "updated_at"])
    transaction.on_commit(lambda: verify_upload.enqueue(str(session.pk)))
    return session


def _join_chunks(session: UploadSession) -> str:
    folder = _chunk_folder(session)
    assembled = folder / "assembled"
    with open(assembled, "wb") as output:
        for number in range(1, session.part_count + 1):
            with open(folder / f"{number}.part", "rb") as part:
                shutil.copyfileobj(part, output, 1024 * 1024)
    with open(assembled, "rb") as handle:
        name = default_storage.save(session.key, File(handle, name=session.key))
    shutil.rmtree(folder, ignore_errors=True)
    return name


def abort(session: UploadSession) -> None:
    """Drop the session and whatever of its file the store holds."""
    storage = default_storage
    try:
        if session.status == UploadSession.Status.OPEN and is_s3(storage):
            storage.connection.meta.client.abort_multipart_upload(
                Bucket=storage.bucket_name,
                Key=storage._normalize_name(session.key),
                UploadId=session.upload_id,
            )
        elif session.status == UploadSession.Status.VERIFYING:
            storage.delete(session.key)
    except STORE_ERRORS as error:
        raise StoreUnavailable from error
    shutil.rmtree(_chunk_folder(session), ignore_errors=True)
    session.delete()


def _check_part_digests(session: UploadSession, handle) -> None:
    handle.seek(0)
    for number in range(1, session.part_count + 1):
        digest = hashlib.sha256(handle.read(session.part_size)).hexdigest()
        declared = session.part_digests.get(str(number))
        if declared and declared != digest:
            raise UploadRejected(
                _("Part %(number)s was damaged in transfer (checksum mismatch); upload the file again.")
                % {"number": number},
                "checksum",
            )


@task()
def verify_upload(session_id: str) -> str:
    """Check the assembled file like any upload; create the document only if it passes."""
    session = UploadSession.objects.select_related("user", "collection").get(pk=session_id)
    storage = default_storage
    try:
        with storage.open(session.key, "rb") as handle:
            facts = validate_upload(handle, session.filename)
            if facts.size != session.size:
                raise UploadRejected(_("The file arrived incomplete; upload it again."), "size")
            if session.sha256 and facts.sha256 != session.sha256:
                raise UploadRejected(
                    _("The file's checksum does not match the one declared; upload it again."), "checksum"
                )
            if session.part_digests:
                _check_part_digests(session, handle)
            if size_limit(facts.kind) < facts.size:
                raise too_big(facts.size, size_limit(facts.kind))
        duplicates = facts.duplicates(user=session.user)
        if duplicates:
            raise UploadRejected(
                _("This file is already in the library as “%(title)s”; use that one instead.")
                % {"title": duplicates[0].title},
                "duplicate",
            )
    except STORE_ERRORS as error:
        logger.warning("upload %s not verified yet, file store unavailable: %s", session.pk, error)
        session.message = _("The file store is not answering; the check will run again when you retry.")
        session.save(update_fields=["message", "updated_at"])
        return session.status
    except UploadRejected as rejection:
        storage.delete(session.key)
        session.status, session.message = UploadSession.Status.FAILED, str(rejection)
        session.save(update_fields=["status", "message", "updated_at"])
        return session.status
    document = PortalDocument(
        title=session.title,
        collection=session.collection,
        uploaded_by_user=session.user,
        original_filename=facts.original_name,
        sha256=facts.sha256,
        content_type=facts.content_type,
        file_size=facts.size,
    )
    document.file.name = session.key
    document.save()
    session.status, session.document = UploadSession.Status.DONE, document
    session.save(update_fields=["status", "document", "updated_at"])
    return session.status
