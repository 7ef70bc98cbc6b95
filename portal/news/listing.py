"""The news listing: newest first, ten to a page, narrowed by one category through a GET form.

A category or page number that is not understood is ignored and reported on the page (never an
error); the page runs the same few queries whatever its size.
"""

from django.core.paginator import Paginator
from django.db.models import Count, Q

from portal.news.categories import NewsCategory

PAGE_SIZE = 10


def card_queryset(queryset):
    """News with what a card shows prefetched: categories and the lead picture's renditions."""
    return queryset.select_related("lead_image").prefetch_related("categories", "lead_image__renditions")


def categories_in_use(news):
    """Categories that have live news here, each with its count, for the filter."""
    return (
        NewsCategory.objects.annotate(count=Count("newspage", filter=Q(newspage__in=news), distinct=True))
        .filter(count__gt=0)
        .order_by("sort_order", "name")
    )


def news_listing(request, index) -> dict:
    news = index.get_news()
    categories = list(categories_in_use(news))
    wanted = request.GET.get("category", "").strip()
    category = next((term for term in categories if term.slug == wanted), None)
    if category is not None:
        news = news.filter(categories=category)
    paginator = Paginator(card_queryset(news), PAGE_SIZE)
    page = paginator.get_page(request.GET.get("page"))
    return {
        "news_list": page.object_list,
        "page_obj": page,
        "paginator": paginator,
        "categories": categories,
        "category": category,
        "unknown_category": bool(wanted) and category is None,
        "rss_url": index.feed_url("rss", request),
        "atom_url": index.feed_url("atom", request),
    }
