"""What a file really is, judged from its bytes, never from its name.

The allow-list is the ``TYPES`` table: anything not in it is refused. ZIP containers are opened
and told apart by their members (EPUB/ODF ``mimetype``, OOXML parts, SCORM ``imsmanifest.xml``,
H5P ``h5p.json``), because generic sniffers only look at the first bytes.
"""

import zipfile
from dataclasses import dataclass

import filetype
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class FileType:
    key: str
    kind: str
    content_type: str
    extension: str
    label: str


_TYPE_LIST = [
    FileType("pdf", "document", "application/pdf", "pdf", "PDF"),
    FileType("epub", "document", "application/epub+zip", "epub", "EPUB"),
    FileType(
        "docx",
        "document",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "docx",
        "DOCX",
    ),
    FileType(
        "pptx",
        "document",
        "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        "pptx",
        "PPTX",
    ),
    FileType(
        "xlsx",
        "document",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "xlsx",
        "XLSX",
    ),
    FileType("odt", "document", "application/vnd.oasis.opendocument.text", "odt", "ODT"),
    FileType("odp", "document", "application/vnd.oasis.opendocument.presentation", "odp", "ODP"),
    FileType("mp3", "audio", "audio/mpeg", "mp3", "MP3"),
    FileType("m4a", "audio", "audio/mp4", "m4a", "M4A"),
    FileType("ogg", "audio", "audio/ogg", "ogg", "OGG"),
    FileType("wav", "audio", "audio/wav", "wav", "WAV"),
    FileType("mp4", "video", "video/mp4", "mp4", "MP4"),
    FileType("webm", "video", "video/webm", "webm", "WebM"),
    FileType("jpeg", "image", "image/jpeg", "jpg", "JPEG"),
    FileType("png", "image", "image/png", "png", "PNG"),
    FileType("webp", "image", "image/webp", "webp", "WebP"),
    FileType("avif", "image", "image/avif", "avif", "AVIF"),
    FileType("scorm", "package", "application/zip", "zip", "SCORM"),
    FileType("h5p", "package", "application/zip", "h5p", "H5P"),
    FileType("vtt", "captions", "text/vtt", "vtt", "WebVTT"),
]
TYPES = {file_type.key: file_type for file_type in _TYPE_LIST}
KINDS = {
    "document": _("document"),
    "audio": _("audio"),
    "video": _("video"),
    "image": _("image"),
    "package": _("learning package"),
    "captions": _("captions"),
}
KIND_BY_CONTENT_TYPE = {file_type.content_type: file_type.kind for file_type in _TYPE_LIST}

# filetype's answer for formats whose first bytes are enough.
_BY_SNIFFED_MIME = {
    "application/pdf": "pdf",
    "audio/mpeg": "mp3",
    "audio/mp4": "m4a",
    "audio/ogg": "ogg",
    "audio/x-wav": "wav",
    "video/mp4": "mp4",
    "video/webm": "webm",
    "image/jpeg": "jpeg",
    "image/png": "png",
    "image/webp": "webp",
    "image/avif": "avif",
}
_ODF_MIMETYPES = {
    b"application/epub+zip": "epub",
    b"application/vnd.oasis.opendocument.text": "odt",
    b"application/vnd.oasis.opendocument.presentation": "odp",
}
_OOXML_PARTS = {"word/document.xml": "docx", "ppt/presentation.xml": "pptx", "xl/workbook.xml": "xlsx"}
_PROGRAM_MAGIC = [
    (b"MZ", "Windows"),
    (b"\x7fELF", "Linux"),
    (b"\xcf\xfa\xed\xfe", "macOS"),
    (b"\xce\xfa\xed\xfe", "macOS"),
    (b"\xfe\xed\xfa\xcf", "macOS"),
    (b"\xca\xfe\xba\xbe", "macOS/Java"),
    (b"\x00asm", "WebAssembly"),
    (b"#!", "script"),
]
_SCRIPT_MARKERS = [b"<?php", b"<script", b"<html", b"<!doctype html", b"<%", b"@echo off"]
PROGRAM_EXTENSIONS = {
    "exe", "dll", "com", "scr", "msi", "bat", "cmd", "ps1", "vbs", "vbe", "wsf", "sh", "bash",
    "php", "phtml", "jar", "apk", "app", "elf", "so", "dylib", "py", "pl", "cgi", "lnk", "hta",
}  # fmt: skip


