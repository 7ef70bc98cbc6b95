"""Collections: resources an editor has picked and ordered around one theme."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.api import APIField
from wagtail.models import Orderable, Page
from wagtail.search import index

from portal.core.forms import PortalPageForm
from portal.resources.models.index_pages import ChildListingPage
from portal.resources.structured import collection_node


class CollectionIndexPage(ChildListingPage):
    """All collections (``/bo-suu-tap/``)."""

    subpage_types = ["resources.CollectionPage"]
    listed_type = "resources.CollectionPage"
    listing_context_name = "collections"

    class Meta:
        verbose_name = _("collection index")


class CollectionPage(Page):
    """A curated, ordered list of resources, e.g. “Kỹ năng số cho người cao tuổi”."""

    introduction = models.TextField(_("introduction"), blank=True)
    thumbnail = models.ForeignKey(
        settings.WAGTAILIMAGES_IMAGE_MODEL,
        verbose_name=_("thumbnail"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("introduction"),
        FieldPanel("thumbnail"),
        InlinePanel("items", heading=_("Resources"), label=_("resource")),
    ]
    search_fields = [*Page.search_fields, index.SearchField("introduction")]
    api_fields = [APIField("introduction"), APIField("thumbnail"), APIField("items")]

    base_form_class = PortalPageForm
    parent_page_types = ["resources.CollectionIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("collection")
        verbose_name_plural = _("collections")

    @classmethod
    def listing_queryset(cls):
        return cls.objects.order_by("-first_published_at")

    def structured_data(self, request) -> dict:
        return collection_node(self, request)

    def get_context(self, request, *args, **kwargs):
        from portal.resources.listing import card_queryset  # the listing reads these models

        context = super().get_context(request, *args, **kwargs)
        items = list(self.items.all())
        resource_model = self._meta.apps.get_model("resources", "LearningResourcePage")
        chosen = resource_model.objects.filter(pk__in=[item.resource_id for item in items])
        resources = {resource.pk: resource for resource in card_queryset(chosen)}
        context["entries"] = [
            (item, resources[item.resource_id]) for item in items if item.resource_id in resources
        ]
        return context


class CollectionItem(Orderable):
    collection = ParentalKey(CollectionPage, on_delete=models.CASCADE, related_name="items")
    resource = models.ForeignKey(
        "resources.LearningResourcePage",
        verbose_name=_("resource"),
        on_delete=models.CASCADE,
        related_name="collection_items",
    )
    note = models.CharField(
        _("note"), max_length=300, blank=True, help_text=_("Why this resource is here, in a sentence.")
    )

    panels = [FieldPanel("resource"), FieldPanel("note")]
    api_fields = [APIField("resource"), APIField("note")]

    class Meta(Orderable.Meta):
        verbose_name = _("collection entry")
        verbose_name_plural = _("collection entries")
