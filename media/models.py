"""The portal's image and document models.

Custom from the start (Wagtail advises it) so files can carry what the media rules need: the
original Vietnamese filename, the SHA-256 used to report duplicates, the sniffed content type.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.documents.models import AbstractDocument, Document
from wagtail.images.models import AbstractImage, AbstractRendition, Image


class FileFacts(models.Model):
    original_filename = models.CharField(_("original filename"), max_length=255, blank=True)
    sha256 = models.CharField(_("SHA-256"), max_length=64, blank=True, db_index=True, editable=False)
    content_type = models.CharField(_("content type"), max_length=100, blank=True, editable=False)

    class Meta:
        abstract = True


class PortalImage(FileFacts, AbstractImage):
    admin_form_fields = Image.admin_form_fields

    class Meta(AbstractImage.Meta):
        verbose_name = _("image")
        verbose_name_plural = _("images")


class PortalRendition(AbstractRendition):
    image = models.ForeignKey(PortalImage, on_delete=models.CASCADE, related_name="renditions")

    class Meta:
        unique_together = (("image", "filter_spec", "focal_point_key"),)


class PortalDocument(FileFacts, AbstractDocument):
    admin_form_fields = Document.admin_form_fields

    class Meta(AbstractDocument.Meta):
        verbose_name = _("document")
        verbose_name_plural = _("documents")