class SniffError(Exception):
    """Why the bytes are not acceptable; ``code`` picks the message in ``validation``."""

    def __init__(self, code: str, **params):
        super().__init__(code)
        self.code = code
        self.params = params


def program_in_head(head: bytes) -> str | None:
    """The platform of a program or script the file starts with, if it is one."""
    for magic, platform in _PROGRAM_MAGIC:
        if head.startswith(magic):
            return platform
    text = head[:2048].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if any(text.startswith(marker) for marker in _SCRIPT_MARKERS):
        return "script"
    return None


def is_svg(head: bytes) -> bool:
    text = head[:4096].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return (text.startswith(b"<?xml") or text.startswith(b"<svg") or text.startswith(b"<!doctype svg")) and (
        b"<svg" in text
    )


def sniff(fileobj, head: bytes, max_unzipped: int) -> FileType:
    """The allowed type of ``fileobj`` or a ``SniffError``; ``head`` is its first bytes."""
    platform = program_in_head(head)
    if platform:
        raise SniffError("program", platform=platform)
    if is_svg(head):
        raise SniffError("svg")
    if head.startswith(b"PK\x03\x04"):
        if b"%PDF" in head[:1024]:  # PDF readers look for the header anywhere in the first KiB
            raise SniffError("polyglot", label="PDF")
        return _sniff_zip(fileobj, max_unzipped)
    if head.lstrip(b"\xef\xbb\xbf").startswith(b"WEBVTT"):
        return TYPES["vtt"]
    guessed = filetype.guess_mime(head)
    key = _BY_SNIFFED_MIME.get(guessed or "")
    if key is None:
        raise SniffError("type", sniffed=guessed or "")
    fileobj.seek(0)
    if zipfile.is_zipfile(fileobj):
        raise SniffError("polyglot", label=TYPES[key].label)
    return TYPES[key]


def _sniff_zip(fileobj, max_unzipped: int) -> FileType:
    fileobj.seek(0)
    try:
        with zipfile.ZipFile(fileobj) as archive:
            members = archive.infolist()
            names = {member.filename for member in members}
            _check_members(members, max_unzipped)
            if "mimetype" in names:
                key = _ODF_MIMETYPES.get(archive.read("mimetype").strip())
                if key:
                    return TYPES[key]
            if "[Content_Types].xml" in names:
                if any(name.lower().endswith("vbaproject.bin") for name in names):
                    raise SniffError("macros")
                for part, key in _OOXML_PARTS.items():
                    if part in names:
                        return TYPES[key]
            if "imsmanifest.xml" in names:
                return TYPES["scorm"]
            if "h5p.json" in names:
                return TYPES["h5p"]
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, ValueError, NotImplementedError):
        raise SniffError("damaged") from None
    raise SniffError("zip")


def _check_members(members: list[zipfile.ZipInfo], max_unzipped: int) -> None:
    total = 0
    for member in members:
        name = member.filename.replace("\\", "/")
        if name.startswith("/") or ".." in name.split("/") or ":" in name.split("/")[0]:
            raise SniffError("unsafe_member", name=member.filename)
        if name.rsplit(".", 1)[-1].lower() in PROGRAM_EXTENSIONS and "." in name:
            raise SniffError("program_member", name=member.filename)
        total += member.file_size
        if total > max_unzipped:
            raise SniffError("unzipped_size")
