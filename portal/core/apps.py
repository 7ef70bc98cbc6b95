from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "portal.core"
    label = "core"
    verbose_name = _("Portal core")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from portal.core import lockout  # noqa: F401 - counts failed sign-ins per account
        from portal.core.page_cache import connect_invalidation
        from portal.core.spreadsheets import neutralise_wagtail_csv_exports

        neutralise_wagtail_csv_exports()
        connect_invalidation()
