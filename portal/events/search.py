"""Campaigns and events: found with their dates (an event's first day) and their area."""

from django.utils.translation import gettext_lazy as _

from portal.events.models import CampaignPage, EventPage
from search.families.registry import page_document, register, register_labels, stream_text, term_facet

EVENT_TYPES = {"campaign": _("Campaign"), "event": _("Event")}


def _unit(unit) -> tuple[list[str], dict[str, str]]:
    if unit is None:
        return [], {}
    return [unit.slug], {unit.slug: unit.full_name}


def _year(day) -> tuple[list[str], dict[str, str]]:
    return ([str(day.year)], {str(day.year): str(day.year)}) if day else ([], {})


def event_document(page: EventPage) -> dict:
    page.derive_times()
    audiences = list(page.audiences.all())
    facets, labels = {"type": "event"}, {"type": {"event": str(EVENT_TYPES["event"])}}
    facets["unit"], labels["unit"] = _unit(page.commune)
    facets["audience"], labels["audience"] = term_facet(audiences)
    facets["year"], labels["year"] = _year(page.start_day)
    if page.organiser_id:
        facets["organisation"] = [page.organiser.slug]
        labels["organisation"] = {page.organiser.slug: page.organiser.name}
    place = [page.venue, page.address, page.commune.full_name if page.commune_id else ""]
    return page_document(
        page,
        "events",
        summary=page.summary or page.search_description,
        body=" ".join(filter(None, [*place, stream_text(page.body), page.get_status_display()])),
        keywords=[audience.name for audience in audiences],
        date=page.start_day,
        facets=facets,
        labels=labels,
    )


def campaign_document(page: CampaignPage) -> dict:
    facets, labels = {"type": "campaign"}, {"type": {"campaign": str(EVENT_TYPES["campaign"])}}
    facets["year"], labels["year"] = _year(page.start_date)
    return page_document(
        page,
        "events",
        summary=page.introduction or page.search_description,
        body=" ".join(filter(None, [page.theme, page.slogan, stream_text(page.body), page.results_summary])),
        keywords=[page.get_kind_display()],
        date=page.start_date,
        facets=facets,
        labels=labels,
    )


register("events", EventPage, event_document, prefetch=["audiences", "commune", "organiser"])
register("events", CampaignPage, campaign_document)
register_labels("type", lambda: EVENT_TYPES)
