"""The one StreamField vocabulary every page family shares (bakerydemo's ``BaseStreamBlock``)."""

from django.apps import apps
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.images.blocks import ImageBlock
from wagtail.models import Locale, get_page_models

from portal.core.tree import public

RICH_TEXT_FEATURES = [
    "h2",
    "h3",
    "bold",
    "italic",
    "ol",
    "ul",
    "link",
    "document-link",
    "blockquote",
]


def listable_page_types() -> list[tuple[str, str]]:
    """Page types that offer a ``listing_queryset()`` for "latest" blocks, as (label, name)."""
    return [
        (model._meta.label_lower, model._meta.verbose_name_plural.capitalize())
        for model in get_page_models()
        if hasattr(model, "listing_queryset")
    ]


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("heading"))
    size = blocks.ChoiceBlock(choices=[("h2", "H2"), ("h3", "H3")], default="h2", label=_("level"))

    class Meta:
        icon = "title"
        template = "core/blocks/heading.html"


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("quotation"))
    source = blocks.CharBlock(required=False, label=_("source"))

    class Meta:
        icon = "openquote"
        template = "core/blocks/quote.html"


class KeyFigure(blocks.StructBlock):
    value = blocks.CharBlock(label=_("figure"), help_text=_("e.g. 60%"))
    label = blocks.CharBlock(label=_("what it measures"))
    note = blocks.CharBlock(required=False, label=_("note"), help_text=_("e.g. target for 2025"))


class KeyFiguresBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("heading"))
    figures = blocks.ListBlock(KeyFigure(), label=_("figures"))

    class Meta:
        icon = "table"
        template = "core/blocks/key_figures.html"


class LinkCard(blocks.StructBlock):
    title = blocks.CharBlock(label=_("title"))
    text = blocks.TextBlock(required=False, label=_("text"))
    page = blocks.PageChooserBlock(required=False, label=_("page"))
    url = blocks.URLBlock(required=False, label=_("or address"))


class LinkCardsBlock(blocks.StructBlock):
    heading = blocks.CharBlock(required=False, label=_("heading"))
    cards = blocks.ListBlock(LinkCard(), label=_("cards"))

    class Meta:
        icon = "link"
        template = "core/blocks/link_cards.html"


class LatestPagesBlock(blocks.StructBlock):
    """The newest (or next upcoming) live pages of one type, in the visitor's language."""

    heading = blocks.CharBlock(label=_("heading"))
    page_type = blocks.ChoiceBlock(choices=listable_page_types, label=_("page type"))
    count = blocks.IntegerBlock(default=4, min_value=1, max_value=12, label=_("how many"))
    more_page = blocks.PageChooserBlock(required=False, label=_("“see all” page"))

    class Meta:
        icon = "list-ul"
        template = "core/blocks/latest_pages.html"

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        try:
            model = apps.get_model(value["page_type"])
        except (LookupError, ValueError):
            context["items"] = []
            return context
        pages = public(model.listing_queryset().live()).filter(locale=Locale.get_active())
        context["items"] = list(pages[: value["count"]])
        return context


class PortalStreamBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(features=RICH_TEXT_FEATURES, label=_("paragraph"), icon="pilcrow")
    image = ImageBlock(label=_("image"))
    quote = QuoteBlock(label=_("quotation"))
    key_figures = KeyFiguresBlock(label=_("key figures"))
    link_cards = LinkCardsBlock(label=_("link cards"))
    latest_pages = LatestPagesBlock(label=_("latest pages"))

    class Meta:
        block_counts = {}
