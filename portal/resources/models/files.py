"""Files attached to a resource: documents in the private storage, with optional captions."""

import mimetypes

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.models import Orderable

AUDIO_EXTENSIONS = {"mp3", "m4a", "ogg", "oga", "wav"}
VIDEO_EXTENSIONS = {"mp4", "webm", "ogv"}
IMAGE_EXTENSIONS = {"jpg", "jpeg", "png", "webp", "avif", "gif"}


class ResourceFile(Orderable):
    page = ParentalKey("resources.LearningResourcePage", on_delete=models.CASCADE, related_name="files")
    document = models.ForeignKey(
        settings.WAGTAILDOCS_DOCUMENT_MODEL,
        verbose_name=_("file"),
        on_delete=models.CASCADE,
        related_name="resource_files",
    )
    label = models.CharField(
        _("label"),
        max_length=200,
        blank=True,
        help_text=_("Shown instead of the file's title, e.g. “Slides”."),
    )
    captions = models.ForeignKey(
        settings.WAGTAILDOCS_DOCUMENT_MODEL,
        verbose_name=_("captions (WebVTT)"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("For audio and video: a .vtt subtitle file."),
    )

    panels = [FieldPanel("document"), FieldPanel("label"), FieldPanel("captions")]
    api_fields = [APIField("document"), APIField("label"), APIField("captions")]

    class Meta(Orderable.Meta):
        verbose_name = _("file")
        verbose_name_plural = _("files")

    def __str__(self) -> str:
        return self.title

    @property
    def title(self) -> str:
        return self.label or self.document.title

    @property
    def extension(self) -> str:
        return self.document.file_extension.lower()

    @property
    def format_label(self) -> str:
        """What a visitor reads before downloading: "PDF", "MP3"..."""
        return self.extension.upper() or _("file")

    @property
    def media_kind(self) -> str:
        """Which in-page player or preview fits: audio, video, image or document."""
        content_type = getattr(self.document, "content_type", "") or ""
        if self.extension in AUDIO_EXTENSIONS or content_type.startswith("audio/"):
            return "audio"
        if self.extension in VIDEO_EXTENSIONS or content_type.startswith("video/"):
            return "video"
        if self.extension in IMAGE_EXTENSIONS or content_type.startswith("image/"):
            return "image"
        return "document"

    @property
    def has_preview(self) -> bool:
        """Whether the page can show it in place: a player, or a picture made by the media app."""
        return self.media_kind in {"audio", "video"} or bool(self.document.preview)

    @property
    def mime_type(self) -> str:
        content_type = getattr(self.document, "content_type", "")
        if content_type:
            return content_type
        known = {"mp3": "audio/mpeg", "wav": "audio/wav", "mp4": "video/mp4", "webm": "video/webm"}
        return known.get(self.extension) or mimetypes.guess_type(self.document.filename)[0] or ""

    @property
    def caption_track(self):
        """The WebVTT file for this use of the document, else the one kept with the document."""
        return self.captions or self.document.captions

    @property
    def download_count(self) -> int:
        """Downloads counted by the media app; a file never downloaded has no counter row yet."""
        counter = getattr(self.document, "download_counter", None)
        return counter.count if counter else 0
