"""News and announcements (``/tin-tuc/``): categories, tags, a lead picture, RSS and Atom feeds.

News pages live under the one news index. Editors schedule them with Wagtail's go-live date
(``publish_scheduled`` runs from ``portal.schedule``), so an announcement for Lifelong Learning
Week can be written ahead and appear on the morning it opens.
"""

import datetime

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from portal.core.blocks import PortalStreamBlock
from portal.core.forms import PortalPageForm
from portal.core.models.pages import SectionIndexPage, source_page
from portal.core.serializers import terms
from portal.core.tree import public
from portal.news.categories import NewsCategory

FEED_TYPES = [("rss", "application/rss+xml", "RSS"), ("atom", "application/atom+xml", "Atom")]


class NewsPageTag(TaggedItemBase):
    content_object = ParentalKey("news.NewsPage", on_delete=models.CASCADE, related_name="tagged_items")


class NewsIndexPage(RoutablePageMixin, SectionIndexPage):
    """The news, newest first, ten to a page, with a category filter and RSS/Atom feeds.

    Aliased under each translated home page (``/en/tin-tuc/``), it lists its source's news.
    """

    subpage_types = ["news.NewsPage"]

    class Meta:
        verbose_name = _("news index")
        verbose_name_plural = _("news indexes")

    def get_news(self):
        """Live, public news below the index, newest first."""
        return public(NewsPage.listing_queryset().child_of(source_page(self)).live())

    def feed_url(self, kind: str, request=None) -> str:
        """``rss.xml`` or ``atom.xml`` beside the index (see ``portal.core.page_files``)."""
        return f"{self.get_url(request) or ''}{kind}.xml"

    def feeds(self, request=None) -> list[dict]:
        """The RSS and Atom feeds, as ``<link rel="alternate">`` wants them."""
        return [
            {"type": content_type, "url": self.feed_url(kind, request), "title": f"{self.title} ({label})"}
            for kind, content_type, label in FEED_TYPES
        ]

    def get_context(self, request, *args, **kwargs):
        from portal.news.listing import news_listing

        context = super().get_context(request, *args, **kwargs)
        context.update(news_listing(request, self), news_feeds=self.feeds(request))
        return context

    @path("rss.xml", name="rss")
    def rss_route(self, request):
        from portal.news.feeds import NewsRssFeed

        return NewsRssFeed(self)(request)

    @path("atom.xml", name="atom")
    def atom_route(self, request):
        from portal.news.feeds import NewsAtomFeed

        return NewsAtomFeed(self)(request)

    def structured_data(self, request) -> dict:
        from portal.news.structured import index_node

        return index_node(self, request)


class NewsPage(Page):
    """One news item or announcement: date, authors, categories, tags, lead picture, body."""

    date = models.DateField(_("date"), default=datetime.date.today)
    authors = models.CharField(
        _("authors"), max_length=255, blank=True, help_text=_("Separate several names with commas.")
    )
    categories = ParentalManyToManyField(NewsCategory, blank=True, verbose_name=_("categories"))
    tags = ClusterTaggableManager(through=NewsPageTag, blank=True, verbose_name=_("tags"))
    lead_image = models.ForeignKey(
        settings.WAGTAILIMAGES_IMAGE_MODEL,
        verbose_name=_("lead image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    lead_image_caption = models.CharField(_("lead image caption"), max_length=255, blank=True)
    summary = models.TextField(
        _("summary"), blank=True, help_text=_("One or two sentences shown in lists and feeds.")
    )
    body = StreamField(PortalStreamBlock(), blank=True, verbose_name=_("body"))

    content_panels = [
        *Page.content_panels,
        FieldRowPanel([FieldPanel("date"), FieldPanel("authors")]),
        FieldPanel("summary"),
        MultiFieldPanel(
            [FieldPanel("lead_image"), FieldPanel("lead_image_caption")], heading=_("Lead image")
        ),
        FieldPanel("body"),
        MultiFieldPanel([FieldPanel("categories"), FieldPanel("tags")], heading=_("Categories and tags")),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("body"),
        index.SearchField("authors"),
        index.FilterField("date"),
    ]
    api_fields = [
        APIField("date"),
        APIField("authors"),
        APIField("summary"),
        APIField("categories", serializer=terms(many=True)),
        APIField("tags"),
        APIField("lead_image"),
        APIField("lead_image_caption"),
        APIField("body"),
    ]
    base_form_class = PortalPageForm
    parent_page_types = ["news.NewsIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("news item")
        verbose_name_plural = _("news")

    @classmethod
    def listing_queryset(cls):
        return cls.objects.order_by("-date", "-first_published_at", "-pk")

    @property
    def author_names(self) -> list[str]:
        return [name.strip() for name in self.authors.replace(";", ",").split(",") if name.strip()]

    @property
    def published_at(self) -> datetime.datetime:
        """When the item came out: its publication time on its own date, else the start of the date."""
        first = self.first_published_at
        if first and timezone.localdate(first) == self.date:
            return first
        return timezone.make_aware(datetime.datetime.combine(self.date, datetime.time()))

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        parent = self.get_parent().specific if self.get_parent() else None
        context["news_index"] = parent if isinstance(parent, NewsIndexPage) else None
        context["news_feeds"] = context["news_index"].feeds(request) if context["news_index"] else []
        context["category_list"] = list(self.categories.all())
        context["tag_list"] = list(self.tags.all())
        return context

    def structured_data(self, request) -> dict:
        from portal.news.structured import article_node

        return article_node(self, request)
