"""The registry of content families and what their documents share."""

from collections.abc import Callable
from dataclasses import dataclass

from django.conf import settings
from django.utils import translation
from django.utils.html import strip_tags
from wagtail.models import Page, PageViewRestriction


@dataclass(frozen=True)
class Family:
    name: str
    model: type[Page]
    to_document: Callable[[Page], dict]
    prefetch: tuple[str, ...] = ()  # related fields ``to_document`` reads, for bulk rebuilds

    def document(self, page: Page) -> dict:
        """The page's search document, with labels in the page's language."""
        with translation.override(page.locale.language_code):
            return self.to_document(page)

    def pages(self):
        """The live public pages of this family, ready for ``to_document``."""
        pages = self.model.objects.live().public().select_related("locale")
        return pages.prefetch_related(*self.prefetch) if self.prefetch else pages


_families: dict[str, list[Family]] = {}


_label_sources: dict[str, list[Callable[[], dict]]] = {}


def register_labels(facet: str, source: Callable[[], dict]) -> None:
    """Where ``facet``'s labels come from in the reader's language. The index keeps each label in
    its page's language; the English site shows Vietnamese resources with English labels."""
    _label_sources.setdefault(facet, []).append(source)


def relabel(results) -> None:
    """Give the hits' and facet counts' labels in the active language, where a source has them
    (on the Vietnamese site they are already: the library is Vietnamese)."""
    if (translation.get_language() or settings.LANGUAGE_CODE)[:2] == settings.LANGUAGE_CODE[:2]:
        return
    facets = set(results.facets) | {name for hit in results.hits for name in hit.labels}
    current = {
        facet: {value: str(label) for source in _label_sources[facet] for value, label in source().items()}
        for facet in facets
        if facet in _label_sources
    }
    for hit in results.hits:
        hit.labels = {
            facet: {value: current.get(facet, {}).get(value, label) for value, label in labels.items()}
            for facet, labels in hit.labels.items()
        }
    for facet, counts in results.facets.items():
        for count in counts:
            count.label = current.get(facet, {}).get(count.value, count.label)


def register(name: str, model: type[Page], to_document: Callable[[Page], dict], prefetch=()) -> None:
    family = Family(name, model, to_document, tuple(prefetch))
    entries = [entry for entry in _families.setdefault(name, []) if entry.model is not model]
    _families[name] = [*entries, family]


def families() -> dict[str, list[Family]]:
    return dict(_families)


def family_for(page: Page) -> Family | None:
    for entries in _families.values():
        for family in entries:
            if type(page) is family.model:
                return family
    return None


def is_searchable(page: Page) -> bool:
    """Live, reachable by an anonymous visitor, and routed by a site."""
    if not page.live:
        return False
    restricted = PageViewRestriction.objects.filter(page__in=page.get_ancestors(inclusive=True)).exists()
    return not restricted and page.get_url() is not None


def stream_text(value) -> str:
    """The words of a StreamField (headings, paragraphs, quotes...), without markup or ids."""
    pieces: list[str] = []

    def walk(node, key=""):
        if isinstance(node, dict):
            for child_key, child in node.items():
                if child_key not in {"id", "type", "page", "image", "document", "url", "size", "alt_text"}:
                    walk(child, child_key)
        elif isinstance(node, list | tuple):
            for child in node:
                walk(child, key)
        elif isinstance(node, str) and not node.startswith(("http://", "https://", "/")):
            pieces.append(strip_tags(node))

    walk(list(getattr(value, "raw_data", None) or []))
    return " ".join(" ".join(pieces).split())


def page_document(page: Page, family: str, **fields) -> dict:
    """The fields every page has; a family adds its own (summary, facets...)."""
    document = {
        "id": str(page.pk),
        "family": family,
        "identifier": f"page-{page.pk}",
        "title": page.title,
        "summary": page.search_description,
        "url": page.get_url(),
        "locale": page.locale.language_code,
        "sites": sites_for(page),
        "date": page.first_published_at,
    }
    document.update(fields)
    return document


def sites_for(page: Page) -> list[str]:
    """The page's own site, and every other site language it has no live translation in: the
    English site's search finds the Vietnamese library, but an English page where one exists."""
    translated = set(page.get_translations().live().values_list("locale__language_code", flat=True))
    own = page.locale.language_code
    return [own] + [code for code, _name in settings.LANGUAGES if code != own and code not in translated]


def term_keywords(*groups) -> list[str]:
    """Every name of these terms (Vietnamese and English), for matching: "digital skills" and
    "ky nang so" both find the resources of Kỹ năng số, "THPT" those of upper-secondary level."""
    names: list[str] = []
    for term in (term for group in groups for term in group if term is not None):
        for name in (getattr(term, "name", ""), getattr(term, "name_en", "")):
            if name and name not in names:
                names.append(name)
    return names


def term_facet(terms) -> tuple[list[str], dict[str, str]]:
    """Slugs and names (in the active language) of taxonomy terms (Subject, Audience...)."""
    terms = [term for term in terms if term is not None]
    return [term.slug for term in terms], {term.slug: term.label for term in terms}
