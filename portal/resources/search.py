"""The library's families: learning resources, courses and collections."""

from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext_lazy as _

from portal.core.models.taxonomy import Term
from portal.resources.models import CollectionPage, CoursePage, LearningResourcePage
from portal.resources.models.choices import ResourceType
from search.facets import FACETS
from search.families.registry import (
    page_document,
    register,
    register_labels,
    stream_text,
    term_facet,
    term_keywords,
)

COURSE_TYPE, COLLECTION_TYPE = {"course": _("Course")}, {"collection": _("Collection")}


def _terms(**facets) -> tuple[dict, dict]:
    values, labels = {}, {}
    for name, terms in facets.items():
        values[name], labels[name] = term_facet(terms)
    return values, labels


def _organisation(organisation) -> tuple[list[str], dict[str, str]]:
    if organisation is None:
        return [], {}
    return [organisation.slug], {organisation.slug: organisation.name}


def _file(item) -> dict:
    document = item.document
    try:
        url = reverse("media:download", args=[document.pk, document.filename])
    except NoReverseMatch:
        url = document.url
    return {"title": item.title, "url": url, "format": item.format_label, "size": document.file_size}


def _file_text(item) -> list[dict]:
    """The extracted text of a file and of its captions, each under the title results show."""
    texts = [{"title": item.title, "text": item.document.text}]
    if item.captions_id:
        texts.append({"title": item.captions.title, "text": item.captions.text})
    return [text for text in texts if text["text"]]


def resource_document(page: LearningResourcePage) -> dict:
    subjects, audiences, languages = (
        list(page.subjects.all()),
        list(page.audiences.all()),
        list(page.languages.all()),
    )
    facets, labels = _terms(subject=subjects, audience=audiences, language=languages, level=[page.level])
    facets["licence"], labels["licence"] = term_facet([page.licence])
    facets["organisation"], labels["organisation"] = _organisation(page.organisation)
    facets["type"], labels["type"] = (
        page.resource_type,
        {page.resource_type: str(page.get_resource_type_display())},
    )
    day = page.date_issued or page.first_published_at
    if day:
        facets["year"], labels["year"] = str(day.year), {str(day.year): str(day.year)}
    files = list(page.files.all())
    return page_document(
        page,
        "resources",
        identifier=page.identifier,
        summary=page.summary or page.search_description,
        body=" ".join(filter(None, [page.authors, stream_text(page.body), page.adapted_from_title])),
        keywords=term_keywords(subjects, audiences, languages, [page.level, page.organisation]),
        date=day,
        downloads=sum(item.download_count for item in files),
        facets=facets,
        labels=labels,
        files=[_file(item) for item in files],
        file_text=[text for item in files for text in _file_text(item)],
    )


def course_document(page: CoursePage) -> dict:
    subjects, audiences = list(page.subjects.all()), list(page.audiences.all())
    facets, labels = _terms(subject=subjects, audience=audiences, level=[page.level])
    facets["organisation"], labels["organisation"] = _organisation(page.provider)
    facets["type"], labels["type"] = "course", {"course": str(COURSE_TYPE["course"])}
    modules = " ".join(f"{module.title} {module.summary}" for module in page.modules.all())
    return page_document(
        page,
        "courses",
        summary=page.summary or page.search_description,
        body=f"{stream_text(page.body)} {modules}",
        keywords=term_keywords(subjects, audiences, [page.level, page.provider]),
        date=page.start_date or page.first_published_at,
        facets=facets,
        labels=labels,
    )


def collection_document(page: CollectionPage) -> dict:
    items = [item.resource.title for item in page.items.all()]
    return page_document(
        page,
        "collections",
        summary=page.introduction or page.search_description,
        body=" ".join(items),
        facets={"type": "collection"},
        labels={"type": {"collection": str(COLLECTION_TYPE["collection"])}},
    )


RESOURCE_PREFETCH = [
    "subjects",
    "audiences",
    "languages",
    "files__document__download_counter",
    "files__captions",
]
register(
    "resources",
    LearningResourcePage,
    resource_document,
    prefetch=[*RESOURCE_PREFETCH, "level", "licence", "organisation"],
)
register(
    "courses", CoursePage, course_document, prefetch=["subjects", "audiences", "level", "provider", "modules"]
)
register("collections", CollectionPage, collection_document, prefetch=["items__resource"])
for _facet in FACETS:
    if _facet.terms is not None and issubclass(_facet.terms, Term):  # names in both languages
        register_labels(
            _facet.name, lambda model=_facet.terms: {term.slug: term.label for term in model.objects.all()}
        )
register_labels("type", lambda: {**dict(ResourceType.choices), **COURSE_TYPE, **COLLECTION_TYPE})
