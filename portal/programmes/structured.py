"""schema.org for programmes: TVSeries/RadioSeries, their episodes and broadcast events."""

import datetime

from portal.core.jsonld import absolute, duration, moment, node, organisation, page_node

SERIES_TYPES = {"tv": "TVSeries", "radio": "RadioSeries"}
EPISODE_TYPES = {"tv": "TVEpisode", "radio": "RadioEpisode"}
MEDIA_TYPES = {"video": "VideoObject", "audio": "AudioObject"}


def _minutes(value) -> str | None:
    return duration(datetime.timedelta(minutes=value)) if value else None


def broadcast_service(programme) -> dict:
    return node("BroadcastService", name=programme.channel_name, broadcaster=organisation(programme.producer))


def described(page, request, schema_type: str, description=None, **properties) -> dict:
    """``page_node`` with our own description (and language) in place of the shared ones."""
    data = page_node(page, request, schema_type)
    data.update(node(schema_type, description=description, **properties))
    return data


def _terms(terms) -> list[str]:
    return [term.name for term in terms]


def series_type(programme) -> str:
    return SERIES_TYPES.get(programme.channel_kind, "CreativeWorkSeries")


def programme_node(programme, request) -> dict:
    return described(
        programme,
        request,
        series_type(programme),
        description=programme.summary or programme.search_description,
        producer=organisation(programme.producer),
        about=_terms(programme.subjects.all()),
        audience=[node("Audience", audienceType=name) for name in _terms(programme.audiences.all())],
        inLanguage=[language.slug for language in programme.languages.all()]
        or (programme.locale.language_code if programme.locale_id else None),
    )


def media_object(document, request, kind: str | None = None) -> dict | None:
    if document is None:
        return None
    kind = kind or getattr(document, "kind", "")
    return node(
        MEDIA_TYPES.get(kind, "MediaObject"),
        name=document.title,
        contentUrl=absolute(request, document.url),
        encodingFormat=document.content_type or None,
        contentSize=str(document.file_size) if document.file_size else None,
    )


def episode_node(episode, request) -> dict:
    programme = episode.programme
    media = media_object(episode.media, request)
    video = media if media and media["@type"] == "VideoObject" else None
    audio = [
        item for item in (None if video else media, media_object(episode.audio, request, "audio")) if item
    ]
    return described(
        episode,
        request,
        EPISODE_TYPES.get(programme.channel_kind, "Episode"),
        description=episode.summary or episode.search_description,
        episodeNumber=episode.number,
        duration=_minutes(episode.duration_minutes),
        datePublished=moment(episode.air_time),
        partOfSeries=node(
            series_type(programme),
            name=programme.title,
            url=absolute(request, programme.get_url(request)),
        ),
        video=video,
        audio=audio[0] if len(audio) == 1 else audio,
        publication=node(
            "BroadcastEvent",
            startDate=moment(episode.air_time),
            endDate=moment(episode.air_time + datetime.timedelta(minutes=episode.duration_minutes))
            if episode.air_time and episode.duration_minutes
            else None,
            publishedOn=broadcast_service(programme),
        ),
        producer=organisation(programme.producer),
    )


def index_node(index, request) -> dict:
    return described(index, request, "CollectionPage", description=index.introduction)


def schedule_node(schedule, request) -> dict:
    return described(schedule, request, "WebPage", description=schedule.introduction)
