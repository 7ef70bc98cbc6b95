"""Search on Elasticsearch 8 through elasticsearch-dsl.

One index per content family behind two aliases: ``<prefix>-<family>`` (writes) and
``<prefix>-search`` (reads, every family). A rebuild loads a new versioned index, then moves
both aliases in one ``update_aliases`` call, so searches never see a half-built index.
Any transport or API failure surfaces as ``SearchUnavailable``; ``search.query`` falls back.
"""

import datetime
import functools

from elastic_transport import TransportError
from elasticsearch import ApiError, Elasticsearch
from elasticsearch.helpers import BulkIndexError, scan, streaming_bulk
from elasticsearch_dsl import A, Q, Search

from search import analysis
from search.backends.base import FacetCount, Hit, SearchBackend, SearchResults, SearchUnavailable
from search.backends.es_mapping import FACET_SEPARATOR, new_index, source
from search.documents import FACETS

BULK_CHUNK = 500
FACET_SIZE = 50


def unavailable_on_error(method):
    @functools.wraps(method)
    def wrapper(*args, **kwargs):
        try:
            return method(*args, **kwargs)
        except (ApiError, TransportError, BulkIndexError) as error:
            raise SearchUnavailable(f"{error.__class__.__name__}: {str(error)[:200]}") from error

    return wrapper


def _on_site(locale: str):
    """Documents the site in ``locale`` shows (those indexed before ``sites``: their own locale)."""
    unmarked = Q("bool", filter=[Q("term", locale=locale)], must_not=[Q("exists", field="sites")])
    return Q("bool", should=[Q("term", sites=locale), unmarked], minimum_should_match=1)


def _shown_title(hit) -> str:
    shown = getattr(hit, "shown", None)
    return shown.title if shown is not None else hit.title


