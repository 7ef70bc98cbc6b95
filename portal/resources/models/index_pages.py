"""Index pages that list what lies below them, also when aliased into the English tree."""

from django.apps import apps
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page

from portal.core.forms import PortalPageForm
from portal.core.models.pages import source_page
from portal.core.tree import public


class ChildListingPage(Page):
    """An index that lists its live children of one page type (courses, collections).

    Subclasses name ``listed_type`` (an app_label.Model string) and ``listing_context_name``.
    """

    introduction = models.TextField(_("introduction"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("introduction")]
    base_form_class = PortalPageForm
    parent_page_types = ["core.HomePage"]
    max_count_per_parent = 1
    listed_type = ""
    listing_context_name = "items"

    class Meta:
        abstract = True

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        listed = apps.get_model(self.listed_type)
        context[self.listing_context_name] = public(
            listed.listing_queryset().child_of(source_page(self)).live()
        )
        return context
