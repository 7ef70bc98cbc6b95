"""Buffered counts into monthly rows per dimension, safe when several processes flush at once.

Each increment is an ``UPDATE … SET n = n + k`` (a row made on first use; a lost race to make
it becomes an update). One transaction per flush, rows touched in one sorted order, so two
flushes wait for each other instead of deadlocking. What the resources are (organisation,
subjects, languages) is read in a fixed number of queries, whatever the number of resources.
"""

from collections import Counter, defaultdict

from django.db import IntegrityError, transaction
from django.db.models import F, Q

from portal.resources.models import LearningResourcePage, ResourceFile
from portal.usage.models import Dimension, SearchCount, SearchWording, UsageCount

METRICS = ("views", "downloads")


def increment(model, lookup: dict, amounts: dict) -> None:
    amounts = {name: amount for name, amount in amounts.items() if amount}
    if not amounts:
        return
    rows = model.objects.filter(**lookup)
    if rows.update(**{name: F(name) + amount for name, amount in amounts.items()}):
        return
    try:
        with transaction.atomic():
            model.objects.create(**lookup, **amounts)
    except IntegrityError:  # another process made the row meanwhile
        rows.update(**{name: F(name) + amount for name, amount in amounts.items()})


def _resource_facts(page_ids) -> dict[int, tuple[str, list[str], list[str]]]:
    """Page id → (organisation key, subject keys, language codes): three queries."""
    organisations = dict(
        LearningResourcePage.objects.filter(pk__in=page_ids).values_list("pk", "organisation__slug")
    )
    subjects, languages = defaultdict(list), defaultdict(list)
    for page_id, slug in LearningResourcePage.subjects.through.objects.filter(
        learningresourcepage_id__in=organisations
    ).values_list("learningresourcepage_id", "subject__slug"):
        subjects[page_id].append(slug)
    for page_id, slug in LearningResourcePage.languages.through.objects.filter(
        learningresourcepage_id__in=organisations
    ).values_list("learningresourcepage_id", "language__slug"):
        languages[page_id].append(slug)
    return {
        page_id: (organisation or "", subjects[page_id], languages[page_id])
        for page_id, organisation in organisations.items()
    }


def usage_rows(counts: Counter) -> dict[tuple, dict[str, int]]:
    """(month, dimension, key, scope) → {"views": n, "downloads": n} for the buffered counts."""
    pages = Counter()
    documents = {key[1:]: count for key, count in counts.items() if key[0] == "document"}
    for key, count in counts.items():
        if key[0] == "page" and key[2] == "resource":
            _kind, month, _resource, page_id, metric = key
            pages[(month, page_id, metric)] += count
    if documents:
        offered = defaultdict(set)
        for document_id, page_id in ResourceFile.objects.filter(
            document_id__in={document_id for _month, document_id in documents}
        ).values_list("document_id", "page_id"):
            offered[document_id].add(page_id)
        for (month, document_id), count in documents.items():
            for page_id in offered[document_id]:
                pages[(month, page_id, "downloads")] += count
    facts = _resource_facts({page_id for _month, page_id, _metric in pages}) if pages else {}
    rows = defaultdict(lambda: dict.fromkeys(METRICS, 0))
    for (month, page_id, metric), count in pages.items():
        if page_id not in facts:  # deleted since
            continue
        scope, subjects, languages = facts[page_id]
        keys = [(Dimension.RESOURCE, str(page_id))]
        keys += [(Dimension.ORGANISATION, scope)] if scope else []
        keys += [(Dimension.SUBJECT, slug) for slug in subjects]
        keys += [(Dimension.LANGUAGE, code) for code in languages]
        for dimension, key in keys:
            rows[(month, str(dimension), key, scope)][metric] += count
    return rows


def write(counts: Counter) -> None:
    rows = usage_rows(counts)
    searches = defaultdict(Counter)
    wordings = Counter()
    for key, count in counts.items():
        if key[0] == "search":
            searches[(key[1], key[2])][key[3]] += count
        elif key[0] == "wording":
            wordings[key[1:]] += count
    with transaction.atomic():
        for month, dimension, key, scope in sorted(rows):
            increment(
                UsageCount,
                {"month": month, "dimension": dimension, "key": key, "scope": scope},
                rows[(month, dimension, key, scope)],
            )
        for month, phrase in sorted(searches):
            increment(SearchCount, {"month": month, "phrase": phrase}, searches[(month, phrase)])
        if wordings:
            wanted = Q()
            for month, phrase in {(month, phrase) for month, phrase, _text in wordings}:
                wanted |= Q(month=month, phrase=phrase)
            ids = {(row.month, row.phrase): row.pk for row in SearchCount.objects.filter(wanted)}
            for month, phrase, text in sorted(wordings):
                if (month, phrase) in ids:
                    increment(
                        SearchWording,
                        {"search_id": ids[(month, phrase)], "text": text},
                        {"count": wordings[(month, phrase, text)]},
                    )
