from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class IndicatorsConfig(AppConfig):
    name = "portal.indicators"
    label = "indicators"
    verbose_name = _("Learning-society indicators")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from portal.core.caching import shows_on_pages
        from portal.indicators import models

        shows_on_pages(models.Indicator, models.Measurement, models.Recognition)  # dashboard, home figures
