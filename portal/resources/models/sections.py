"""One contributing organisation's section of the library (``/hoc-lieu/<section>/<resource>/``).

Page permissions on the section are what give a contributor group rights to its own content.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.models import Page
from wagtail.search import index

from portal.core.caching import lazy_context
from portal.core.forms import PortalPageForm
from portal.core.serializers import OrganisationSerializer
from portal.resources.structured import section_node


class OrganisationSectionPage(Page):
    """One contributing organisation's part of the library; its resources are its children."""

    organisation = models.ForeignKey(
        "organisations.Organisation",
        verbose_name=_("organisation"),
        on_delete=models.PROTECT,
        related_name="sections",
    )
    introduction = models.TextField(_("introduction"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("organisation"), FieldPanel("introduction")]
    search_fields = [*Page.search_fields, index.SearchField("introduction")]
    api_fields = [
        APIField("organisation", serializer=OrganisationSerializer(read_only=True)),
        APIField("introduction"),
    ]

    base_form_class = PortalPageForm
    parent_page_types = ["resources.LibraryIndexPage"]
    subpage_types = ["resources.LearningResourcePage"]

    class Meta:
        verbose_name = _("organisation section")
        verbose_name_plural = _("organisation sections")
        db_table = "organisations_organisationsectionpage"  # where it was made, before it moved here

    def clean(self):
        super().clean()
        if not self.organisation_id:
            return
        others = OrganisationSectionPage.objects.filter(
            organisation_id=self.organisation_id, locale_id=self.locale_id
        ).exclude(pk=self.pk)
        if others.exists():
            raise ValidationError({"organisation": _("This organisation already has a section.")})

    @classmethod
    def listing_queryset(cls):
        return cls.objects.select_related("organisation").order_by("title")

    def structured_data(self, request) -> dict:
        return section_node(self, request)

    def get_context(self, request, *args, **kwargs):
        from portal.resources.listing import LISTED, resource_listing  # the listing reads these models

        context = super().get_context(request, *args, **kwargs)
        fixed = {"organisation": self.organisation.slug} if self.organisation_id else {}
        context.update(
            lazy_context(lambda: resource_listing(request, self.get_resources(), fixed=fixed), LISTED)
        )
        return context

    def get_resources(self):
        # Looked up through the app registry: the resource module imports this one.
        resource_model = self._meta.apps.get_model("resources", "LearningResourcePage")
        return resource_model.objects.child_of(self)
