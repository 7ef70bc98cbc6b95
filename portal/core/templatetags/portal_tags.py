"""Template helpers shared by every page family."""

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language

register = template.Library()


@register.simple_tag(takes_context=True)
def language_links(context) -> list[dict]:
    """The current page in each interface language, for the language switcher (plain links).

    A Wagtail page with a translation links to that translation (its slug may differ);
    anything else keeps its path under the other language prefix.
    """
    request = context.get("request")
    path = request.get_full_path() if request else "/"
    page = context.get("page")
    translations = {}
    if page is not None and getattr(page, "translation_key", None):
        translations = {
            translation.locale.language_code: translation
            for translation in page.get_translations(inclusive=True).live().select_related("locale")
        }
    current = get_language()
    links = []
    for code, name in settings.LANGUAGES:
        translation = translations.get(code)
        url = translation.get_url(request) if translation else translate_url(path, code)
        links.append({"code": code, "name": name, "url": url, "current": code == current})
    return links
