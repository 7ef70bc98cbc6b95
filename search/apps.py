from importlib import import_module

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "search"
    verbose_name = _("Public search")

    def ready(self) -> None:
        from search import checks, signals, wagtail_indexes  # noqa: F401 - start-up check, signals
        from search.families import FAMILY_MODULES

        for module in FAMILY_MODULES:
            import_module(module)
        wagtail_indexes.install()
