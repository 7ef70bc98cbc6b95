from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ResourcesConfig(AppConfig):
    name = "portal.resources"
    label = "resources"
    verbose_name = _("Learning resources")

    def ready(self):
        from portal.core.caching import shows_on_pages
        from portal.resources import models

        # A collection's and a course's items, a resource's files, and the note on a broken link.
        shows_on_pages(models.CollectionItem, models.CourseModule, models.ResourceFile, models.LinkCheck)
