"""schema.org descriptions of the library's pages (LearningResource, Course, Collection,
Organization), built from ``portal.core.jsonld`` so search engines and aggregators read each
resource's licence, language, audience and files."""

import re

from django.urls import NoReverseMatch, reverse

from portal.core import jsonld

# Our accessibility features as schema.org's accessibilityFeature vocabulary names them.
ACCESSIBILITY_FEATURES = {
    "captions": "captions",
    "transcript": "transcript",
    "sign_language": "signLanguage",
    "audio_description": "audioDescription",
    "easy_read": "simplifiedText",
}
AUTHOR_SEPARATORS = re.compile(r"\s*[;,]\s*")


def content_size(size: int | None) -> str | None:
    if not size:
        return None
    for unit, scale in (("GB", 1 << 30), ("MB", 1 << 20), ("KB", 1 << 10)):
        if size >= scale:
            return f"{size / scale:.1f} {unit}"
    return f"{size} B"


def media_object(item, request) -> dict:
    """A resource file as a MediaObject: where to get it, its type and size."""
    document = item.document
    try:
        url = reverse("media:download", args=[document.pk, document.filename])
    except NoReverseMatch:
        url = document.url
    kind = {"video": "VideoObject", "audio": "AudioObject"}.get(item.media_kind, "MediaObject")
    return jsonld.node(
        kind,
        name=item.title,
        contentUrl=jsonld.absolute(request, url),
        encodingFormat=item.mime_type,
        contentSize=content_size(document.file_size),
    )


def audiences(terms) -> list[dict]:
    return [jsonld.node("Audience", audienceType=term.name) for term in terms]


def licence_url(licence) -> str | None:
    return (licence.url or licence.name) if licence else None


def resource_node(page, request) -> dict:
    authors = [
        jsonld.node("Person", name=name) for name in AUTHOR_SEPARATORS.split(page.authors or "") if name
    ]
    organisation = jsonld.organisation(page.organisation)
    adapted = None
    if page.adapted_from_title or page.adapted_from_url:
        adapted = jsonld.node(
            "CreativeWork",
            name=page.adapted_from_title,
            url=page.adapted_from_url,
            license=licence_url(page.adapted_from_licence),
        )
    return jsonld.page_node(
        page,
        request,
        "LearningResource",
        description=page.summary or page.search_description,
        identifier=page.identifier,
        learningResourceType=str(page.get_resource_type_display()),
        educationalLevel=page.level.name if page.level_id else None,
        audience=audiences(page.audiences.all()),
        about=[subject.name for subject in page.subjects.all()],
        inLanguage=[language.slug for language in page.languages.all()] or page.locale.language_code,
        license=licence_url(page.licence),
        author=authors or organisation,
        publisher=organisation,
        sourceOrganization=organisation,
        dateCreated=jsonld.moment(page.date_issued),
        datePublished=jsonld.moment(page.first_published_at),
        isAccessibleForFree=True,
        accessibilityFeature=[
            ACCESSIBILITY_FEATURES[key]
            for key in page.accessibility_features or []
            if key in ACCESSIBILITY_FEATURES
        ],
        encoding=[media_object(item, request) for item in page.files.all()],
        isBasedOn=adapted,
    )


def course_node(page, request) -> dict:
    provider = jsonld.organisation(page.provider)
    instance = jsonld.node(
        "CourseInstance",
        courseMode="online" if page.self_paced else "blended",
        startDate=jsonld.moment(page.start_date),
        endDate=jsonld.moment(page.end_date),
        url=page.enrolment_url,
    )
    return jsonld.page_node(
        page,
        request,
        "Course",
        description=page.summary or page.search_description,
        provider=provider,
        about=[subject.name for subject in page.subjects.all()],
        audience=audiences(page.audiences.all()),
        educationalLevel=page.level.name if page.level_id else None,
        isAccessibleForFree=True,
        hasCourseInstance=instance,
    )


def collection_node(page, request) -> dict:
    parts = [
        jsonld.node(
            "LearningResource",
            name=item.resource.title,
            url=jsonld.absolute(request, item.resource.get_url(request)),
        )
        for item in page.items.select_related("resource")
        if item.resource.live
    ]
    return jsonld.page_node(
        page, request, "Collection", description=page.introduction or page.search_description, hasPart=parts
    )


def section_node(page, request) -> dict:
    organisation = jsonld.organisation(page.organisation) or {}
    return {
        **organisation,
        "url": jsonld.absolute(request, page.get_url(request)),
        "description": page.introduction,
    }
