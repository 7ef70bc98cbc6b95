"""Search on the Django database: the embedded default, and the fallback when Elasticsearch is away.

Documents are stored folded with the same function queries are folded with, so matching agrees
with the Elasticsearch analysers. Words are matched with ``LIKE`` on SQLite and with the
``search_vector`` full-text index on PostgreSQL: the same matches, the same scores. Scoring
mirrors the Elasticsearch backend's: both compute the scores ``search.analysis`` defines. Facet counts are
aggregates over ``FacetValue`` with every other facet's filter applied, the same "post_filter"
semantics the Elasticsearch backend has.
"""

import operator
import re
from functools import reduce

from django.db import connection, transaction
from django.db.models import BooleanField, Case, Count, Exists, F, IntegerField, Max, OuterRef, Q, Value, When
from django.db.models.expressions import RawSQL

from portal.core.text import normalise
from search import analysis
from search.backends.base import FacetCount, Hit, SearchBackend, SearchResults
from search.backends.beside import Later
from search.documents import FACETS, searched_body
from search.models import FacetValue, IndexEntry, Term

WEIGHTS = {f"folded_{field}": weight for field, weight in analysis.FIELD_WEIGHTS.items()}
LABEL_OF = dict(zip(WEIGHTS, "ABCD", strict=True))  # the columns' labels in ``search_vector`` (0002)
BATCH = 500
FACET_SIZE = 50
FEW_MATCHES = 3_000  # up to this many, matches are passed on as ids rather than matched again
_WORD = re.compile(r"\w+")


def _exact_words(*texts: str) -> str:
    return f" {' '.join(_WORD.findall(normalise(' '.join(texts)).lower()))} "


def _columns(document: dict) -> dict:
    keywords = " ".join(document["keywords"])
    return {
        "family": document["family"],
        "locale": document["locale"],
        "sites": f" {' '.join(document['sites'])} ",
        "title_sort": document["title_sort"],
        "date": document["date"],
        "downloads": document["downloads"],
        "folded_title": analysis.padded(document["title"]),
        "folded_keywords": analysis.padded(keywords),
        "folded_summary": analysis.padded(document["summary"]),
        "folded_body": analysis.padded(searched_body(document)),
        "exact_text": _exact_words(document["title"], keywords, document["summary"]),
        "fingerprint": document["fingerprint"],
        "document": document,
    }


def _facet_rows(entry_id: int, document: dict) -> list[FacetValue]:
    return [
        FacetValue(
            entry_id=entry_id, facet=name, value=value[:200], label=document["labels"][name][value][:255]
        )
        for name, values in document["facets"].items()
        for value in values
    ]


def _add_terms(entries: list[IndexEntry]) -> None:
    words = set()
    for entry in entries:
        for column in WEIGHTS:
            words.update(getattr(entry, column).split())
    Term.objects.bulk_create(
        [Term(term=word, length=len(word)) for word in words if 2 < len(word) <= 60], ignore_conflicts=True
    )


def _tsquery(alternatives, label: str = "") -> str:
    """PostgreSQL: any of the (folded, ``\\w+``) word sequences in the column ``label`` names
    (A title, B keywords, C summary, D body), so "trung hoc" in a title → ``('trung':A <->
    'hoc':A)``, SQLite's ``LIKE '% trung hoc %'``. Without a label a word may be in any column,
    and a phrase in any one column (never across two)."""
    parts = []
    for alternative in alternatives:
        words = alternative.split()
        if label:
            parts.append("(" + " <-> ".join(f"'{word}':{label}" for word in words) + ")")
        elif len(words) == 1:
            parts.append(f"'{words[0]}'")
        else:
            parts.append(" | ".join(_tsquery([alternative], weight) for weight in LABEL_OF.values()))
    return " | ".join(parts)


def _matches(tsquery: str) -> RawSQL:
    return RawSQL("search_vector @@ to_tsquery('simple', %s)", [tsquery], output_field=BooleanField())


def _one_of(column: str, ids: list[int]) -> RawSQL:
    """``column = ANY(ids)``: one array, which PostgreSQL looks up by hash."""
    return RawSQL(f"{column} = ANY(%s)", [ids], output_field=BooleanField())


