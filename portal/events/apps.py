from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    name = "portal.events"
    label = "events"
    verbose_name = _("Events and campaigns")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from portal.core.caching import shows_on_pages
        from portal.events import models

        shows_on_pages(models.EventResource, models.CampaignOrganiser)
