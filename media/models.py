"""The portal's image and document models, and the tables that go with files.

Custom from the start (Wagtail advises it) so files can carry what the media rules need: the
original Vietnamese filename, the SHA-256 used to report duplicates, the sniffed content type,
a preview of the first page. Download counts live in their own table so a download never
writes a revision or touches the document row.
"""

import uuid
from contextlib import contextmanager

from botocore.exceptions import BotoCoreError, ClientError
from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.documents.models import AbstractDocument, Document
from wagtail.images.models import AbstractImage, AbstractRendition, Image, SourceImageIOError

from media.filetypes import KIND_BY_CONTENT_TYPE, TYPES
from media.storages import dated_path, public_storage
from media.validation import clean_filename

STORE_ERRORS = (BotoCoreError, ClientError)
# An unreadable store, or an original that no longer decodes (damaged before upload checks
# existed, or on disk): either way the page shows the image's text instead of failing.
UNRENDERABLE = (*STORE_ERRORS, OSError)
FOLDERS = {
    "document": "documents",
    "audio": "audio",
    "video": "video",
    "image": "images",
    "package": "packages",
    "captions": "captions",
}


def document_upload_to(document, filename: str) -> str:
    return dated_path(FOLDERS.get(document.kind, "documents"), filename)


def preview_upload_to(document, filename: str) -> str:
    return dated_path("previews", filename)


class FileFacts(models.Model):
    original_filename = models.CharField(_("original filename"), max_length=255, blank=True)
    sha256 = models.CharField(_("SHA-256"), max_length=64, blank=True, db_index=True, editable=False)
    content_type = models.CharField(_("content type"), max_length=100, blank=True, editable=False)

    class Meta:
        abstract = True

    @property
    def kind(self) -> str:
        return KIND_BY_CONTENT_TYPE.get(self.content_type, "document")


class PortalImage(FileFacts, AbstractImage):
    admin_form_fields = Image.admin_form_fields

    class Meta(AbstractImage.Meta):
        verbose_name = _("image")
        verbose_name_plural = _("images")

    def get_upload_to(self, filename: str) -> str:
        return dated_path("images", filename)

    # With the file store unreachable or the original damaged, Wagtail's image tags fall back to
    # a "not found" rendition (alt text in the page) when they see SourceImageIOError.
    @contextmanager
    def open_file(self):
        try:
            with super().open_file() as image_file:
                yield image_file
        except UNRENDERABLE as error:
            raise SourceImageIOError(str(error)) from error

    def create_rendition(self, filter):
        try:
            return super().create_rendition(filter)
        except UNRENDERABLE as error:
            raise SourceImageIOError(str(error)) from error

    def create_renditions(self, *filters):
        try:
            return super().create_renditions(*filters)
        except UNRENDERABLE as error:
            raise SourceImageIOError(str(error)) from error


class PortalRendition(AbstractRendition):
    image = models.ForeignKey(PortalImage, on_delete=models.CASCADE, related_name="renditions")

    class Meta:
        unique_together = (("image", "filter_spec", "focal_point_key"),)

    def get_upload_to(self, filename: str) -> str:
        """``renditions/YYYY/MM/<random>/<name>``: no rendition sits at an address made from the
        image's name, so the renditions of an unpublished image cannot be guessed."""
        return dated_path("renditions", filename)


class PortalDocument(FileFacts, AbstractDocument):
    file = models.FileField(_("file"), upload_to=document_upload_to, max_length=255)
    # A plain FileField: an ImageField with dimension fields opens the file on the store
    # whenever a row loads without them, so a page view would depend on S3 answering.
    preview = models.FileField(
        _("preview"),
        storage=public_storage,
        upload_to=preview_upload_to,
        blank=True,
        editable=False,
        help_text=_("First page of a PDF, made in the background after upload."),
    )
    preview_width = models.PositiveIntegerField(null=True, blank=True, editable=False)
    preview_height = models.PositiveIntegerField(null=True, blank=True, editable=False)
    preview_source = models.CharField(max_length=255, blank=True, editable=False)
    text = models.TextField(
        _("text"),
        blank=True,
        editable=False,
        help_text=_("Text of a PDF, office document or captions, extracted in the background for search."),
    )
    text_source = models.CharField(max_length=255, blank=True, editable=False)
    captions = models.ForeignKey(
        "self",
        verbose_name=_("captions (WebVTT)"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("For audio and video: a WebVTT captions file uploaded as a document."),
    )

    admin_form_fields = (*Document.admin_form_fields, "captions")

    class Meta(AbstractDocument.Meta):
        verbose_name = _("document")
        verbose_name_plural = _("documents")

    @property
    def url(self) -> str:
        """Every link to a document goes through the download view (permission, count)."""
        return reverse("media:download", args=[self.pk, self.filename])

    @property
    def display_filename(self) -> str:
        """The uploader's name for the file, ending in the extension of its real (sniffed) type.

        "lesson.html" holding PDF bytes is offered as "lesson.pdf", so a browser never opens a
        download as something it is not.
        """
        name = self.original_filename or self.filename
        extensions = [t.extension for t in TYPES.values() if t.content_type == self.content_type]
        if not extensions or name.rsplit(".", 1)[-1].lower() in extensions:
            return name
        return clean_filename(name, extensions[0])


class DownloadCounter(models.Model):
    """How often a document was downloaded; incremented with ``F()`` so no count is lost."""

    document = models.OneToOneField(
        PortalDocument, on_delete=models.CASCADE, related_name="download_counter", primary_key=True
    )
    count = models.PositiveBigIntegerField(_("downloads"), default=0)
    last_download_at = models.DateTimeField(_("last downloaded"), null=True, blank=True, db_index=True)

    class Meta:
        verbose_name = _("download counter")


class UploadSession(models.Model):
    """A resumable upload of a large file: parts go to S3 (or to disk), then the server verifies."""

    class Status(models.TextChoices):
        OPEN = "open", _("uploading")
        VERIFYING = "verifying", _("verifying")
        DONE = "done", _("ready")
        FAILED = "failed", _("refused")

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    title = models.CharField(_("title"), max_length=255)
    collection = models.ForeignKey("wagtailcore.Collection", on_delete=models.CASCADE, related_name="+")
    filename = models.CharField(_("original filename"), max_length=255)
    size = models.PositiveBigIntegerField(_("size"))
    sha256 = models.CharField(_("SHA-256"), max_length=64, blank=True)
    part_size = models.PositiveIntegerField()
    part_digests = models.JSONField(default=dict, blank=True)
    key = models.CharField(max_length=255)
    upload_id = models.CharField(max_length=255, blank=True)
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.OPEN)
    message = models.TextField(blank=True)
    document = models.ForeignKey(
        PortalDocument, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("upload session")

    @property
    def part_count(self) -> int:
        return max(1, -(-self.size // self.part_size))
