from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CentresConfig(AppConfig):
    name = "portal.centres"
    label = "centres"
    verbose_name = _("Community learning centres")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from portal.centres.models import CentreClass
        from portal.centres.staff import connect
        from portal.core.caching import shows_on_pages

        connect()
        shows_on_pages(CentreClass)
