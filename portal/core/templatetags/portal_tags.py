"""Template helpers shared by every page family."""

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language

register = template.Library()


def counterpart(page, code: str):
    """The page in language ``code``: its live translation, else that of its nearest ancestor.

    Resources are Vietnamese only; their English link leads to the English library rather than
    to a 404. ``None`` when not even the site root has that language.
    """
    for candidate in [page, *page.get_ancestors().reverse()]:
        translation = (
            candidate.get_translations(inclusive=True).live().filter(locale__language_code=code).first()
        )
        if translation is not None:
            return translation, candidate
    return None, None


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
    current = get_language()
    links = []
    for code, name in settings.LANGUAGES:
        url = translate_url(path, code)
        if page is not None and getattr(page, "translation_key", None):
            translation, source = counterpart(page, code)
            if translation is not None:
                url = translation.get_url(request)
                own_url = page.get_url(request) or ""
                if source.pk == page.pk and own_url and path.startswith(own_url):
                    url += path[len(own_url) :]
        links.append({"code": code, "name": name, "url": url, "current": code == current})
    return links
