"""RSS 2.0 and Atom feeds of the news (Django's syndication framework), beside the index page.

Only live, public news are fed; each item carries its date, authors, categories and a permanent
guid (its address), so readers and aggregators never show an item twice.
"""

from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.translation import gettext as _

FEED_SIZE = 20


class NewsRssFeed(Feed):
    feed_type = Rss201rev2Feed

    def __init__(self, index):
        super().__init__()
        self.index = index

    def get_object(self, request, *args, **kwargs):
        self.request = request
        return self.index

    def title(self, index):
        return _("%(title)s – Thai Nguyen Open Learning") % {"title": index.title}

    def link(self, index):
        return index.get_url(self.request)

    def description(self, index):
        return index.introduction or _("News and announcements about lifelong learning in Thái Nguyên.")

    def items(self, index):
        return index.get_news().prefetch_related("categories")[:FEED_SIZE]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.summary or item.search_description

    def item_link(self, item):
        return item.get_url(self.request)

    def item_guid(self, item):
        return self.request.build_absolute_uri(item.get_url(self.request))

    item_guid_is_permalink = True

    def item_pubdate(self, item):
        return item.published_at

    def item_updateddate(self, item):
        return item.last_published_at or item.published_at

    def item_author_name(self, item):
        return ", ".join(item.author_names) or None

    def item_categories(self, item):
        return [category.label for category in item.categories.all()]


class NewsAtomFeed(NewsRssFeed):
    feed_type = Atom1Feed

    def subtitle(self, index):
        return self.description(index)
