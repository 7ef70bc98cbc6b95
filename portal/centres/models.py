"""Community learning centres (``/trung-tam-hoc-tap-cong-dong/``): where they are, what they offer.

Every commune and ward runs a community learning centre (trung tâm học tập cộng đồng); the plan
counts them and asks how many use IT. One page per centre, under the one index, gives its
address, hours, facilities and the classes it opens. Each centre's own staff edit its page and
submit it to the provincial editors (see ``portal.centres.staff``).
"""

import datetime

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.models import Orderable, Page
from wagtail.search import index

from portal.centres.kinds import ClassKind
from portal.core.forms import PortalPageForm
from portal.core.models.pages import SectionIndexPage, source_page
from portal.core.serializers import AdminUnitSerializer, OrganisationSerializer
from portal.core.tree import public


def communes_valid_today() -> Q:
    """The admin offers only the communes and wards that exist today (after 1 July 2025)."""
    today = datetime.date.today()
    return Q(level="commune", valid_from__lte=today) & (
        Q(valid_until__isnull=True) | Q(valid_until__gte=today)
    )


class CentreIndexPage(SectionIndexPage):
    """All community learning centres, by commune, with a filter that works without JavaScript."""

    subpage_types = ["centres.CommunityLearningCentrePage"]

    class Meta:
        verbose_name = _("learning centre index")
        verbose_name_plural = _("learning centre indexes")

    def get_centres(self):
        return public(CommunityLearningCentrePage.objects.child_of(source_page(self)).live())

    def get_context(self, request, *args, **kwargs):
        from portal.centres.listing import centre_listing

        context = super().get_context(request, *args, **kwargs)
        context.update(centre_listing(request, self))
        return context

    def structured_data(self, request) -> dict:
        from portal.centres.structured import index_node

        return index_node(self, request)


