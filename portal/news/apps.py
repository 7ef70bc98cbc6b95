from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NewsConfig(AppConfig):
    name = "portal.news"
    label = "news"
    verbose_name = _("News")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from portal.core.caching import shows_on_pages
        from portal.news import models

        shows_on_pages(models.NewsCategory, models.NewsPageTag)
