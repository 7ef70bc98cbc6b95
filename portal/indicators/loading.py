"""Loading the plan's indicators from ``data/indicators.json``: creates or updates, never deletes."""

import json
from pathlib import Path

from django.db import transaction

from portal.indicators.models import Indicator

DATA_FILE = Path(__file__).parent / "data" / "indicators.json"
FIELDS = (
    "name",
    "name_en",
    "unit",
    "direction",
    "plan_article",
    "target_2025",
    "target_2030",
    "measured_at",
    "aggregation",
    "headline",
    "sort_order",
)


@transaction.atomic
def load_indicators(path: Path = DATA_FILE) -> int:
    rows = json.loads(path.read_text(encoding="utf-8"))
    for row in rows:
        Indicator.objects.update_or_create(
            code=row["code"], defaults={field: row.get(field) for field in FIELDS}
        )
    return len(rows)
