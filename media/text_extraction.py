"""The text of documents, for search: extracted in a background task after upload or replacement.

PDF pages through pypdfium2, Word (DOCX) through python-docx, OpenDocument text through odfpy,
PowerPoint (PPTX) through python-pptx, WebVTT captions through webvtt-py. At most ``TEXT_LIMIT``
characters are kept per file, read page by page so a long book is never read whole. A damaged or
hostile file yields no text and a log line, never a failed task; office files whose parts would
unpack to more than ``MAX_UNPACKED`` bytes are not opened at all (a zip bomb).
"""

import io
import logging
import re
import zipfile

import pypdfium2 as pdfium
import webvtt
from botocore.exceptions import BotoCoreError, ClientError
from django.db import transaction
from django_tasks import task

from media.models import PortalDocument

logger = logging.getLogger(__name__)
TEXT_LIMIT = 20_000
MAX_UNPACKED = 60 * 1024 * 1024
MAX_PDF_PAGES = 200
MAX_SOURCE = 100 * 1024 * 1024  # larger files are read for downloads, not for search
_SPACES = re.compile(r"\s+")


class _Collected:
    """Pieces of text up to ``TEXT_LIMIT`` characters; ``full`` says when to stop reading."""

    def __init__(self):
        self.pieces: list[str] = []
        self.size = 0

    def add(self, text: str) -> None:
        text = _SPACES.sub(" ", text or "").strip()
        if text and not self.full:
            self.pieces.append(text)
            self.size += len(text) + 1

    @property
    def full(self) -> bool:
        return self.size >= TEXT_LIMIT

    def text(self) -> str:
        return " ".join(self.pieces)[:TEXT_LIMIT]


def _pdf(data: bytes, collected: _Collected) -> None:
    pdf = pdfium.PdfDocument(data)
    try:
        for index in range(min(len(pdf), MAX_PDF_PAGES)):
            if collected.full:
                break
            page = pdf[index]
            textpage = page.get_textpage()
            collected.add(textpage.get_text_bounded())
            textpage.close()
            page.close()
    finally:
        pdf.close()


def _unpacked_size_is_safe(data: bytes) -> bool:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return sum(item.file_size for item in archive.infolist()) <= MAX_UNPACKED


def _docx(data: bytes, collected: _Collected) -> None:
    import docx

    document = docx.Document(io.BytesIO(data))
    for paragraph in document.paragraphs:
        collected.add(paragraph.text)
    for table in document.tables:
        for row in table.rows:
            collected.add(" ".join(cell.text for cell in row.cells))


def _pptx(data: bytes, collected: _Collected) -> None:
    import pptx

    for slide in pptx.Presentation(io.BytesIO(data)).slides:
        for shape in slide.shapes:
            if shape.has_text_frame:
                collected.add(shape.text_frame.text)
        if slide.has_notes_slide:
            collected.add(slide.notes_slide.notes_text_frame.text)


def _odt(data: bytes, collected: _Collected) -> None:
    from odf import teletype, text
    from odf.opendocument import load

    document = load(io.BytesIO(data))
    for element in document.getElementsByType(text.H) + document.getElementsByType(text.P):
        collected.add(teletype.extractText(element))


def _vtt(data: bytes, collected: _Collected) -> None:
    captions = webvtt.from_buffer(io.StringIO(data.decode("utf-8-sig", errors="replace")))
    for caption in captions:
        collected.add(caption.text)


_OFFICE = {
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": _docx,
    "application/vnd.openxmlformats-officedocument.presentationml.presentation": _pptx,
    "application/vnd.oasis.opendocument.text": _odt,
}
EXTRACTORS = {"application/pdf": _pdf, "text/vtt": _vtt, **_OFFICE}


def extract_text(data: bytes, content_type: str) -> str:
    """The text of a file of ``content_type`` ("" when it has none or cannot be read)."""
    extractor = EXTRACTORS.get(content_type)
    if extractor is None:
        return ""
    collected = _Collected()
    try:
        if content_type in _OFFICE and not _unpacked_size_is_safe(data):
            logger.warning("office file unpacks to more than %s bytes: text not extracted", MAX_UNPACKED)
            return ""
        extractor(data, collected)
    except Exception as error:  # any parser error on a damaged or hostile file: no text, no crash
        logger.warning("no text from a %s file: %s: %s", content_type, error.__class__.__name__, error)
    return collected.text()


@task()
def extract_document_text(document_id: int) -> int:
    """Store the document's text (the pages using it are indexed again); returns its length."""
    document = PortalDocument.objects.filter(pk=document_id).first()
    if document is None or document.content_type not in EXTRACTORS:
        return 0
    source = document.file.name
    if (document.file_size or 0) > MAX_SOURCE:
        return 0
    try:
        with document.file.open("rb") as handle:
            data = handle.read()
    except (OSError, BotoCoreError, ClientError) as error:
        logger.warning("file store unavailable, text of document %s postponed: %s", document_id, error)
        raise
    document.text, document.text_source = extract_text(data, document.content_type), source
    document.save(update_fields=["text", "text_source"])
    return len(document.text)


def schedule_text_extraction(document) -> None:
    if document.content_type in EXTRACTORS and document.text_source != document.file.name:
        transaction.on_commit(lambda: extract_document_text.enqueue(document.pk))
