"""The centres listing: by commune name, narrowed by a GET form (commune, class kind, free seats,
words), twelve to a page.

The words are matched without case or diacritics ("tan cuong" finds "Tân Cương") against the
centre's and its commune's names; the province has a few hundred centres at most, so this is done
on one fetched list. A value that is not understood is ignored, never an error; the page runs the
same few queries whatever the number of centres.
"""

import datetime

from django.core.paginator import Paginator
from django.db.models import Q

from portal.centres.kinds import ClassKind
from portal.core.models import AdminUnit
from portal.core.text import fold

PAGE_SIZE = 12


def open_classes_filter(prefix: str = "") -> Q:
    today = datetime.date.today()
    return Q(**{f"{prefix}seats__gt": 0}) & (
        Q(**{f"{prefix}ends__isnull": True}) | Q(**{f"{prefix}ends__gte": today})
    )


def _by_name(unit) -> str:
    """Alphabetical as Vietnamese readers expect: "Đại Từ" among the D's, not after "Yên"."""
    return fold(unit.name)


def card_queryset(centres):
    """Centres with what a card shows: commune, the units it replaced and the classes."""
    return centres.select_related("commune").prefetch_related("commune__predecessors", "classes")


def centre_listing(request, index) -> dict:
    centres = index.get_centres()
    communes = sorted(AdminUnit.objects.filter(learning_centres__in=centres).distinct(), key=_by_name)
    wanted_commune = request.GET.get("commune", "").strip()
    commune = next((unit for unit in communes if unit.slug == wanted_commune), None)
    wanted_kind = request.GET.get("kind", "").strip()
    kind = wanted_kind if wanted_kind in ClassKind.values else ""
    free_seats = request.GET.get("free") == "1"
    text = request.GET.get("q", "").strip()[:100]

    if commune is not None:
        centres = centres.filter(commune=commune)
    if kind:
        centres = centres.filter(classes__kind=kind)
    if free_seats:
        prefix = "classes__"
        condition = open_classes_filter(prefix)
        if kind:
            condition &= Q(classes__kind=kind)
        centres = centres.filter(pk__in=index.get_centres().filter(condition).values("pk"))
    found = sorted(
        card_queryset(centres.distinct()), key=lambda centre: (_by_name(centre.commune), fold(centre.title))
    )
    if text:
        words = fold(text).split()
        found = [
            centre
            for centre in found
            if all(word in fold(f"{centre.title} {centre.commune.full_name}") for word in words)
        ]
    paginator = Paginator(found, PAGE_SIZE)
    page = paginator.get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return {
        "centre_list": page.object_list,
        "page_obj": page,
        "paginator": paginator,
        "communes": communes,
        "commune": commune,
        "kinds": ClassKind.choices,
        "kind": kind,
        "free_seats": free_seats,
        "q": text,
        "query_string": query.urlencode(),
        "unknown_filter": (bool(wanted_commune) and commune is None) or (bool(wanted_kind) and not kind),
        "filtered": bool(commune or kind or free_seats or text),
    }
