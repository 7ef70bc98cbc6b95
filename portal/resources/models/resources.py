"""The learning resources of the library.

Resources live under an organisation's section page, so the section decides who may edit them.
"""

import re

from django import forms
from django.apps import apps
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import Prefetch, prefetch_related_objects
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from portal.core.blocks import PortalStreamBlock
from portal.core.caching import lazy_context
from portal.core.serializers import LicenceSerializer, OrganisationSerializer, terms
from portal.core.text import slugify
from portal.core.tree import ancestors, public
from portal.core.usage_marks import mark_view
from portal.resources.forms import LICENCE_REQUIRED, LearningResourceForm
from portal.resources.models.choices import ResourceType
from portal.resources.models.fields import ChoiceListField
from portal.resources.models.sections import OrganisationSectionPage
from portal.resources.serializers import ResourceFileSerializer
from portal.resources.structured import resource_node

IDENTIFIER_PATTERN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._:/-]*$")


class LearningResourcePage(Page):
    ResourceType = ResourceType

    class Accessibility(models.TextChoices):
        CAPTIONS = "captions", _("Captions")
        TRANSCRIPT = "transcript", _("Transcript")
        SIGN_LANGUAGE = "sign_language", _("Sign language")
        EASY_READ = "easy_read", _("Easy read")
        AUDIO_DESCRIPTION = "audio_description", _("Audio description")

    identifier = models.CharField(
        _("identifier"),
        max_length=200,
        unique=True,
        blank=True,
        validators=[
            RegexValidator(
                IDENTIFIER_PATTERN,
                _("Use letters, digits and . _ : / - only, starting with a letter or digit."),
            )
        ],
        help_text=_("Stable identifier used by imports and harvesters; made from the title when empty."),
    )
    summary = models.TextField(_("summary"), blank=True)
    body = StreamField(PortalStreamBlock(), blank=True, verbose_name=_("body"))
    resource_type = models.CharField(
        _("type"), max_length=20, choices=ResourceType.choices, default=ResourceType.DOCUMENT
    )
    subjects = ParentalManyToManyField("core.Subject", blank=True, related_name="resources")
    level = models.ForeignKey(
        "core.EducationLevel",
        verbose_name=_("education level"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="resources",
    )
    audiences = ParentalManyToManyField("core.Audience", blank=True, related_name="resources")
    languages = ParentalManyToManyField("core.Language", blank=True, related_name="resources")
    licence = models.ForeignKey(
        "core.Licence",
        verbose_name=_("licence"),
        null=True,
        blank=False,
        on_delete=models.PROTECT,
        related_name="resources",
        error_messages={"blank": LICENCE_REQUIRED},
    )
    authors = models.CharField(_("authors"), max_length=500, blank=True)
    organisation = models.ForeignKey(
        "organisations.Organisation",
        verbose_name=_("contributor organisation"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="resources",
        help_text=_("Left empty, the organisation of the section the resource is in."),
    )
    date_issued = models.DateField(_("date issued"), null=True, blank=True)
    duration = models.CharField(
        _("duration"), max_length=60, blank=True, help_text=_("e.g. “45 phút” or “3 buổi”.")
    )
    accessibility_features = ChoiceListField(_("accessibility features"), choice_list=Accessibility.choices)
    external_url = models.URLField(
        _("external address"), max_length=500, blank=True, help_text=_("Required for link resources.")
    )
    thumbnail = models.ForeignKey(
        settings.WAGTAILIMAGES_IMAGE_MODEL,
        verbose_name=_("thumbnail"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    adapted_from_title = models.CharField(_("adapted from (title)"), max_length=300, blank=True)
    adapted_from_url = models.URLField(_("adapted from (address)"), max_length=500, blank=True)
    adapted_from_licence = models.ForeignKey(
        "core.Licence",
        verbose_name=_("licence of the original"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="adaptations",
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        FieldPanel("body"),
        InlinePanel("files", heading=_("Files"), label=_("file")),
        FieldPanel("external_url"),
        FieldPanel("thumbnail"),
    ]
    description_panels = [
        FieldPanel("identifier"),
        FieldRowPanel([FieldPanel("resource_type"), FieldPanel("level")]),
        FieldPanel("subjects", widget=forms.CheckboxSelectMultiple),
        FieldPanel("audiences", widget=forms.CheckboxSelectMultiple),
        FieldPanel("languages", widget=forms.CheckboxSelectMultiple),
        FieldPanel("licence"),
        FieldPanel("authors"),
        FieldPanel("organisation"),
        FieldRowPanel([FieldPanel("date_issued"), FieldPanel("duration")]),
        FieldPanel("accessibility_features"),
        MultiFieldPanel(
            [
                FieldPanel("adapted_from_title"),
                FieldPanel("adapted_from_url"),
                FieldPanel("adapted_from_licence"),
            ],
            heading=_("Adapted from"),
        ),
    ]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading=_("Content")),
            ObjectList(description_panels, heading=_("Description")),
            ObjectList(Page.promote_panels, heading=_("Promote")),
            ObjectList(Page.settings_panels, heading=_("Settings")),
        ]
    )
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("body"),
        index.SearchField("authors"),
        index.AutocompleteField("authors"),
        index.FilterField("identifier"),
        index.FilterField("resource_type"),
        index.FilterField("date_issued"),
        index.FilterField("organisation"),
        index.FilterField("licence"),
        index.FilterField("level"),
        index.RelatedFields("subjects", [index.SearchField("name")]),
        index.RelatedFields("organisation", [index.SearchField("name")]),
    ]
    api_fields = [
        APIField("identifier"),
        APIField("summary"),
        APIField("body"),
        APIField("resource_type"),
        APIField("subjects", serializer=terms(many=True)),
        APIField("level", serializer=terms()),
        APIField("audiences", serializer=terms(many=True)),
        APIField("languages", serializer=terms(many=True)),
        APIField("licence", serializer=LicenceSerializer(read_only=True)),
        APIField("authors"),
        APIField("organisation", serializer=OrganisationSerializer(read_only=True)),
        APIField("date_issued"),
        APIField("duration"),
        APIField("accessibility_features"),
        APIField("external_url"),
        APIField("thumbnail"),
        APIField("adapted_from_title"),
        APIField("adapted_from_url"),
        APIField("adapted_from_licence", serializer=LicenceSerializer(read_only=True)),
        APIField("files", serializer=ResourceFileSerializer(many=True, read_only=True)),
    ]
    exclude_fields_in_copy = ["identifier"]
    base_form_class = LearningResourceForm

    parent_page_types = ["resources.OrganisationSectionPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("learning resource")
        verbose_name_plural = _("learning resources")

    def __str__(self) -> str:
        return self.title

    @classmethod
    def listing_queryset(cls):
        return cls.objects.select_related("organisation", "licence").order_by("-first_published_at")

    # --- defaults and validation ------------------------------------------------------------
    def full_clean(self, *args, **kwargs):
        self._set_resource_defaults()
        super().full_clean(*args, **kwargs)

    def save(self, *args, **kwargs):
        self._set_resource_defaults()
        return super().save(*args, **kwargs)

    def _set_resource_defaults(self) -> None:
        parent_is_known = bool(self.path or getattr(self, "_cached_parent_obj", None))
        if not self.slug and self.title and parent_is_known:
            # ASCII addresses survive copying into chat apps and SMS, unlike "/sử-dụng-zalo/".
            self.slug = self._get_autogenerated_slug(slugify(self.title)[:80].strip("-") or "hoc-lieu")
        if not self.identifier and self.title:
            self.identifier = self._unique_identifier(slugify(self.title)[:80].strip("-") or "hoc-lieu")
        if not self.organisation_id:
            section = self._section()
            if section is not None:
                self.organisation_id = section.organisation_id

    def _section(self):
        parent = getattr(self, "_cached_parent_obj", None) or (self.get_parent() if self.path else None)
        parent = parent.specific if parent is not None else None
        return parent if isinstance(parent, OrganisationSectionPage) else None

    def _unique_identifier(self, base: str) -> str:
        taken = set(
            LearningResourcePage.objects.filter(identifier__startswith=base)
            .exclude(pk=self.pk)
            .values_list("identifier", flat=True)
        )
        candidate, number = base, 2
        while candidate in taken:
            candidate, number = f"{base}-{number}", number + 1
        return candidate

    def clean(self):
        super().clean()
        if self.resource_type == self.ResourceType.LINK and not self.external_url:
            raise ValidationError({"external_url": _("A link resource needs the address it links to.")})
        if self.adapted_from_licence_id and not (self.adapted_from_title or self.adapted_from_url):
            raise ValidationError({"adapted_from_title": _("Name the work this resource was adapted from.")})

    # --- what the pages show ----------------------------------------------------------------
    @property
    def collections(self):
        collection_model = self._meta.apps.get_model("resources", "CollectionPage")  # it imports this module
        return public(collection_model.objects.live().filter(items__resource_id=self.pk).distinct())

    def broken_link(self):
        """The last check of the outside address when it failed (the page says so), else None."""
        check = getattr(self, "link_check", None)
        return check if check is not None and check.broken and check.url == self.external_url else None

    def accessibility_labels(self) -> list[str]:
        labels = dict(self.Accessibility.choices)
        return [labels[key] for key in self.accessibility_features or [] if key in labels]

    def related_resources(self, limit: int = 4):
        """Live resources sharing a subject with this one, newest first."""
        subject_ids = [subject.pk for subject in self.subjects.all()]  # also works on an unsaved preview
        candidates = (
            LearningResourcePage.objects.filter(subjects__in=subject_ids).exclude(pk=self.pk).values("pk")
        )
        return list(
            public(LearningResourcePage.objects.live())
            .filter(pk__in=candidates, locale_id=self.locale_id)
            .select_related("organisation", "licence")
            .order_by("-first_published_at")[:limit]
        )

    def library(self):
        """The library listing the resource."""
        library_class = apps.get_model("resources", "LibraryIndexPage")  # its module imports this one
        found = (page for page in ancestors(self) if page.specific_class is library_class)
        return next((page.specific_deferred for page in found), None)

    def structured_data(self, request) -> dict:
        self._prefetch_shown_relations(request)
        return resource_node(self, request)

    def _prefetch_shown_relations(self, request) -> None:
        """Loaded once for the page and its schema.org description (``structured_data``); a
        preview shows the form's values instead."""
        if not self.pk or getattr(request, "is_preview", False) or getattr(self, "_shown_prefetched", False):
            return
        self._shown_prefetched = True
        prefetch_related_objects(
            [self],
            "subjects",
            "audiences",
            "languages",
            Prefetch(
                "files",
                queryset=self.files.model.objects.select_related(
                    "document__download_counter", "captions", "document__captions"
                ),
            ),
        )

    def serve(self, request, *args, **kwargs):
        response = super().serve(request, *args, **kwargs)
        return response if getattr(request, "is_preview", False) else mark_view(response, "resource", self.pk)

    SHOWN = ("files", "preview_file", "library", "related", "attribution", "subject_list",
             "audience_list", "language_list", "collection_list")  # fmt: skip

    def _shown(self, request) -> dict:
        from portal.resources.attribution import attribution_text

        self._prefetch_shown_relations(request)
        files = list(self.files.all())
        return {
            "files": files,
            "preview_file": next((item for item in files if item.has_preview), None),
            "library": self.library(),
            "related": self.related_resources(),
            "attribution": attribution_text(self, request),
            "subject_list": list(self.subjects.all()),
            "audience_list": list(self.audiences.all()),
            "language_list": list(self.languages.all()),
            "collection_list": list(self.collections),
        }

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(lazy_context(lambda: self._shown(request), self.SHOWN))
        return context
