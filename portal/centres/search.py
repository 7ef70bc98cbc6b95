"""Community learning centres: found by their name, commune, address and classes, faceted by unit."""

from django.utils.translation import gettext_lazy as _

from portal.centres.models import CommunityLearningCentrePage
from search.families.registry import page_document, register, register_labels

CENTRE_TYPE = {"centre": _("Learning centre")}


def centre_document(page: CommunityLearningCentrePage) -> dict:
    classes = list(page.classes.all())
    unit = page.commune
    former = list(unit.predecessors.all())
    return page_document(
        page,
        "centres",
        summary=page.description[:300] or page.search_description,
        body=" ".join(filter(None, [page.address, page.opening_hours, *(item.title for item in classes)])),
        keywords=[
            unit.full_name,
            *(item.full_name for item in former),
            *(str(item.get_kind_display()) for item in classes),
        ],
        facets={"type": "centre", "unit": [unit.slug]},
        labels={"type": {"centre": str(CENTRE_TYPE["centre"])}, "unit": {unit.slug: unit.full_name}},
    )


register(
    "centres",
    CommunityLearningCentrePage,
    centre_document,
    prefetch=["classes", "commune__predecessors"],
)
register_labels("type", lambda: CENTRE_TYPE)
