"""News items as search documents: found by their words, categories and tags, dated by their date."""

from django.utils.translation import gettext_lazy as _

from portal.news.models import NewsPage
from search.families.registry import page_document, register, register_labels, stream_text, term_keywords

NEWS_TYPE = {"news": _("News")}


def news_document(page: NewsPage) -> dict:
    categories = list(page.categories.all())
    year = str(page.date.year)
    return page_document(
        page,
        "news",
        summary=page.summary or page.search_description,
        body=" ".join(filter(None, [page.authors, page.lead_image_caption, stream_text(page.body)])),
        keywords=[*term_keywords(categories), *(item.tag.name for item in page.tagged_items.all())],
        date=page.date,
        facets={"type": "news", "year": year},
        labels={"type": {"news": str(NEWS_TYPE["news"])}, "year": {year: year}},
    )


register("news", NewsPage, news_document, prefetch=["categories", "tagged_items__tag"])
register_labels("type", lambda: NEWS_TYPE)
