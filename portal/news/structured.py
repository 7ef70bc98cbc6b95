"""schema.org nodes of the news: a NewsArticle per item, a CollectionPage for the index."""

from wagtail.images.models import SourceImageIOError
from wagtail.models import Site

from portal.core import jsonld
from portal.core.models import PortalSettings


def publisher(request) -> dict:
    """The portal's managing organisation (site settings), as the publisher of its news."""
    site = Site.find_for_request(request) if request is not None else None
    settings = PortalSettings.for_site(site) if site else None
    name = settings.organisation if settings else None
    home = site.root_page.get_url(request) if site else "/"
    return jsonld.node(
        "Organization", name=name, url=jsonld.absolute(request, home), email=settings and settings.email
    )


def article_node(page, request) -> dict:
    image = None
    if page.lead_image_id:
        try:  # made once, then found; a missing source file leaves the image out
            rendition = page.lead_image.get_rendition("fill-1200x675|format-jpeg")
            image = jsonld.absolute(request, rendition.url)
        except SourceImageIOError:
            image = None
    article = jsonld.page_node(
        page,
        request,
        "NewsArticle",
        headline=page.title[:110],
        datePublished=jsonld.moment(page.published_at),
        dateModified=jsonld.moment(page.last_published_at or page.published_at),
        author=[jsonld.node("Person", name=name) for name in page.author_names],
        publisher=publisher(request),
        image=image,
        articleSection=[category.label for category in page.categories.all()],
        keywords=", ".join(tag.name for tag in page.tags.all()),
    )
    if page.summary:
        article["description"] = page.summary
    return article


def index_node(page, request) -> dict:
    node = jsonld.page_node(page, request, "CollectionPage")
    if page.introduction:
        node["description"] = page.introduction
    return node
