from django.apps import AppConfig
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.utils.translation import gettext_lazy as _


def _document_saved(sender, instance, update_fields=None, **kwargs):
    from media.previews import schedule_document_preview
    from media.text_extraction import schedule_text_extraction

    if update_fields is None or "file" in update_fields:
        schedule_document_preview(instance)
        schedule_text_extraction(instance)


def _document_deleted(sender, instance, **kwargs):
    """Wagtail removes the file itself; the preview is ours to remove, once the delete is committed."""
    if instance.preview:
        storage, name = instance.preview.storage, instance.preview.name
        transaction.on_commit(lambda: storage.delete(name))


def _image_saved(sender, instance, created=False, **kwargs):
    from media.previews import schedule_picture_renditions

    if created:
        schedule_picture_renditions(instance)


class MediaConfig(AppConfig):
    name = "media"
    label = "portal_media"
    verbose_name = _("Media storage")

    def ready(self):
        from wagtail.documents.models import document_served

        from media.downloads import count_download
        from media.models import PortalDocument, PortalImage
        from portal.core.caching import shows_on_pages

        shows_on_pages(PortalDocument, PortalImage)  # titles, sizes and pictures on pages
        document_served.connect(count_download, sender=PortalDocument, dispatch_uid="media-download-count")
        post_save.connect(_document_saved, sender="portal_media.PortalDocument", dispatch_uid="media-preview")
        post_delete.connect(
            _document_deleted, sender="portal_media.PortalDocument", dispatch_uid="media-preview-delete"
        )
        post_save.connect(_image_saved, sender="portal_media.PortalImage", dispatch_uid="media-renditions")
