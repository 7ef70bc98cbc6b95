"""The news app's admin (categories), home-page section and part of ``manage.py load_demo``."""

from wagtail import hooks
from wagtail.snippets.models import register_snippet

from portal.core.wagtail_hooks import TermViewSet
from portal.news.models import NewsCategory

HOME_NEWS = 4


class NewsCategoryViewSet(TermViewSet):
    model = NewsCategory
    icon = "tag"
    menu_order = 310
    add_to_admin_menu = True


register_snippet(NewsCategoryViewSet)


@hooks.register("home_page_sections", order=40)
def latest_news_section(home, request) -> dict | None:
    """The newest few news items, linking to the news index; nothing when there is no news."""
    from portal.news.listing import card_queryset
    from portal.news.models import NewsIndexPage

    index = home.child_index(NewsIndexPage)
    if index is None:
        return None
    news = list(card_queryset(index.get_news())[:HOME_NEWS])
    if not news:
        return None
    return {
        "template": "news/includes/home_section.html",
        "news": news,
        "index_url": index.get_url(request),
        "feeds": index.feeds(request),
    }


@hooks.register("load_demo_content", order=70)
def load_news_demo_content(log) -> None:
    from portal.news.demo import load_news_demo

    load_news_demo(log)
