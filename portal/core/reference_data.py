"""Loading the shared vocabularies and administrative units from the JSON files in ``data/``.

Upserts by natural key, so loading twice changes nothing and editors' later additions stay.
"""

import datetime
import json
from pathlib import Path

from django.db import transaction

from portal.core.models import AdminUnit, Audience, EducationLevel, Language, Licence, Subject
from portal.core.text import slugify

DATA_DIR = Path(__file__).resolve().parent / "data"
VOCABULARIES = {
    "subject": Subject,
    "educationlevel": EducationLevel,
    "audience": Audience,
    "language": Language,
    "licence": Licence,
}


@transaction.atomic
def load_vocabularies(path: Path = DATA_DIR / "vocabularies.json") -> dict[str, int]:
    data = json.loads(path.read_text(encoding="utf-8"))
    counts = {}
    for key, model in VOCABULARIES.items():
        for order, row in enumerate(data.get(key, []), start=1):
            row = {"sort_order": order * 10, **row}
            if model is Licence:
                row.setdefault("slug", slugify(row["code"]))
                model.objects.update_or_create(code=row.pop("code"), defaults=row)
            else:
                model.objects.update_or_create(slug=row.pop("slug"), defaults=row)
        counts[model._meta.verbose_name_plural] = model.objects.count()
    return counts


def _date(value: str | None) -> datetime.date | None:
    return datetime.date.fromisoformat(value) if value else None


def _successors(row: dict) -> list[str]:
    """``successors`` is a list; an older file's single ``successor`` is read as a list of one."""
    if "successors" in row:
        return list(row["successors"] or [])
    return [row["successor"]] if row.get("successor") else []


@transaction.atomic
def load_admin_units(path: Path = DATA_DIR / "admin_units.json") -> int:
    """Two passes: the units themselves, then their parent and successors links."""
    rows = json.loads(path.read_text(encoding="utf-8"))
    for row in rows:
        AdminUnit.objects.update_or_create(
            slug=row["slug"],
            defaults={
                "gso_code": row.get("gso_code", ""),
                "kind": row["kind"],
                "name": row["name"],
                "level": row["level"],
                "valid_from": _date(row["valid_from"]),
                "valid_until": _date(row.get("valid_until")),
            },
        )
    units = AdminUnit.objects.in_bulk(field_name="slug")
    for row in rows:
        unit = units[row["slug"]]
        unit.parent = units[row["parent"]] if row.get("parent") else None
        unit.save(update_fields=["parent"])
        unit.successors.set([units[slug] for slug in _successors(row)])
    return len(rows)
