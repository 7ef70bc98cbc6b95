"""Template helpers shared by every page family."""

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language
from wagtail.models import Page

register = template.Library()


def counterparts(page) -> dict:
    """Per language code, ``(translation, source)``: the page's live translation, else that of its
    nearest ancestor (``source`` is the page or ancestor it translates). Two queries.

    Resources are Vietnamese only; their English link leads to the English library rather than
    to a 404.
    """
    chain = [page, *page.get_ancestors().reverse()]  # nearest first
    live = Page.objects.live().filter(translation_key__in=[candidate.translation_key for candidate in chain])
    found = {
        (translation.translation_key, translation.locale.language_code): translation
        for translation in live.select_related("locale")
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