class ElasticsearchBackend(SearchBackend):
    name = "elasticsearch"

    def __init__(self, url: str, prefix: str = "portal", timeout: float = 1.0):
        if not url:
            raise SearchUnavailable("ELASTICSEARCH_URL is not set")
        self.prefix = prefix
        self.client = Elasticsearch(url, request_timeout=timeout, max_retries=0, retry_on_timeout=False)
        self.read_alias = f"{prefix}-search"

    def family_alias(self, family: str) -> str:
        return f"{self.prefix}-{family}"

    def _create(self, family: str, with_aliases: bool) -> str:
        name = f"{self.family_alias(family)}-{datetime.datetime.now(datetime.UTC):%Y%m%d%H%M%S%f}"
        body = new_index(name).to_dict()
        if with_aliases:
            body["aliases"] = {self.family_alias(family): {}, self.read_alias: {}}
        self.client.options(request_timeout=30).indices.create(index=name, **body)
        return name

    def _ensure(self, family: str) -> None:
        """Create the family's first index when its alias is missing (a fresh or emptied server)."""
        if not self.client.indices.exists_alias(name=self.family_alias(family)):
            self._create(family, with_aliases=True)

    # -- writing ----------------------------------------------------------------------------
    def _actions(self, documents, index: str | None = None):
        ensured: set[str] = set()
        for document in self.prepared(documents):
            family = document["family"]
            if index is None and family not in ensured:
                self._ensure(family)
                ensured.add(family)
            target = index or self.family_alias(family)
            yield {"_index": target, "_id": document["id"], "_source": source(document)}

    @unavailable_on_error
    def index(self, documents) -> int:
        client = self.client.options(request_timeout=30)
        return sum(
            ok for ok, _item in streaming_bulk(client, self._actions(documents), chunk_size=BULK_CHUNK)
        )

    @unavailable_on_error
    def delete(self, ids) -> None:
        ids = [str(doc_id) for doc_id in ids]
        if not ids or not self.client.indices.exists_alias(name=self.read_alias):
            return
        indexes = list(self.client.indices.get_alias(name=self.read_alias).body)
        actions = [
            {"_op_type": "delete", "_index": index, "_id": doc_id} for index in indexes for doc_id in ids
        ]
        # A document lives in one family's index: "not found" from the others is expected.
        for _ok, _item in streaming_bulk(
            self.client.options(request_timeout=30), actions, raise_on_error=False, chunk_size=BULK_CHUNK
        ):
            pass

    @unavailable_on_error
    def rebuild(self, family, documents, progress=None) -> int:
        alias = self.family_alias(family)
        new = self._create(family, with_aliases=False)
        client, count = self.client.options(request_timeout=60), 0
        for ok, _item in streaming_bulk(client, self._actions(documents, index=new), chunk_size=BULK_CHUNK):
            count += ok
            if progress and count % BULK_CHUNK == 0:
                progress(count)
        client.indices.refresh(index=new)
        old = (
            list(client.indices.get_alias(name=alias).body) if client.indices.exists_alias(name=alias) else []
        )
        actions = [
            {"remove": {"index": index, "alias": name}} for index in old for name in (alias, self.read_alias)
        ]
        actions += [{"add": {"index": new, "alias": name}} for name in (alias, self.read_alias)]
        client.indices.update_aliases(actions=actions)
        for index in old:
            client.indices.delete(index=index, ignore_unavailable=True)
        if progress:
            progress(count)
        return count

    @unavailable_on_error
    def fingerprints(self, family) -> dict[str, str]:
        alias = self.family_alias(family)
        if not self.client.indices.exists_alias(name=alias):
            return {}
        hits = scan(self.client, index=alias, query={"query": {"match_all": {}}, "_source": ["fingerprint"]})
        return {hit["_id"]: hit["_source"].get("fingerprint", "") for hit in hits}

    @unavailable_on_error
    def refresh(self) -> None:
        if self.client.indices.exists_alias(name=self.read_alias):
            self.client.indices.refresh(index=self.read_alias)

    @unavailable_on_error
    def drop_all(self) -> None:
        """Delete every index of this prefix (tests, and starting over)."""
        client = self.client.options(request_timeout=30)
        for name in client.indices.get(index=f"{self.prefix}-*", allow_no_indices=True).body:
            client.indices.delete(index=name)

    # -- reading ----------------------------------------------------------------------------
    @staticmethod
    def _clause_query(clause: analysis.Clause, fuzzy: bool, found: int):
        """The score of one clause: ``found`` plus the weight of the best field holding it."""
        options = {"fuzziness": "AUTO"} if fuzzy and clause.single_word else {}

        def in_field(field: str):
            alternatives = [
                Q("match_phrase", **{field: alternative})
                if " " in alternative
                else Q("match", **{field: {"query": alternative, **options}})
                for alternative in clause.alternatives
            ]
            return Q("bool", should=alternatives, minimum_should_match=1)

        return Q(
            "dis_max",
            queries=[
                Q("constant_score", filter=in_field(field), boost=found + weight)
                for field, weight in analysis.FIELD_WEIGHTS.items()
            ],
        )

    def _text_query(self, query_clauses, fuzzy: bool, required: int):
        """The scores ``search.analysis`` defines, as constant scores: the database backend's."""
        wanted = analysis.essential(query_clauses)
        matched = Q(
            "bool",
            should=[self._clause_query(clause, fuzzy, analysis.CLAUSE_MATCH) for clause in wanted],
            minimum_should_match=required,
        )
        bonus = [
            Q("constant_score", filter=Q("match_phrase", exact=clause.exact), boost=analysis.EXACT_BONUS)
            for clause in wanted
            if clause.exact
        ]
        if fuzzy:  # the word as typed beats its neighbours one or two edits away
            bonus += [
                Q("constant_score", filter=self._clause_query(clause, False, 0), boost=analysis.EXACT_BONUS)
                for clause in wanted
                if clause.single_word
            ]
        phrase = analysis.phrase(query_clauses)
        if phrase:
            bonus += [
                Q(
                    "constant_score",
                    filter=Q("match_phrase", title=phrase),
                    boost=analysis.TITLE_PHRASE_BONUS,
                ),
                Q(
                    "constant_score",
                    filter=Q("match_phrase", summary=phrase),
                    boost=analysis.SUMMARY_PHRASE_BONUS,
                ),
            ]
        return Q("bool", must=[matched], should=bonus) if bonus else matched

    @staticmethod
    def _sort(query) -> list:
        newest = [{"date": {"order": "desc", "missing": "_last"}}, "title_sort"]
        if query.sort == "newest" or (query.sort == "relevance" and not query.text.strip()):
            return newest
        if query.sort == "downloads":
            return [{"downloads": "desc"}, "title_sort"]
        if query.sort == "title":
            return ["title_sort"]
        return ["_score", {"downloads": "desc"}, *newest]

    @staticmethod
    def _filter_for(filters: dict, exclude: str | None = None) -> list:
        return [
            Q("terms", **{f"facets.{name}": list(values)})
            for name, values in filters.items()
            if name != exclude
        ]

    @unavailable_on_error
    def _search(self, query, query_clauses, fuzzy, required):
        filters = {name: values for name, values in query.filters.items() if name in FACETS and values}
        scope = [_on_site(query.locale)] if query.locale else []
        if query.families:
            scope.append(Q("terms", family=list(query.families)))
        text = self._text_query(query_clauses, fuzzy, required) if query_clauses else Q("match_all")
        search = (
            Search(using=self.client, index=self.read_alias)
            .query(Q("bool", must=[text], filter=scope))
            .sort(*self._sort(query))
            .extra(track_total_hits=True)
            .source(excludes=["body", "keywords", "exact", "facet_pairs"])
        )[query.offset : query.offset + query.page_size]
        if filters:
            search = search.post_filter(Q("bool", filter=self._filter_for(filters)))
        if query.facets:
            for name in FACETS:
                others = self._filter_for(filters, exclude=name)
                bucket = A("filter", Q("bool", filter=others) if others else Q("match_all"))
                bucket.bucket("values", "terms", field=f"facet_pairs.{name}", size=FACET_SIZE)
                search.aggs.bucket(name, bucket)
        response = search.execute()
        hits = [self._hit(hit, query_clauses) for hit in response.hits]
        facets = self._facets(response, filters) if query.facets else {}
        return SearchResults(
            query=query, hits=hits, total=response.hits.total.value, facets=facets, backend=self.name
        )

    @staticmethod
    def _hit(hit, query_clauses) -> Hit:
        document = hit.to_dict()
        shown = document.get("shown") or {**document, "body": ""}  # an index built before "shown"
        highlight, found_in = analysis.snippet(
            shown["summary"], shown["body"], query_clauses, document.get("file_text", ())
        )
        return Hit(
            id=hit.meta.id,
            family=document["family"],
            identifier=document["identifier"],
            title=shown["title"],
            url=document["url"],
            summary=shown["summary"],
            highlight=highlight,
            found_in=found_in,
            date=document.get("date"),
            downloads=document.get("downloads", 0),
            facets=document.get("facets", {}),
            labels=document.get("labels", {}),
            files=document.get("files", []),
        )

    @staticmethod
    def _facets(response, filters) -> dict[str, list[FacetCount]]:
        facets = {}
        for name in FACETS:
            selected = set(filters.get(name, ()))
            counts = []
            for bucket in response.aggregations[name]["values"].buckets:
                value, _sep, label = bucket.key.partition(FACET_SEPARATOR)
                counts.append(FacetCount(value, label or value, bucket.doc_count, value in selected))
            facets[name] = sorted(counts, key=lambda count: (-count.count, count.value))
        return facets

    @unavailable_on_error
    def autocomplete(self, text, locale, limit) -> list[dict]:
        typed = " ".join(analysis.words(text)[:6])
        if not typed:
            return []
        search = Search(using=self.client, index=self.read_alias).query(
            "match", **{"title.prefix": {"query": typed, "operator": "and"}}
        )
        if locale:
            search = search.filter(_on_site(locale))
        search = search.sort("_score", {"downloads": "desc"}, "title_sort").source(
            ["shown.title", "title", "url", "family"]
        )
        return [
            {"title": _shown_title(hit), "url": hit.url, "family": hit.family}
            for hit in search[:limit].execute()
        ]
