"""The home page and the plain content page every section can use."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from portal.core.blocks import PortalStreamBlock
from portal.core.forms import PortalPageForm


def source_page(page):
    """The page an alias mirrors, or the page itself: the library, programme, event and news
    indexes are aliased into each translated site (``/en/``), so the English interface lists the
    same pages without copying them, and an aliased event takes the same registrations."""
    return page.alias_of.specific if getattr(page, "alias_of_id", None) else page


class SectionIndexPage(Page):
    """A section of the site under the home page (library, programmes, schedule, events, news,
    centres, dashboard…): one per language tree, with an introduction. Subclasses say what may
    live below them (``subpage_types``) and how they list it."""

    introduction = models.TextField(_("introduction"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("introduction")]
    search_fields = [*Page.search_fields, index.SearchField("introduction")]
    api_fields = [APIField("introduction")]
    base_form_class = PortalPageForm
    parent_page_types = ["core.HomePage"]
    max_count_per_parent = 1

    class Meta:
        abstract = True


class HomePage(Page):
    """The landing page: search box first, then sections the editors arrange in ``body``.

    Lives at the root of each locale's tree; content apps add their indexes below it.
    """

    hero_title = models.CharField(_("hero title"), max_length=200)
    hero_text = models.TextField(_("hero text"), blank=True)
    hero_image = models.ForeignKey(
        settings.WAGTAILIMAGES_IMAGE_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    body = StreamField(PortalStreamBlock(), blank=True, verbose_name=_("sections"))

    content_panels = [
        *Page.content_panels,
        FieldPanel("hero_title"),
        FieldPanel("hero_text"),
        FieldPanel("hero_image"),
        FieldPanel("body"),
    ]
    search_fields = [*Page.search_fields, index.SearchField("hero_text"), index.SearchField("body")]
    api_fields = [APIField("hero_title"), APIField("hero_text"), APIField("body")]

    base_form_class = PortalPageForm
    parent_page_types = ["wagtailcore.Page"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("home page")

    def child_index(self, model):
        """The first live child of type ``model`` (the news index, the schedule...), as the home
        page's sections look for theirs: the children are read once for all of them."""
        if "_live_children" not in self.__dict__:
            self._live_children = list(Page.objects.child_of(self).live().order_by("path"))
        for child in self._live_children:
            if child.specific_class is not None and issubclass(child.specific_class, model):
                return child.specific_deferred
        return None

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["home_sections"] = home_sections(self, request)
        return context


def home_sections(home: "HomePage", request) -> list[dict]:
    """What the content apps show near the top of the home page (airing today, upcoming events,
    latest news), each from a ``home_page_sections`` hook returning ``{"template": ..., ...}`` or
    None when it has nothing to show, so an empty section never appears."""
    sections = []
    for section_for in hooks.get_hooks("home_page_sections"):
        section = section_for(home, request)
        if section:
            sections.append(section)
    return sections


class StandardPage(Page):
    """A plain page of text and sections: about the plan, help, accessibility statement..."""

    introduction = models.TextField(_("introduction"), blank=True)
    body = StreamField(PortalStreamBlock(), blank=True, verbose_name=_("body"))

    content_panels = [*Page.content_panels, FieldPanel("introduction"), FieldPanel("body")]
    search_fields = [
        *Page.search_fields,
        index.SearchField("introduction"),
        index.SearchField("body"),
    ]
    api_fields = [APIField("introduction"), APIField("body")]

    base_form_class = PortalPageForm
    parent_page_types = ["core.HomePage", "core.StandardPage"]
    subpage_types = ["core.StandardPage"]

    class Meta:
        verbose_name = _("standard page")
        verbose_name_plural = _("standard pages")

    @classmethod
    def listing_queryset(cls):
        return cls.objects.order_by("-first_published_at")
