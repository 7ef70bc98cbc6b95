"""Previews and renditions, made in background tasks after upload, never during a page request.

A PDF's first page (pypdfium2) or an image document becomes a WebP preview stored publicly on
the document (``PortalDocument.preview``). Images get the WebP/AVIF renditions that the
``{% picture %}`` tag offers in ``srcset``. With the immediate backend (development, tests) the
tasks run at once; in production the worker runs them.
"""

import logging
import secrets
from io import BytesIO

import pypdfium2 as pdfium
from botocore.exceptions import BotoCoreError, ClientError
from django.core.files.base import ContentFile
from django.db import transaction
from django_tasks import task
from PIL import Image
from wagtail.images import get_image_model

from media.models import PortalDocument

logger = logging.getLogger(__name__)
PREVIEW_WIDTH = 480
PREVIEW_MAX_HEIGHT = PREVIEW_WIDTH * 4  # a tall strip of a page is cut, never rendered whole
PICTURE_WIDTHS = (320, 640, 960, 1280)
PICTURE_FORMATS = ("avif", "webp")
FALLBACK_WIDTH = 640
PREVIEWABLE = {"application/pdf", "image/jpeg", "image/png", "image/webp", "image/avif"}
_STORAGE_ERRORS = (OSError, BotoCoreError, ClientError)
_DECODE_ERRORS = (pdfium.PdfiumError, Image.DecompressionBombError, OSError, SyntaxError, ValueError)


def picture_specs(widths=PICTURE_WIDTHS) -> list[str]:
    return [f"width-{width}|format-{fmt}" for fmt in PICTURE_FORMATS for width in widths]


def pdf_page_scale(width: float, height: float) -> float:
    """The render scale that fits a page into ``PREVIEW_WIDTH`` × ``PREVIEW_MAX_HEIGHT`` pixels.

    Page sizes come from the file: a 1 × 400 pt page scaled to the preview's width would be
    192,000 pixels tall. Fitting both sides bounds the bitmap (≈ 3.7 MB) whatever the shape.
    """
    if width <= 0 or height <= 0:
        raise ValueError(f"page of {width} × {height} points")
    return min(PREVIEW_WIDTH / width, PREVIEW_MAX_HEIGHT / height)


def render_preview(handle, content_type: str) -> Image.Image:
    """The first page of a PDF, or the image itself, within ``PREVIEW_WIDTH`` × ``PREVIEW_MAX_HEIGHT``."""
    if content_type == "application/pdf":
        pdf = pdfium.PdfDocument(handle)
        try:
            if len(pdf) == 0:
                raise ValueError("the PDF has no pages")
            page = pdf[0]
            scale = pdf_page_scale(page.get_width(), page.get_height())
            image = page.render(scale=scale, may_draw_forms=False).to_pil()
        finally:
            pdf.close()
        return image
    image = Image.open(handle)
    image.thumbnail((PREVIEW_WIDTH, PREVIEW_MAX_HEIGHT))
    return image.convert("RGBA" if image.mode in {"RGBA", "LA", "P"} else "RGB")


@task()
def make_document_preview(document_id: int) -> bool:
    """Store a WebP preview of the document; returns whether one was made."""
    document = PortalDocument.objects.filter(pk=document_id).first()
    if document is None or document.content_type not in PREVIEWABLE:
        return False
    source = document.file.name
    try:
        with document.file.open("rb") as handle:
            try:
                image = render_preview(handle, document.content_type)
            except _DECODE_ERRORS as error:  # damaged or hostile file: no preview, never a crash
                logger.warning("no preview for document %s: %s", document_id, error)
                return False
        output = BytesIO()
        image.save(output, "WEBP", quality=80, method=4)
        old_preview = document.preview.name
        document.preview.save(f"{secrets.token_hex(4)}.webp", ContentFile(output.getvalue()), save=False)
    except _STORAGE_ERRORS as error:
        logger.warning("file store unavailable, preview of document %s postponed: %s", document_id, error)
        raise
    document.preview_width, document.preview_height = image.size
    document.preview_source = source
    document.save(update_fields=["preview", "preview_width", "preview_height", "preview_source"])
    if old_preview:
        document.preview.storage.delete(old_preview)
    return True


@task()
def make_picture_renditions(image_id: int) -> int:
    """The renditions ``{% picture %}`` uses; returns how many exist afterwards."""
    image = get_image_model().objects.filter(pk=image_id).first()
    if image is None:
        return 0
    return len(image.get_renditions(*picture_specs()))


def schedule_document_preview(document) -> None:
    if document.content_type in PREVIEWABLE and document.preview_source != document.file.name:
        transaction.on_commit(lambda: make_document_preview.enqueue(document.pk))


def schedule_picture_renditions(image) -> None:
    transaction.on_commit(lambda: make_picture_renditions.enqueue(image.pk))
