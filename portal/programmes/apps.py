from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProgrammesConfig(AppConfig):
    name = "portal.programmes"
    label = "programmes"
    verbose_name = _("Broadcast programmes")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from portal.core.caching import shows_on_pages
        from portal.programmes import models

        shows_on_pages(models.Airing, models.EpisodeResource)
