"""Contributor organisations, what each owns (a group and a collection of files), and roles.

The library's pages, including each organisation's section, belong to the resources app, which
depends on this one and never the other way round.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.search import index


class Organisation(index.Indexed, models.Model):
    """A university, department, association or library that contributes resources."""

    class Kind(models.TextChoices):
        UNIVERSITY = "university", _("University")
        COLLEGE = "college", _("College")
        DEPARTMENT = "department", _("Government department")
        ASSOCIATION = "association", _("Association")
        LIBRARY = "library", _("Library")
        BROADCASTER = "broadcaster", _("Broadcaster")
        CENTRE = "centre", _("Community learning centre")
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


class RoleGroup(models.Model):
    """Which group plays a role (see ``roles.py``): found by key, so renaming the group is safe."""

    key = models.SlugField(_("role"), max_length=60, unique=True)
    group = models.OneToOneField("auth.Group", on_delete=models.CASCADE, related_name="role")

    class Meta:
        verbose_name = _("role")
        verbose_name_plural = _("roles")

    def __str__(self) -> str:
        return self.key
