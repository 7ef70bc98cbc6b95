"""Broadcast programmes and their episodes, found by title, summary, transcript and channel."""

from django.utils.translation import gettext_lazy as _

from portal.programmes.models import BroadcastProgrammePage, EpisodePage
from search.families.registry import (
    page_document,
    register,
    register_labels,
    stream_text,
    term_facet,
    term_keywords,
)

PROGRAMME_TYPES = {"programme": _("Broadcast programme"), "episode": _("Programme episode")}


def _year(moment) -> tuple[str, dict]:
    return (str(moment.year), {str(moment.year): str(moment.year)}) if moment else ([], {})


def programme_document(page: BroadcastProgrammePage) -> dict:
    subjects, audiences, languages = (
        list(page.subjects.all()),
        list(page.audiences.all()),
        list(page.languages.all()),
    )
    facets, labels = {}, {}
    for name, terms in (("subject", subjects), ("audience", audiences), ("language", languages)):
        facets[name], labels[name] = term_facet(terms)
    if page.producer:
        facets["organisation"], labels["organisation"] = (
            [page.producer.slug],
            {page.producer.slug: page.producer.name},
        )
    facets["type"], labels["type"] = "programme", {"programme": str(PROGRAMME_TYPES["programme"])}
    facets["year"], labels["year"] = _year(page.first_published_at)
    return page_document(
        page,
        "programmes",
        summary=page.summary or page.search_description,
        body=stream_text(page.description),
        keywords=[
            *term_keywords(subjects, audiences, languages, [page.producer]),
            page.channel_name,
            str(page.get_channel_kind_display()),
        ],
        date=page.first_published_at,
        facets=facets,
        labels=labels,
    )


def episode_document(page: EpisodePage) -> dict:
    programme = page.get_parent().specific
    facets = {"type": "episode"}
    labels = {"type": {"episode": str(PROGRAMME_TYPES["episode"])}}
    facets["year"], labels["year"] = _year(page.air_time)
    return page_document(
        page,
        "programmes",
        summary=page.summary or page.search_description,
        body=" ".join(filter(None, [stream_text(page.body), page.transcript])),
        keywords=[programme.title, programme.channel_name],
        date=page.air_time,
        facets=facets,
        labels=labels,
    )


register(
    "programmes",
    BroadcastProgrammePage,
    programme_document,
    prefetch=["subjects", "audiences", "languages", "producer"],
)
register("programmes", EpisodePage, episode_document)
register_labels("type", lambda: PROGRAMME_TYPES)
