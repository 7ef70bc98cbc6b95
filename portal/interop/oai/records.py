"""Resources as OAI-PMH records: identifiers, datestamps, sets and their Dublin Core.

Records are the library's live public resources; withdrawn ones are ``DeletedRecord`` rows. Both
are walked in primary-key order, the live ones first, so a resumption token is just the last key
seen: pages stay consistent while resources are published or withdrawn between requests.
"""

import datetime
import re
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from portal.core.models import Subject
from portal.interop.models import DeletedRecord
from portal.organisations.models import Organisation
from portal.resources.models import LearningResourcePage
from portal.resources.models.choices import ResourceType

# The DCMI Type Vocabulary term for each resource type (dc:type carries both it and our label).
DCMI_TYPES = {
    ResourceType.DOCUMENT: "Text",
    ResourceType.VIDEO: "MovingImage",
    ResourceType.AUDIO: "Sound",
    ResourceType.COURSE: "Text",
    ResourceType.INTERACTIVE: "InteractiveResource",
    ResourceType.IMAGE_SET: "StillImage",
    ResourceType.LINK: "Text",
}
# Set families: spec prefix → (name, the resource field, the vocabulary listing its members).
SET_FAMILIES = {
    "subject": (_("Subjects"), "subjects__slug"),
    "organisation": (_("Contributor organisations"), "organisation__slug"),
    "type": (_("Resource types"), "resource_type"),
}
AUTHOR_SEPARATORS = re.compile(r"\s*[;,]\s*")


def repository_domain() -> str:
    return getattr(settings, "OAI_REPOSITORY_DOMAIN", "") or urlsplit(settings.WAGTAILADMIN_BASE_URL).hostname


def oai_identifier(identifier: str) -> str:
    return f"oai:{repository_domain()}:{identifier}"


def local_identifier(oai_id: str) -> str | None:
    prefix = f"oai:{repository_domain()}:"
    return oai_id[len(prefix) :] if oai_id.startswith(prefix) and len(oai_id) > len(prefix) else None


@dataclass
class Record:
    identifier: str
    datestamp: datetime.datetime
    sets: list[str]
    deleted: bool = False
    key: int = 0
    dc: dict[str, list[str]] = field(default_factory=dict)


def set_specs(page: LearningResourcePage) -> list[str]:
    specs = [f"subject:{subject.slug}" for subject in page.subjects.all()]
    if page.organisation_id:
        specs.append(f"organisation:{page.organisation.slug}")
    specs.append(f"type:{page.resource_type}")
    return specs


def all_sets() -> list[tuple[str, str]]:
    """(setSpec, setName) of every set: each family, then its members."""
    members = {
        "subject": [(term.slug, term.name) for term in Subject.objects.order_by("sort_order", "name")],
        "organisation": [(org.slug, org.name) for org in Organisation.objects.order_by("name")],
        "type": [(value, str(label)) for value, label in ResourceType.choices],
    }
    sets = []
    for family, (name, _field) in SET_FAMILIES.items():
        sets.append((family, str(name)))
        sets.extend((f"{family}:{slug}", label) for slug, label in members[family])
    return sets


def is_known_set(spec: str) -> bool:
    return spec in {known for known, _name in all_sets()}


def published_resources():
    return (
        LearningResourcePage.objects.live()
        .public()
        .exclude(identifier="")
        .select_related("organisation", "licence", "locale")
        .prefetch_related("subjects", "languages", "files__document")
    )


def _in_set(queryset, spec: str | None):
    if not spec:
        return queryset
    family, _sep, member = spec.partition(":")
    lookup = SET_FAMILIES[family][1]
    if not member:
        return queryset
    return queryset.filter(**{lookup: member}).distinct()


def _deleted_in_set(queryset, spec: str | None):
    if not spec:
        return queryset
    rows = [row.pk for row in queryset if any(s == spec or s.startswith(f"{spec}:") for s in row.sets)]
    return queryset.filter(pk__in=rows)


