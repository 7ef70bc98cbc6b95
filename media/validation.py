"""Upload validation shared by the admin forms, the bulk import and the large-upload endpoints.

``validate_upload`` reads the file once (type from content, size caps per kind, image pixel
limit, SHA-256) before anything is written, so a refused file leaves nothing behind. Messages
are gettext strings, shown to the person who uploaded the file in their language.
"""

import hashlib
import re
import unicodedata
import warnings
from collections.abc import Iterable
from dataclasses import dataclass

import av
import pypdfium2 as pdfium
from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from PIL import Image, UnidentifiedImageError
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

from media.filetypes import KINDS, TYPES, FileType, SniffError, sniff

HEAD_BYTES = 64 * 1024
_CHUNK = 1024 * 1024
_RESERVED = re.compile(r'[<>:"|?*;]+')
_SPACES = re.compile(r"\s+")


class UploadRejected(Exception):
    """A file that must not enter the library; ``str()`` is the message for the uploader."""

    def __init__(self, message: str, code: str):
        super().__init__(message)
        self.message = message
        self.code = code

    def __str__(self) -> str:
        return str(self.message)


@dataclass(frozen=True)
class UploadFacts:
    kind: str
    content_type: str
    sha256: str
    size: int
    clean_name: str
    original_name: str
    file_type: FileType
    width: int | None = None
    height: int | None = None

    @property
    def extension(self) -> str:
        return self.file_type.extension

    def duplicates(self, exclude=None, user=None) -> list:
        """Documents and images already holding these exact bytes (by SHA-256).

        With ``user``, only files that user may use count: another organisation's private copy
        is neither revealed nor a reason to refuse this upload.
        """
        from portal.core.file_access import usable_files

        found = []
        for model in (get_document_model(), get_image_model()):  # ours, named by the settings
            candidates = model.objects.all() if user is None else usable_files(user, model)
            matches = candidates.filter(sha256=self.sha256)
            if exclude is not None and isinstance(exclude, model) and exclude.pk:
                matches = matches.exclude(pk=exclude.pk)
            found.extend(matches.order_by("pk")[:5])
        return found


def accepted_types_label(kinds: Iterable[str] | None = None) -> str:
    wanted = set(kinds or KINDS)
    return ", ".join(dict.fromkeys(t.label for t in TYPES.values() if t.kind in wanted))


def size_limit(kind: str) -> int:
    return settings.MEDIA_MAX_UPLOAD_SIZE[kind]


def validate_upload(fileobj, filename: str, kind: str | Iterable[str] | None = None) -> UploadFacts:
    """Check an upload and describe it, or raise ``UploadRejected`` with a clear message.

    ``kind`` limits what is expected ("image", or several kinds); ``None`` accepts every kind on
    the allow-list. The file object is left at position 0.
    """
    kinds = None if kind is None else ({kind} if isinstance(kind, str) else set(kind))
    original_name = check_filename(filename)
    size = _size_of(fileobj)
    if size == 0:
        raise UploadRejected(_("The file is empty."), "empty")
    biggest = max(size_limit(k) for k in (kinds or KINDS))
    if size > biggest:
        raise too_big(size, biggest)
    fileobj.seek(0)
    head = fileobj.read(HEAD_BYTES)
    try:
        file_type = sniff(fileobj, head, settings.MEDIA_MAX_UNZIPPED_SIZE)
    except SniffError as error:
        raise _sniff_rejection(error, kinds) from None
    if kinds is not None and file_type.kind not in kinds:
        raise UploadRejected(
            _("This is a %(type)s file, but one of these is expected here: %(accepted)s.")
            % {"type": file_type.label, "accepted": accepted_types_label(kinds)},
            "kind",
        )
    if size > size_limit(file_type.kind):
        raise too_big(size, size_limit(file_type.kind))
    width = height = None
    if file_type.kind == "image":
        width, height = _check_image(fileobj)
    elif file_type.key == "pdf":
        _check_pdf(fileobj)
    elif file_type.kind in ("audio", "video"):
        if file_type.key == "wav":
            _check_riff_length(fileobj, size)
        _check_media(fileobj, file_type.kind)
    digest = _sha256(fileobj)
    fileobj.seek(0)
    return UploadFacts(
        kind=file_type.kind,
        content_type=file_type.content_type,
        sha256=digest,
        size=size,
        clean_name=clean_filename(original_name, file_type.extension),
        original_name=original_name,
        file_type=file_type,
        width=width,
        height=height,
    )


def check_filename(filename: str) -> str:
    """The name as shown to people (NFC, no invisible characters); refuses folder paths."""
    name = unicodedata.normalize("NFC", filename or "")
    if "/" in name or "\\" in name or name.strip() in {".", ".."}:
        raise UploadRejected(
            _("The file name “%(name)s” contains a folder path; upload the file under a plain name.")
            % {"name": _printable(name)},
            "path",
        )
    return _printable(name)


def _printable(name: str) -> str:
    """The name without control or invisible formatting characters (e.g. right-to-left overrides)."""
    visible = "".join(char for char in name if not unicodedata.category(char).startswith("C"))
    return _SPACES.sub(" ", visible).strip()


def clean_filename(name: str, extension: str) -> str:
    """A safe display name ending in the extension of the real type: "Bài 1?.PDF" → "Bài 1.pdf"."""
    stem = _printable(name).lstrip(". ")
    if "." in stem:
        stem = stem.rsplit(".", 1)[0]
    stem = _SPACES.sub(" ", _RESERVED.sub(" ", stem)).strip(" .")[:120].strip(" .")
    return f"{stem or 'tai-lieu'}.{extension}"


