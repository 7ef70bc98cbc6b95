"""Contributor organisations and the section each one gets under the library.

A section page is where an organisation's resources live (``/hoc-lieu/<section>/<resource>/``),
so page permissions on the section are what give a contributor group rights to its own content.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.models import Page
from wagtail.search import index

from portal.core.forms import PortalPageForm


class Organisation(index.Indexed, models.Model):
    """A university, department, association or library that contributes resources."""

    class Kind(models.TextChoices):
        UNIVERSITY = "university", _("University")
        COLLEGE = "college", _("College")
        DEPARTMENT = "department", _("Government department")
        ASSOCIATION = "association", _("Association")
        LIBRARY = "library", _("Library")
        BROADCASTER = "broadcaster", _("Broadcaster")
        OTHER = "other", _("Other")

    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.OTHER)
    logo = models.ForeignKey(
        settings.WAGTAILIMAGES_IMAGE_MODEL,
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    website = models.URLField(_("website"), blank=True)
    email = models.EmailField(_("email"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    description = models.TextField(_("description"), blank=True)
    # What the organisation owns, tied by key so a rename keeps every permission in place.
    group = models.OneToOneField(
        "auth.Group",
        verbose_name=_("contributor group"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="organisation",
    )
    collection = models.OneToOneField(
        "wagtailcore.Collection",
        verbose_name=_("collection of files"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="organisation",
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("kind"),
        FieldPanel("logo"),
        MultiFieldPanel(
            [FieldPanel("website"), FieldPanel("email"), FieldPanel("phone")],
            heading=_("Contact"),
        ),
        FieldPanel("description"),
    ]
    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.FilterField("kind"),
    ]

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        self._follow_name()

    @property
    def group_name(self) -> str:
        return _("Contributors – %(organisation)s") % {"organisation": self.name}

    def _follow_name(self) -> None:
        """Keep the names people read on the group and collection in step with the organisation's."""
        if self.group_id and self.group.name != self.group_name:
            self.group.name = self.group_name
            self.group.save(update_fields=["name"])
        if self.collection_id and self.collection.name != self.name:
            self.collection.name = self.name
            self.collection.save(update_fields=["name"])


class OrganisationSectionPage(Page):
    """One contributing organisation's part of the library; its resources are its children."""

    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.PROTECT,
        related_name="sections",
    )
    introduction = models.TextField(_("introduction"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("organisation"), FieldPanel("introduction")]
    search_fields = [*Page.search_fields, index.SearchField("introduction")]
    api_fields = [APIField("organisation"), APIField("introduction")]

    base_form_class = PortalPageForm
    parent_page_types = ["resources.LibraryIndexPage"]
    subpage_types = ["resources.LearningResourcePage"]

    class Meta:
        verbose_name = _("organisation section")
        verbose_name_plural = _("organisation sections")

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

    def get_context(self, request, *args, **kwargs):
        from portal.resources.listing import resource_listing

        context = super().get_context(request, *args, **kwargs)
        context.update(resource_listing(request, self.get_resources(), fixed={"organisation"}))
        return context

    def get_resources(self):
        from portal.resources.models import LearningResourcePage

        return LearningResourcePage.objects.child_of(self)


class RoleGroup(models.Model):
    """Which group plays a role (see ``roles.py``): found by key, so renaming the group is safe."""

    key = models.SlugField(_("role"), max_length=60, unique=True)
    group = models.OneToOneField("auth.Group", on_delete=models.CASCADE, related_name="role")

    class Meta:
        verbose_name = _("role")
        verbose_name_plural = _("roles")

    def __str__(self) -> str:
        return self.key
