"""Demo figures: plausible monthly views and downloads of the demo resources for the last twelve
months, and search phrases, some searched by too few people to be shown. Loading again adds only
what is missing (counts already there, demo or real, are never changed)."""

import datetime
import zlib
from collections import Counter

from portal.core.text import fold
from portal.resources.models import LearningResourcePage
from portal.usage.flushing import usage_rows
from portal.usage.models import SearchCount, SearchWording, UsageCount
from portal.usage.people import month_start

# (as most people typed it, another writing, searches, of them with no result, people) per month.
SEARCHES = [
    ("kỹ năng số", "ky nang so", 60, 0, 38),
    ("trồng chè", "trong che", 42, 0, 25),
    ("học tập suốt đời", "hoc tap suot doi", 35, 0, 22),
    ("an toàn thông tin", "an toan thong tin", 24, 0, 15),
    ("tiếng H'Mông", "tieng hmong", 14, 3, 9),
    ("nuôi ong lấy mật", "nuoi ong", 12, 12, 8),
    ("sửa xe máy", "sua xe may", 10, 10, 7),
    ("thủ tục làm căn cước", "lam can cuoc", 9, 9, 6),
]
# Searched by fewer people than the report needs: they must never appear in it.
RARE_SEARCHES = [
    ("Nguyễn Văn Bình xóm Đồng Tâm", 4, 4, 2),
    ("0912 345 678", 2, 2, 1),
]


def _seed(*parts) -> int:
    return zlib.crc32("|".join(str(part) for part in parts).encode())


def _months(today: datetime.date) -> list[datetime.date]:
    months, month = [], today.replace(day=1)
    for _step in range(12):
        months.append(month)
        month = (month - datetime.timedelta(days=1)).replace(day=1)
    return months


def _resource_counts(months) -> Counter:
    counts = Counter()
    for page_id, slug in LearningResourcePage.objects.live().values_list("pk", "slug"):
        base = 40 + _seed(slug) % 400
        for index, month in enumerate(months):
            season = 1.4 if month.month in (3, 4, 9, 10) else 1.0  # the school year and Learning Week
            views = int(base * season * (0.6 + (_seed(slug, month) % 80) / 100) * (1 - index * 0.03))
            counts[("page", month, "resource", page_id, "views")] = views
            counts[("page", month, "resource", page_id, "downloads")] = (
                views * (10 + _seed(month, slug) % 25) // 100
            )
    return counts


def _load_usage(months) -> int:
    rows = usage_rows(_resource_counts(months))
    existing = set(
        UsageCount.objects.filter(month__in=months).values_list("month", "dimension", "key", "scope")
    )
    new = [
        UsageCount(month=month, dimension=dimension, key=key, scope=scope, **values)
        for (month, dimension, key, scope), values in sorted(rows.items())
        if (month, dimension, key, scope) not in existing
    ]
    UsageCount.objects.bulk_create(new, ignore_conflicts=True)
    return len(new)


def _load_searches(months) -> int:
    made = 0
    wanted = [
        (month, typed, other, searches, empty, people)
        for month in months
        for typed, other, searches, empty, people in SEARCHES
    ]
    wanted += [
        (months[0], typed, None, searches, empty, people) for typed, searches, empty, people in RARE_SEARCHES
    ]
    existing = set(SearchCount.objects.filter(month__in=months).values_list("month", "phrase"))
    for month, typed, other, searches, empty, people in wanted:
        phrase = " ".join(fold(typed).split())
        if (month, phrase) in existing:
            continue
        share = 0.7 + (_seed(month, phrase) % 60) / 100
        scaled = max(int(searches * share), 1)
        row = SearchCount.objects.create(
            month=month,
            phrase=phrase,
            searches=scaled,
            no_results=min(int(empty * share), scaled),
            people=people if other is None else max(int(people * share), 5),
        )
        SearchWording.objects.create(search=row, text=typed, count=scaled - scaled // 3)
        if other:
            SearchWording.objects.create(search=row, text=other, count=scaled // 3)
        made += 1
    return made


def load_usage_demo(log) -> None:
    months = _months(month_start())
    rows, searches = _load_usage(months), _load_searches(months)
    if rows or searches:
        log(f"  usage statistics: {rows} monthly figures and {searches} search phrases added")