class CommunityLearningCentrePage(Page):
    """One centre: its commune (with the units it replaced), address, contact, facilities, classes."""

    commune = models.ForeignKey(
        "core.AdminUnit",
        verbose_name=_("commune or ward"),
        on_delete=models.PROTECT,
        related_name="learning_centres",
        limit_choices_to=communes_valid_today,
    )
    address = models.CharField(_("address"), max_length=255, blank=True)
    latitude = models.DecimalField(_("latitude"), max_digits=9, decimal_places=6, null=True, blank=True)
    longitude = models.DecimalField(_("longitude"), max_digits=9, decimal_places=6, null=True, blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    email = models.EmailField(_("email"), blank=True)
    opening_hours = models.TextField(
        _("opening hours"),
        blank=True,
        help_text=_("For example: Monday to Friday, 7:30–11:00 and 13:30–17:00."),
    )
    has_internet = models.BooleanField(_("internet access"), default=False)
    has_computers = models.BooleanField(_("computers for learners"), default=False)
    has_library = models.BooleanField(_("library corner"), default=False)
    uses_it = models.BooleanField(
        _("uses IT in its work"),
        default=False,
        help_text=_("Counted in the plan's indicator of centres applying information technology."),
    )
    description = models.TextField(_("description"), blank=True)
    organisation = models.ForeignKey(
        "organisations.Organisation",
        verbose_name=_("staff organisation"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="learning_centres",
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("commune"),
        FieldPanel("description"),
        MultiFieldPanel(
            [
                FieldPanel("address"),
                FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")]),
                FieldRowPanel([FieldPanel("phone"), FieldPanel("email")]),
                FieldPanel("opening_hours"),
            ],
            heading=_("Address and contact"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("has_internet"),
                FieldPanel("has_computers"),
                FieldPanel("has_library"),
                FieldPanel("uses_it"),
            ],
            heading=_("Facilities"),
        ),
        InlinePanel("classes", label=_("Classes"), heading=_("Classes")),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("description"),
        index.SearchField("address"),
        index.RelatedFields("commune", [index.SearchField("name")]),
        index.RelatedFields("classes", [index.SearchField("title")]),
        index.FilterField("uses_it"),
    ]
    api_fields = [
        APIField("commune", serializer=AdminUnitSerializer(read_only=True)),
        APIField("address"),
        APIField("latitude"),
        APIField("longitude"),
        APIField("phone"),
        APIField("email"),
        APIField("opening_hours"),
        APIField("has_internet"),
        APIField("has_computers"),
        APIField("has_library"),
        APIField("uses_it"),
        APIField("description"),
        APIField("organisation", serializer=OrganisationSerializer(read_only=True)),
        APIField("classes"),
    ]
    base_form_class = PortalPageForm
    exclude_fields_in_copy = ["organisation"]  # a copy is another centre, with staff of its own
    parent_page_types = ["centres.CentreIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("community learning centre")
        verbose_name_plural = _("community learning centres")

    @property
    def facilities(self) -> list[str]:
        """The facilities it has, as people read them."""
        flags = (
            (self.has_internet, _("Internet access")),
            (self.has_computers, _("Computers for learners")),
            (self.has_library, _("Library corner")),
        )
        return [label for present, label in flags if present]

    @property
    def map_url(self) -> str:
        """OpenStreetMap at the centre, opened only when someone follows the link."""
        if self.latitude is None or self.longitude is None:
            return ""
        return (
            f"https://www.openstreetmap.org/?mlat={self.latitude}&mlon={self.longitude}"
            f"#map=16/{self.latitude}/{self.longitude}"
        )

    def former_units(self) -> list:
        """The units before 1 July 2025 that the centre's commune took over."""
        return list(self.commune.predecessors.all()) if self.commune_id else []

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        parent = self.get_parent().specific if self.get_parent() else None
        context["centre_index"] = parent if isinstance(parent, CentreIndexPage) else None
        context["class_list"] = list(self.classes.select_related("registration_event"))
        return context

    def structured_data(self, request) -> dict:
        from portal.centres.structured import centre_node

        return centre_node(self, request)


class CentreClass(Orderable):
    """A class the centre opens: what, when, how many places are left and whom to ask."""

    page = ParentalKey(CommunityLearningCentrePage, on_delete=models.CASCADE, related_name="classes")
    title = models.CharField(_("title"), max_length=255)
    kind = models.CharField(_("kind"), max_length=30, choices=ClassKind.choices)
    schedule = models.CharField(
        _("schedule"), max_length=255, blank=True, help_text=_("For example: Tuesday and Thursday evenings.")
    )
    starts = models.DateField(_("starts"), null=True, blank=True)
    ends = models.DateField(_("ends"), null=True, blank=True)
    seats = models.PositiveSmallIntegerField(
        _("free seats"), default=0, help_text=_("Places still open for registration.")
    )
    registration_contact = models.CharField(_("registration contact"), max_length=255, blank=True)
    registration_event = models.ForeignKey(
        "events.EventPage",
        verbose_name=_("online registration"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("An event for the class's opening whose registration form people use to sign up."),
    )

    panels = [
        FieldPanel("title"),
        FieldRowPanel([FieldPanel("kind"), FieldPanel("seats")]),
        FieldPanel("schedule"),
        FieldRowPanel([FieldPanel("starts"), FieldPanel("ends")]),
        FieldPanel("registration_contact"),
        FieldPanel("registration_event"),
    ]
    api_fields = [
        APIField("title"),
        APIField("kind"),
        APIField("schedule"),
        APIField("starts"),
        APIField("ends"),
        APIField("seats"),
        APIField("registration_contact"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("class")
        verbose_name_plural = _("classes")
        constraints = [
            models.CheckConstraint(
                condition=Q(ends__isnull=True) | Q(starts__isnull=True) | Q(ends__gte=models.F("starts")),
                name="centre_class_period",
            )
        ]

    def __str__(self) -> str:
        return self.title

    def clean(self):
        from django.core.exceptions import ValidationError

        if self.starts and self.ends and self.ends < self.starts:
            raise ValidationError({"ends": _("A class cannot end before it starts.")})

    @property
    def is_open(self) -> bool:
        """Still taking learners: places left and not yet over."""
        return self.seats > 0 and (self.ends is None or self.ends >= datetime.date.today())