@dataclass(frozen=True)
class Selection:
    """What a list request asks for: a datestamp range (inclusive) and a set."""

    since: datetime.datetime | None = None
    until: datetime.datetime | None = None
    set_spec: str | None = None

    def live(self):
        queryset = _in_set(published_resources(), self.set_spec)
        if self.since:
            queryset = queryset.filter(last_published_at__gte=self.since)
        if self.until:
            queryset = queryset.filter(last_published_at__lte=self.until)
        return queryset.order_by("pk")

    def deleted(self):
        queryset = DeletedRecord.objects.all()
        if self.since:
            queryset = queryset.filter(datestamp__gte=self.since)
        if self.until:
            queryset = queryset.filter(datestamp__lte=self.until)
        return _deleted_in_set(queryset, self.set_spec).order_by("pk")

    def size(self) -> int:
        return self.live().count() + self.deleted().count()

    def page(self, part: str, after: int, size: int) -> tuple[list[Record], tuple[str, int] | None]:
        """Up to ``size`` records after key ``after`` of ``part`` ("live", then "deleted"), and
        where the next page starts (None when the list is complete)."""
        records: list[Record] = []
        if part == "live":
            pages = list(self.live().filter(pk__gt=after)[: size + 1])
            records = [live_record(page) for page in pages[:size]]
            if len(pages) > size:
                return records, ("live", records[-1].key)
            part, after = "deleted", 0
        rows = list(self.deleted().filter(pk__gt=after)[: size - len(records) + 1])
        room = size - len(records)
        records += [deleted_record(row) for row in rows[:room]]
        more = len(rows) > room
        return records, (("deleted", records[-1].key) if more else None)


def live_record(page: LearningResourcePage, request=None) -> Record:
    return Record(
        identifier=oai_identifier(page.identifier),
        datestamp=page.last_published_at or page.first_published_at or timezone.now(),
        sets=set_specs(page),
        key=page.pk,
        dc=dublin_core(page, request),
    )


def deleted_record(row: DeletedRecord) -> Record:
    return Record(oai_identifier(row.identifier), row.datestamp, list(row.sets), deleted=True, key=row.pk)


def find(identifier: str) -> Record | None:
    local = local_identifier(identifier)
    if local is None:
        return None
    page = published_resources().filter(identifier=local).first()
    if page is not None:
        return live_record(page)
    row = DeletedRecord.objects.filter(identifier=local).first()
    return deleted_record(row) if row else None


def _absolute(url: str) -> str:
    return (
        url if url.startswith(("http://", "https://")) else settings.WAGTAILADMIN_BASE_URL.rstrip("/") + url
    )


def dublin_core(page: LearningResourcePage, request=None) -> dict[str, list[str]]:
    """The fifteen-element Dublin Core of a resource, as oai_dc carries it (text as written)."""
    day = page.date_issued or (page.first_published_at and timezone.localdate(page.first_published_at))
    licence = page.licence
    formats = sorted({item.mime_type for item in page.files.all() if item.mime_type})
    return {
        "title": [page.title],
        "creator": [name for name in AUTHOR_SEPARATORS.split(page.authors or "") if name],
        "subject": [subject.name for subject in page.subjects.all()],
        "description": [page.summary] if page.summary else [],
        "publisher": [page.organisation.name] if page.organisation_id else [],
        "date": [day.isoformat()] if day else [],
        "type": [DCMI_TYPES.get(page.resource_type, "Text"), str(page.get_resource_type_display())],
        "format": formats,
        "identifier": [_absolute(page.get_url(request) or page.url_path), oai_identifier(page.identifier)],
        "source": [value for value in (page.adapted_from_url or page.adapted_from_title,) if value],
        "language": [language.slug for language in page.languages.all()],
        "rights": [value for value in (licence.name, licence.url) if value] if licence else [],
    }
