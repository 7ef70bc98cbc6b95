from django.apps import AppConfig
from django.utils.module_loading import autodiscover_modules
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "search"
    verbose_name = _("Public search")

    def ready(self) -> None:
        from search import checks, signals, wagtail_indexes  # noqa: F401 - start-up check, signals
        from search.families import pages  # noqa: F401 - the core's plain pages

        autodiscover_modules("search")  # each app's families, in its own search.py
        wagtail_indexes.install()
