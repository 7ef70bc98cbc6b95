from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OrganisationsConfig(AppConfig):
    name = "portal.organisations"
    label = "organisations"
    verbose_name = _("Contributor organisations")

    def ready(self):
        from portal.core.caching import shows_on_pages
        from portal.organisations.models import Organisation

        shows_on_pages(Organisation)  # names, logos and contacts on every page of theirs
