from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class UsageConfig(AppConfig):
    name = "portal.usage"
    label = "usage"
    verbose_name = _("Usage statistics")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from wagtail.documents.models import document_served

        from portal.usage import recording

        recording.flush_at_exit()
        document_served.connect(recording.record_download, dispatch_uid="usage-download")
