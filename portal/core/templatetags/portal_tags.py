"""Template helpers shared by every page family."""

from urllib.parse import quote

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language
from wagtail.images.models import SourceImageIOError
from wagtail.models import Page

from portal.core.tree import ancestors, live_translations

register = template.Library()


def counterparts(page) -> dict:
    """Per language code, ``(translation, source)``: the page's live translation, else that of its
    nearest ancestor (``source`` is the page or ancestor it translates). Two queries.

    Resources are Vietnamese only; their English link leads to the English library rather than
    to a 404.
    """
    chain = [page, *reversed(ancestors(page))]  # nearest first
    found = {
        (translation.translation_key, translation.locale.language_code): translation
        for translation in live_translations(chain)
    }
    result = {}
    for code, _name in settings.LANGUAGES:
        for candidate in chain:
            translation = found.get((candidate.translation_key, code))
            if translation is not None:
                result[code] = (translation, candidate)
                break
    return result


@register.simple_tag(takes_context=True)
def language_links(context) -> list[dict]:
    """The current page in each interface language, for the language switcher (plain links).

    A Wagtail page links to its translation (its slug may differ) or, lacking one, to its nearest
    translated ancestor; what follows the page's own address (a sub-route, filters) is kept when
    the page itself is translated. Anything else keeps its path under the other language prefix.
    """
    request = context.get("request")
    path = request.get_full_path() if request else "/"
    page = context.get("page")
    translated = counterparts(page) if getattr(page, "translation_key", None) else {}
    current = get_language()
    links = []
    for code, name in settings.LANGUAGES:
        url = translate_url(path, code)
        if code in translated:
            translation, source = translated[code]
            url = translation.get_url(request)
            if source.pk == page.pk:
                # The request's path as it reads in the page's own language, then what follows it.
                own_path, own_url = (
                    translate_url(path, page.locale.language_code),
                    page.get_url(request) or "",
                )
                if own_url and own_path.startswith(own_url):
                    url += own_path[len(own_url) :]
        links.append({"code": code, "name": name, "url": url, "current": code == current})
    return links


@register.simple_tag(takes_context=True)
def structured_data(context) -> str:
    """The page's schema.org JSON-LD: its own node (``structured_data()``) and its breadcrumbs."""
    from portal.core import jsonld

    page = context.get("page")
    if not isinstance(page, Page):
        return ""
    request = context.get("request")
    own = page.structured_data(request) if hasattr(page, "structured_data") else None
    return jsonld.script([own, jsonld.breadcrumbs(page, request)])


OPEN_GRAPH_LOCALES = {"vi": "vi_VN", "en": "en_US"}
SOCIAL_IMAGE_FIELDS = ("social_image", "lead_image", "thumbnail", "hero_image")  # first set wins


def social_image(page):
    for name in SOCIAL_IMAGE_FIELDS:
        image = getattr(page, name, None)
        if image is not None and not callable(image):
            return image
    return None


@register.inclusion_tag("core/open_graph.html", takes_context=True)
def open_graph(context) -> dict:
    """Open Graph tags, so a link pasted into Zalo or Facebook shows a proper card (title, text,
    picture) without any script of theirs on our pages."""
    request, page = context.get("request"), context.get("page")
    if not isinstance(page, Page) or request is None:
        return {}
    language = get_language() or settings.LANGUAGE_CODE
    description = page.search_description or next(
        (value for name in ("summary", "introduction", "hero_text") if (value := getattr(page, name, ""))), ""
    )
    image = social_image(page)
    try:
        rendition = image.get_rendition("fill-1200x630|format-jpeg|jpegquality-70") if image else None
    except SourceImageIOError:  # the file store is away: the card goes without a picture this time
        rendition = None
    return {
        "title": page.seo_title or page.title,
        "description": " ".join(str(description).split())[:300],
        "url": request.build_absolute_uri(request.path),  # a sub-route (a subject, a month) is its own page
        "type": "article" if getattr(page, "open_graph_type", "website") == "article" else "website",
        "locale": OPEN_GRAPH_LOCALES.get(language[:2], "vi_VN"),
        "alternate_locales": [value for code, value in OPEN_GRAPH_LOCALES.items() if code != language[:2]],
        "image": request.build_absolute_uri(rendition.url) if rendition else "",
        "image_alt": getattr(image, "title", ""),
    }


SHARE_TARGETS = (
    ("Zalo", "https://sp.zalo.me/share?url={url}"),
    ("Facebook", "https://www.facebook.com/sharer/sharer.php?u={url}"),
)


@register.inclusion_tag("core/share_links.html", takes_context=True)
def share_links(context) -> dict:
    """Plain links to share the page in Zalo and Facebook, and its address to copy: nothing of
    theirs loads until the visitor follows a link (the card comes from our Open Graph tags)."""
    request, page = context.get("request"), context.get("page")
    if not isinstance(page, Page) or request is None:
        return {}
    url = request.build_absolute_uri(request.path)
    return {
        "url": url,
        "targets": [(name, pattern.format(url=quote(url, safe=""))) for name, pattern in SHARE_TARGETS],
    }


# Parameters that order or page a listing rather than narrow it.
NOT_FILTERS = frozenset({"sort", "when", "page"})


@register.simple_tag
def filters_in_use(form) -> int:
    """How many of a listing form's filters narrow the list, shown on its closed filter panel."""
    data = getattr(form, "cleaned_data", None) or {}
    return sum(
        1 for name, value in data.items() if name not in NOT_FILTERS and value not in (None, "", [], ())
    )
