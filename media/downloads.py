"""``/tai-ve/<id>/<filename>``: permission check, counting, then the file.

On S3 the visitor is redirected to a presigned URL valid a few minutes, whose response headers
(``Content-Disposition`` with the original Vietnamese filename, ``Content-Type``) are fixed by
the signature. On the filesystem profile the view serves the bytes itself with the same
headers and single-range ``Range`` support, so audio and video can seek.
"""

import logging
import mimetypes
import re
import unicodedata
from urllib.parse import quote

from botocore.exceptions import BotoCoreError, ClientError
from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.db import IntegrityError, transaction
from django.db.models import F
from django.http import FileResponse, Http404, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_safe
from wagtail.documents import get_document_model
from wagtail.documents.models import document_served

from media.models import DownloadCounter
from media.storages import is_s3
from portal.core.file_access import may_download

logger = logging.getLogger(__name__)
_RANGE = re.compile(r"^bytes=(\d*)-(\d*)$")


class StorageUnavailable(Exception):
    """The file store did not answer; the visitor gets a 503 page with retry advice."""


def count_download(sender, instance, request=None, **_kwargs) -> None:
    """For Wagtail's ``document_served``: add one download, safe under concurrent requests (one
    ``UPDATE … SET count = count + 1``). The time lets search pick up moved counts in batches
    (``index_recent_downloads``); the usage figures listen to the same signal."""
    document_id = instance.pk
    now = timezone.now()
    counter = DownloadCounter.objects.filter(document_id=document_id)
    if counter.update(count=F("count") + 1, last_download_at=now):
        return
    try:
        with transaction.atomic():
            DownloadCounter.objects.create(document_id=document_id, count=1, last_download_at=now)
    except IntegrityError:  # another request created the row first
        counter.update(count=F("count") + 1, last_download_at=now)


def content_disposition(filename: str, disposition: str = "attachment") -> str:
    """RFC 6266 header: an ASCII fallback and the UTF-8 name (RFC 5987) for Vietnamese filenames."""
    plain = filename.replace("đ", "d").replace("Đ", "D")
    ascii_name = unicodedata.normalize("NFKD", plain).encode("ascii", "ignore").decode()
    ascii_name = re.sub(r"[^A-Za-z0-9._ -]+", "_", ascii_name).strip() or "download"
    return f"{disposition}; filename=\"{ascii_name}\"; filename*=UTF-8''{quote(filename, safe='')}"


@require_safe
def download(request, document_id: int, filename: str):
    document = get_object_or_404(get_document_model().objects.select_related("collection"), pk=document_id)
    if filename != document.filename:
        return HttpResponseRedirect(reverse("media:download", args=[document.pk, document.filename]))
    if not may_download(request, document):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path(), reverse("wagtailadmin_login"))
        raise Http404
    try:
        if document.kind == "captions":
            return _captions(document)
        if is_s3(document.file.storage):
            return _presigned_redirect(request, document)
        return _serve_file(request, document)
    except StorageUnavailable:
        logger.warning("file store unavailable for document %s", document.pk)
        return unavailable(request)


def unavailable(request):
    response = render(request, "media/unavailable.html", status=503)
    response["Retry-After"] = "120"
    return response


def _counts(request) -> bool:
    """A GET of the whole file or of its start counts; seeking inside a video does not."""
    if request.method != "GET":
        return False
    match = _RANGE.match(request.headers.get("Range", ""))
    return match is None or match.group(1) == "0" or not any(match.groups())


def _content_type(document) -> str:
    return document.content_type or mimetypes.guess_type(document.filename)[0] or "application/octet-stream"


def _presigned_redirect(request, document):
    storage = document.file.storage
    try:
        storage.connection.meta.client.head_object(
            Bucket=storage.bucket_name, Key=storage._normalize_name(document.file.name)
        )
    except ClientError as error:
        if error.response.get("ResponseMetadata", {}).get("HTTPStatusCode") == 404:
            raise Http404 from None
        raise StorageUnavailable from error
    except BotoCoreError as error:
        raise StorageUnavailable from error
    if _counts(request):
        document_served.send(sender=type(document), instance=document, request=request)
    url = storage.url(
        document.file.name,
        parameters={
            "ResponseContentDisposition": content_disposition(document.display_filename),
            "ResponseContentType": _content_type(document),
        },
        expire=settings.MEDIA_DOWNLOAD_URL_EXPIRY,
    )
    response = HttpResponseRedirect(url)
    response["Cache-Control"] = "private, no-store"
    return response


class _Slice:
    """A read-only window ``[start, start + length)`` of an open file."""

    def __init__(self, handle, start: int, length: int):
        handle.seek(start)
        self.handle, self.remaining = handle, length

    def read(self, size: int = -1) -> bytes:
        size = self.remaining if size < 0 else min(size, self.remaining)
        data = self.handle.read(size) if size else b""
        self.remaining -= len(data)
        return data

    def close(self) -> None:
        self.handle.close()


def _serve_file(request, document):
    storage, name = document.file.storage, document.file.name
    try:
        size = storage.size(name)
        handle = storage.open(name, "rb")
    except FileNotFoundError:
        raise Http404 from None
    except OSError as error:
        raise StorageUnavailable from error
    start, end = 0, size - 1
    status = 200
    match = _RANGE.match(request.headers.get("Range", ""))
    if match and any(match.groups()):
        first, last = match.groups()
        if first:
            start, end = int(first), min(int(last), size - 1) if last else size - 1
        else:  # the last N bytes
            start = max(0, size - int(last))
        if start >= size or start > end:
            handle.close()
            response = HttpResponse(status=416)
            response["Content-Range"] = f"bytes */{size}"
            return response
        status = 206
    if _counts(request):
        document_served.send(sender=type(document), instance=document, request=request)
    length = end - start + 1
    response = FileResponse(
        _Slice(handle, start, length), status=status, content_type=_content_type(document)
    )
    response["Content-Length"] = str(length)
    response["Content-Disposition"] = content_disposition(document.display_filename)
    response["Accept-Ranges"] = "bytes"
    response["Cache-Control"] = "private, max-age=0"
    if status == 206:
        response["Content-Range"] = f"bytes {start}-{end}/{size}"
    return response


def _captions(document):
    """Captions are small and must come from our own origin for ``<track>``: served inline."""
    try:
        with document.file.open("rb") as handle:
            body = handle.read(settings.MEDIA_MAX_UPLOAD_SIZE["captions"])
    except FileNotFoundError:
        raise Http404 from None
    except (OSError, BotoCoreError, ClientError) as error:
        raise StorageUnavailable from error
    response = HttpResponse(body, content_type="text/vtt; charset=utf-8")
    response["Content-Disposition"] = content_disposition(document.display_filename, "inline")
    return response
