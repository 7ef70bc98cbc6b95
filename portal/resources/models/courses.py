"""Courses: ordered modules of resources and lessons, self-paced or on fixed dates."""

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from portal.core.blocks import RICH_TEXT_FEATURES, PortalStreamBlock
from portal.core.forms import PortalPageForm
from portal.core.serializers import OrganisationSerializer, terms
from portal.resources.models.index_pages import ChildListingPage
from portal.resources.structured import course_node


class LessonBlock(blocks.StructBlock):
    """A lesson written in the course itself, when no resource page fits."""

    title = blocks.CharBlock(label=_("title"))
    text = blocks.RichTextBlock(features=RICH_TEXT_FEATURES, required=False, label=_("text"))
    duration = blocks.CharBlock(required=False, label=_("duration"), help_text=_("e.g. “30 phút”"))

    class Meta:
        icon = "doc-full"
        label = _("lesson")


class ModuleItemsBlock(blocks.StreamBlock):
    resource = blocks.PageChooserBlock(
        page_type="resources.LearningResourcePage", label=_("resource"), icon="doc-full-inverse"
    )
    lesson = LessonBlock()


class CourseIndexPage(ChildListingPage):
    """All courses (``/khoa-hoc/``)."""

    subpage_types = ["resources.CoursePage"]
    listed_type = "resources.CoursePage"
    listing_context_name = "courses"

    class Meta:
        verbose_name = _("course index")


class CoursePage(Page):
    summary = models.TextField(_("summary"), blank=True)
    body = StreamField(PortalStreamBlock(), blank=True, verbose_name=_("description"))
    provider = models.ForeignKey(
        "organisations.Organisation",
        verbose_name=_("provider"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="courses",
    )
    subjects = ParentalManyToManyField("core.Subject", blank=True, related_name="courses")
    audiences = ParentalManyToManyField("core.Audience", blank=True, related_name="courses")
    level = models.ForeignKey(
        "core.EducationLevel",
        verbose_name=_("education level"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="courses",
    )
    self_paced = models.BooleanField(
        _("self-paced"), default=True, help_text=_("Learners start whenever they like.")
    )
    start_date = models.DateField(_("starts"), null=True, blank=True)
    end_date = models.DateField(_("ends"), null=True, blank=True)
    enrolment_url = models.URLField(_("enrolment address"), max_length=500, blank=True)
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
        FieldPanel("summary"),
        FieldPanel("body"),
        FieldPanel("thumbnail"),
        FieldPanel("provider"),
        FieldPanel("subjects", widget=forms.CheckboxSelectMultiple),
        FieldPanel("audiences", widget=forms.CheckboxSelectMultiple),
        FieldPanel("level"),
        MultiFieldPanel(
            [
                FieldPanel("self_paced"),
                FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date")]),
                FieldPanel("enrolment_url"),
            ],
            heading=_("Schedule and enrolment"),
        ),
        InlinePanel("modules", heading=_("Modules"), label=_("module")),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("body"),
        index.FilterField("self_paced"),
        index.RelatedFields("provider", [index.SearchField("name")]),
    ]
    api_fields = [
        APIField("summary"),
        APIField("body"),
        APIField("provider", serializer=OrganisationSerializer(read_only=True)),
        APIField("subjects", serializer=terms(many=True)),
        APIField("audiences", serializer=terms(many=True)),
        APIField("level", serializer=terms()),
        APIField("self_paced"),
        APIField("start_date"),
        APIField("end_date"),
        APIField("enrolment_url"),
        APIField("thumbnail"),
        APIField("modules"),
    ]

    base_form_class = PortalPageForm
    parent_page_types = ["resources.CourseIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("course")
        verbose_name_plural = _("courses")

    @classmethod
    def listing_queryset(cls):
        return cls.objects.select_related("provider").order_by("-first_published_at")

    def clean(self):
        super().clean()
        if not self.self_paced and not self.start_date:
            raise ValidationError({"start_date": _("A course on fixed dates needs a start date.")})
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": _("The course cannot end before it starts.")})

    def structured_data(self, request) -> dict:
        return course_node(self, request)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["module_list"] = list(self.modules.all())
        context["audience_list"] = list(self.audiences.all())
        context["subject_list"] = list(self.subjects.all())
        return context


class CourseModule(Orderable):
    course = ParentalKey(CoursePage, on_delete=models.CASCADE, related_name="modules")
    title = models.CharField(_("title"), max_length=200)
    summary = models.TextField(_("summary"), blank=True)
    items = StreamField(ModuleItemsBlock(), blank=True, verbose_name=_("resources and lessons"))

    panels = [FieldPanel("title"), FieldPanel("summary"), FieldPanel("items")]
    api_fields = [APIField("title"), APIField("summary"), APIField("items")]

    class Meta(Orderable.Meta):
        verbose_name = _("module")
        verbose_name_plural = _("modules")

    def __str__(self) -> str:
        return self.title