class DatabaseBackend(SearchBackend):
    name = "database"

    def __init__(self, full_text: bool | None = None):
        """``full_text``: match with PostgreSQL's ``search_vector`` (default: on PostgreSQL) or,
        when false, with ``LIKE`` as on SQLite (the contract suite runs both on PostgreSQL)."""
        self.full_text = full_text

    def _uses_full_text(self) -> bool:
        return connection.vendor == "postgresql" if self.full_text is None else self.full_text

    # -- writing ----------------------------------------------------------------------------
    def index(self, documents) -> int:
        count = 0
        with transaction.atomic():
            for document in self.prepared(documents):
                entry, _created = IndexEntry.objects.update_or_create(
                    doc_id=document["id"], defaults=_columns(document)
                )
                entry.facet_values.all().delete()
                FacetValue.objects.bulk_create(_facet_rows(entry.pk, document))
                _add_terms([entry])
                count += 1
        return count

    def delete(self, ids) -> None:
        IndexEntry.objects.filter(doc_id__in=[str(doc_id) for doc_id in ids]).delete()

    def rebuild(self, family, documents, progress=None) -> int:
        count = 0
        with transaction.atomic():
            IndexEntry.objects.filter(family=family).delete()
            batch = []
            for document in self.prepared(documents):
                batch.append(document)
                if len(batch) == BATCH:
                    count += self._insert(batch)
                    batch = []
                    if progress:
                        progress(count)
            count += self._insert(batch)
        if progress:
            progress(count)
        return count

    def _insert(self, documents: list[dict]) -> int:
        entries = IndexEntry.objects.bulk_create(
            [IndexEntry(doc_id=document["id"], **_columns(document)) for document in documents]
        )
        FacetValue.objects.bulk_create(
            [
                row
                for entry, document in zip(entries, documents, strict=True)
                for row in _facet_rows(entry.pk, document)
            ]
        )
        _add_terms(entries)
        return len(entries)

    def fingerprints(self, family) -> dict[str, str]:
        return dict(IndexEntry.objects.filter(family=family).values_list("doc_id", "fingerprint"))

    # -- reading ----------------------------------------------------------------------------
    def _near_terms(self, word: str) -> list[str]:
        limit = analysis.fuzziness(word)
        if not limit:
            return []
        candidates = Term.objects.filter(length__range=(len(word) - limit, len(word) + limit))
        near = [
            (analysis.edit_distance(word, term, limit), term)
            for term in candidates.values_list("term", flat=True).iterator(chunk_size=5000)
        ]
        return [term for distance, term in sorted(near) if 0 < distance <= limit][:5]

    def _clause_alternatives(self, clause, fuzzy: bool) -> tuple[str, ...]:
        if fuzzy and clause.single_word:
            return clause.alternatives + tuple(self._near_terms(clause.alternatives[0]))
        return clause.alternatives

    def _in_column(self, column: str, alternatives) -> Q | RawSQL:
        """Any of the alternatives (folded words or phrases) as whole words in one column."""
        if self._uses_full_text():
            return _matches(_tsquery(alternatives, LABEL_OF[column]))
        return reduce(operator.or_, (Q(**{f"{column}__contains": f" {alt} "}) for alt in alternatives))

    def _clause_match(self, alternatives) -> Q | RawSQL:
        if self._uses_full_text():
            return _matches(_tsquery(alternatives))
        return reduce(operator.or_, (self._in_column(column, alternatives) for column in WEIGHTS))

    def _any_or_all(self, entries, clauses_alternatives: list, everything: bool):
        """On PostgreSQL, entries holding all (or any) of the clauses, through the GIN index;
        elsewhere all of them, or every entry (``LIKE`` has no index to narrow with)."""
        if self._uses_full_text():
            operator_ = " & " if everything else " | "
            return entries.filter(
                _matches(operator_.join(f"({_tsquery(alt)})" for alt in clauses_alternatives))
            )
        return entries.filter(*map(self._clause_match, clauses_alternatives)) if everything else entries

    def _matching_clauses(self, entries, clauses_alternatives: list, required: int):
        """Entries where at least ``required`` of the clauses match."""
        everything = required == len(clauses_alternatives)
        entries = self._any_or_all(entries, clauses_alternatives, everything)
        if everything:
            return entries
        matches = [Case(When(self._clause_match(alt), then=1), default=0) for alt in clauses_alternatives]
        return entries.alias(matched=reduce(operator.add, matches)).filter(matched__gte=required)

    def _scope(self, query):
        entries = IndexEntry.objects.all()
        if query.locale:
            entries = entries.filter(sites__contains=f" {query.locale} ")
        if query.families:
            entries = entries.filter(family__in=query.families)
        return entries

    def _score(self, query_clauses, clauses_alternatives: list, fuzzy: bool):
        """``search.analysis``'s ranking: per clause of ``query_clauses`` (the essential ones),
        CLAUSE_MATCH plus the weight of the best column holding it, then the bonuses."""
        parts = []
        for clause, alternatives in zip(query_clauses, clauses_alternatives, strict=True):
            in_best_column = [
                When(self._in_column(column, alternatives), then=analysis.CLAUSE_MATCH + weight)
                for column, weight in WEIGHTS.items()
            ]
            parts.append(Case(*in_best_column, default=0))
            if clause.exact:
                exact = Q(exact_text__contains=f" {clause.exact} ")
                parts.append(Case(When(exact, then=analysis.EXACT_BONUS), default=0))
            if fuzzy and clause.single_word:  # the word as typed beats its neighbours
                as_typed = self._clause_match(clause.alternatives)
                parts.append(Case(When(as_typed, then=analysis.EXACT_BONUS), default=0))
        phrase = analysis.phrase(query_clauses)
        if phrase:
            title, summary = (
                self._in_column("folded_title", [phrase]),
                self._in_column("folded_summary", [phrase]),
            )
            parts.append(Case(When(title, then=analysis.TITLE_PHRASE_BONUS), default=0))
            parts.append(Case(When(summary, then=analysis.SUMMARY_PHRASE_BONUS), default=0))
        return reduce(operator.add, parts)

    @staticmethod
    def _facet_filter(name: str, values) -> Exists:
        return Exists(FacetValue.objects.filter(entry=OuterRef("pk"), facet=name, value__in=values))

    def _search(self, query, query_clauses, fuzzy, required):
        filters = {name: values for name, values in query.filters.items() if name in FACETS and values}
        facet_filters = [self._facet_filter(name, values) for name, values in filters.items()]
        entries = self._scope(query)
        wanted = analysis.essential(query_clauses)
        alternatives = [self._clause_alternatives(clause, fuzzy) for clause in wanted]
        matching = self._matching_clauses(entries, alternatives, required) if wanted else entries
        matched = matching.filter(*facet_filters)
        # On PostgreSQL a text's matches, when few (the costly k-of-n matches are), are found once
        # and passed on as ids: the count, the facet counts and the page's scores need no second
        # look at the text. Counts are read beside the page (``Later``); only the page's
        # documents are read.
        total = None
        if wanted and connection.vendor == "postgresql":
            ids = list(matched.values_list("pk", flat=True)[: FEW_MATCHES + 1])
            if len(ids) <= FEW_MATCHES:
                total, matched = len(ids), IndexEntry.objects.filter(_one_of("id", ids))
        counted = Later(self._counts, matching, filters, matched, total, query.facets)
        page_ids = None
        if wanted and query.sort == "relevance" and total is None and required < len(wanted):
            # Many entries hold enough of the words: those holding all of them outrank the rest
            # (CLAUSE_MATCH), so when they fill the page, only they need scoring.
            holding_all = self._any_or_all(entries, alternatives, everything=True).filter(*facet_filters)
            page_ids = self._page(query, holding_all, wanted, alternatives, fuzzy)
            page_ids = page_ids if len(page_ids) == query.page_size else None
        if page_ids is None:
            page_ids = self._page(query, matched, wanted, alternatives, fuzzy)
        total, facets = counted.result()
        documents = dict(IndexEntry.objects.filter(pk__in=page_ids).values_list("pk", "document"))
        found = dict(zip(wanted, alternatives, strict=True))
        highlight_clauses = [
            analysis.Clause(found.get(clause, clause.alternatives), clause.original)
            for clause in query_clauses
        ]
        hits = [self._hit(documents[pk], highlight_clauses) for pk in page_ids]
        return SearchResults(query=query, hits=hits, total=total, facets=facets, backend=self.name)

    def _page(self, query, entries, wanted, alternatives, fuzzy: bool) -> list[int]:
        """Ids of the page's entries among ``entries``, in the query's order."""
        if wanted and query.sort == "relevance":
            entries = entries.annotate(score=self._score(wanted, alternatives, fuzzy))
        else:
            entries = entries.annotate(score=Value(0, output_field=IntegerField()))
        ordered = entries.order_by(*self._ordering(query)).values_list("pk", flat=True)
        return list(ordered[query.offset : query.offset + query.page_size])

    def _counts(self, matching, filters, matched, total, with_facets: bool) -> tuple[int, dict]:
        if total is None and with_facets and connection.vendor == "postgresql":
            ids = list(matched.values_list("pk", flat=True))  # matched once for count and facets
            total, matched = len(ids), IndexEntry.objects.filter(_one_of("id", ids))
        total = matched.count() if total is None else total
        return total, self._facets(matching, filters, matched) if with_facets else {}

    @staticmethod
    def _ordering(query) -> list:
        newest = [F("date").desc(nulls_last=True), "title_sort"]
        if query.sort == "newest" or (query.sort == "relevance" and not query.text.strip()):
            return newest
        if query.sort == "downloads":
            return ["-downloads", "title_sort"]
        if query.sort == "title":
            return ["title_sort", "doc_id"]
        return ["-score", "-downloads", *newest]

    def _facets(self, matching, filters, matched) -> dict[str, list[FacetCount]]:
        """Counts per facet with every other facet's filter applied.

        Facets without a filter of their own share one base, ``matched`` (all filters), so they
        share one query: one query in all, plus one per filtered facet.
        """
        groups: dict[str | None, list[str]] = {}
        for name in FACETS:
            groups.setdefault(name if name in filters else None, []).append(name)
        rows: dict[str, list[dict]] = {name: [] for name in FACETS}
        for excluded, names in groups.items():
            others = [
                self._facet_filter(other, values) for other, values in filters.items() if other != excluded
            ]
            entries = matched if excluded is None else matching.filter(*others)
            values = FacetValue.objects.filter(entry__in=entries.values("pk"))
            if len(names) < len(FACETS):
                values = values.filter(facet__in=names)
            counted = (
                values.values("facet", "value")
                .annotate(count=Count("id"), label=Max("label"))
                .order_by("facet", "-count", "value")
            )
            for row in counted:
                rows[row["facet"]].append(row)
        return {
            name: [
                FacetCount(
                    row["value"], row["label"], row["count"], row["value"] in set(filters.get(name, ()))
                )
                for row in rows[name][:FACET_SIZE]
            ]
            for name in FACETS
        }

    @staticmethod
    def _hit(document: dict, highlight_clauses) -> Hit:
        highlight, found_in = analysis.snippet(
            document["summary"], document["body"], highlight_clauses, document.get("file_text", ())
        )
        return Hit(
            id=document["id"],
            family=document["family"],
            identifier=document["identifier"],
            title=document["title"],
            url=document["url"],
            summary=document["summary"],
            highlight=highlight,
            found_in=found_in,
            date=document["date"],
            downloads=document["downloads"],
            facets=document["facets"],
            labels=document["labels"],
            files=document["files"],
        )

    def autocomplete(self, text, locale, limit) -> list[dict]:
        typed = analysis.words(text)[:6]
        if not typed:
            return []
        entries = IndexEntry.objects.filter(
            *(Q(folded_title__contains=f" {word} ") for word in typed[:-1]),
            folded_title__contains=f" {typed[-1]}",
        )
        if locale:
            entries = entries.filter(sites__contains=f" {locale} ")
        rows = entries.order_by("-downloads", "title_sort").values_list("document", flat=True)[:limit]
        return [{"title": row["title"], "url": row["url"], "family": row["family"]} for row in rows]
