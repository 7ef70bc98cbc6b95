"""Kinds of resource: read by the models, the listing's filters and the importer alike."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ResourceType(models.TextChoices):
    DOCUMENT = "document", _("Document")
    VIDEO = "video", _("Video")
    AUDIO = "audio", _("Audio")
    COURSE = "course", _("Course material")
    INTERACTIVE = "interactive", _("Interactive")
    IMAGE_SET = "image_set", _("Image set")
    LINK = "link", _("Link")
