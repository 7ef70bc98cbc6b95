from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "portal.core"
    label = "core"
    verbose_name = _("Portal core")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from portal.core import (
            lockout,  # noqa: F401 - counts failed sign-ins per account
            models,
        )
        from portal.core.caching import connect_page_changes, shows_on_pages
        from portal.core.spreadsheets import neutralise_wagtail_csv_exports

        neutralise_wagtail_csv_exports()
        connect_page_changes()
        shows_on_pages(
            models.AdminUnit,
            models.PortalSettings,
            models.Subject,
            models.EducationLevel,
            models.Audience,
            models.Language,
            models.Licence,
        )
