"""The facets people narrow the library and search by, declared once: part of search's contract.

The search index stores and counts them (``search.documents.FACETS`` is built from this list),
the search page shows them with their counts, and the library listing's filters are made from
the same entries, its counts coming from the same search facet counts. A facet's ``name`` is its
URL parameter and index key; ``field`` is the resource page's field a listing filters on.
"""

from dataclasses import dataclass

from django.db import models
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from portal.core.models import Audience, EducationLevel, Language, Licence, Subject
from portal.organisations.models import Organisation


@dataclass(frozen=True)
class Facet:
    name: str
    heading: Promise
    everything: Promise | None = None  # the listing filter's "no filter" choice
    terms: type[models.Model] | None = None  # chosen by slug; None: the family says (type, year)
    field: str = ""  # on LearningResourcePage; "" when the library listing does not filter by it


FACETS = (
    Facet("type", _("Type"), _("All types"), field="resource_type"),
    Facet("subject", _("Subject"), _("All subjects"), Subject, "subjects"),
    Facet("level", _("Education level"), _("All levels"), EducationLevel, "level"),
    Facet("audience", _("Audience"), _("Everyone"), Audience, "audiences"),
    Facet("language", _("Language"), _("All languages"), Language, "languages"),
    Facet("licence", _("Licence"), _("All licences"), Licence, "licence"),
    Facet("organisation", _("Organisation"), _("All contributors"), Organisation, "organisation"),
    Facet("unit", _("Area")),
    Facet("year", _("Year")),
)
LISTING_FACETS = tuple(facet for facet in FACETS if facet.field)