def _size_of(fileobj) -> int:
    size = getattr(fileobj, "size", None)
    if size is None:
        fileobj.seek(0, 2)
        size = fileobj.tell()
    return size


def _sha256(fileobj) -> str:
    digest = hashlib.sha256()
    fileobj.seek(0)
    while chunk := fileobj.read(_CHUNK):
        digest.update(chunk)
    return digest.hexdigest()


def _check_image(fileobj) -> tuple[int, int]:
    """Size within the pixel limit, and every byte decodes: a truncated JPEG passes ``verify()``
    and would fail later, in a rendition made for some page view."""
    limit = settings.MEDIA_MAX_IMAGE_PIXELS
    fileobj.seek(0)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            with Image.open(fileobj) as image:
                width, height = image.size
                if width * height > limit:
                    raise _bomb(limit, width, height)
                image.verify()
            fileobj.seek(0)
            with Image.open(fileobj) as image:
                image.draft(image.mode, (width // 8 or 1, height // 8 or 1))  # JPEG: decode at 1/8 scale
                image.load()
    except Image.DecompressionBombError:
        raise _bomb(limit) from None
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, EOFError):
        raise UploadRejected(_("The image file is damaged or incomplete."), "damaged") from None
    return width, height


def _check_pdf(fileobj) -> None:
    """The PDF opens and has a page (previews and readers need one)."""
    fileobj.seek(0)
    try:
        pdf = pdfium.PdfDocument(fileobj)
        try:
            pages = len(pdf)
        finally:
            pdf.close()
    except pdfium.PdfiumError as error:
        if "password" in str(error).lower():
            raise UploadRejected(
                _("The PDF is protected by a password; upload it without the password."), "password"
            ) from None
        raise UploadRejected(_("The file is damaged or incomplete."), "damaged") from None
    if pages == 0:
        raise UploadRejected(_("The PDF has no pages."), "damaged")


def _check_media(fileobj, kind: str) -> None:
    """Audio and video: the container opens, its first frame decodes, and its packets reach the
    length it declares (an upload cut off on a weak connection stops short)."""
    fileobj.seek(0)
    try:
        with av.open(fileobj) as container:
            streams = [stream for stream in container.streams if stream.type == kind]
            if not streams:
                raise UploadRejected(_("The file is damaged or incomplete."), "damaged")
            stream = streams[0]
            decoded, reached = False, 0.0
            for packet in container.demux(stream):
                if packet.size == 0 or packet.pts is None:
                    continue
                decoded = decoded or bool(packet.decode())
                reached = max(reached, float((packet.pts + packet.duration) * packet.time_base))
            declared = (container.duration or 0) / av.time_base
            start = float(stream.start_time * stream.time_base) if stream.start_time is not None else 0.0
    except av.FFmpegError:
        raise UploadRejected(_("The file is damaged or incomplete."), "damaged") from None
    if not decoded or reached - start < declared * 0.95 - 0.5:
        raise UploadRejected(_("The file is damaged or incomplete."), "damaged")


def _check_riff_length(fileobj, size: int) -> None:
    """A WAV file says its own length in its first bytes; the decoder plays a cut-off one to
    wherever it stops, so the length is compared here (0 and 0xFFFFFFFF: written live, unknown)."""
    fileobj.seek(4)
    declared = int.from_bytes(fileobj.read(4), "little")
    if declared not in (0, 0xFFFFFFFF) and declared + 8 > size:
        raise UploadRejected(_("The file is damaged or incomplete."), "damaged")


def _bomb(limit: int, width: int | None = None, height: int | None = None) -> UploadRejected:
    megapixels = limit // 1_000_000
    if width:
        message = _("The image is %(width)s×%(height)s pixels; the limit is %(limit)s million pixels.") % {
            "width": width,
            "height": height,
            "limit": megapixels,
        }
    else:
        message = _("The image has more than %(limit)s million pixels.") % {"limit": megapixels}
    return UploadRejected(message, "pixels")


def too_big(size: int, limit: int) -> UploadRejected:
    return UploadRejected(
        _("The file is %(size)s; the limit here is %(limit)s.")
        % {"size": filesizeformat(size), "limit": filesizeformat(limit)},
        "size",
    )


def _sniff_rejection(error: SniffError, kinds) -> UploadRejected:
    params = error.params
    messages = {
        "program": _("This file is a program or script (%(platform)s); such files are not accepted."),
        "svg": _(
            "SVG images are not accepted because they can carry scripts; upload a PNG, JPEG, WebP or AVIF image."
        ),
        "type": _("This file type is not accepted. Accepted types: %(accepted)s."),
        "polyglot": _("The file is both a %(label)s file and a ZIP archive; such files are not accepted."),
        "zip": _(
            "ZIP archives are accepted only as SCORM or H5P packages, with imsmanifest.xml or h5p.json "
            "at the top level."
        ),
        "damaged": _("The file is damaged or incomplete."),
        "macros": _("Office files with macros are not accepted; save the file without macros."),
        "unsafe_member": _("The archive contains an unsafe path (%(name)s)."),
        "program_member": _("The archive contains a program or script (%(name)s)."),
        "unzipped_size": _("The archive unpacks to more than %(limit)s."),
    }
    values = {
        **params,
        "accepted": accepted_types_label(kinds),
        "limit": filesizeformat(settings.MEDIA_MAX_UNZIPPED_SIZE),
    }
    return UploadRejected(messages[error.code] % values, error.code)
