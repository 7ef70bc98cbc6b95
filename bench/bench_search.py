"""Search figures: the relevance set's top-1/top-3 rates, and query latency over 1,000 documents.

Runs both backends: the database one on a throw-away SQLite file, the Elasticsearch one on the
ES-API test server (``noida-db``) started on a free port. Relevance is measured over the fixed
corpus plus its near misses (``tests.search.corpus.synthetic``), next to a naive ranking by folded
word overlap on the same documents, and every query whose expected document is not first is
listed. Latency (rebuild speed, p50/p95 of a full search with facets and highlights) is measured
over word salad made of the corpus's words, where every query word is everywhere.

On the Elasticsearch server, two baselines in the same run: ``/api/search/`` (view, backend,
facets, highlights, JSON) against the bare elasticsearch-dsl query (one weighted
``multi_match``, twenty hits) on the same index, and a rebuild against a raw ``helpers.bulk``
of the same prepared documents into an index with the same mapping. The server is an emulator
that scans linearly: these ratios say what our code adds, not what Elasticsearch would take.
"""

import os
import random
import sys
import tempfile
import time
from pathlib import Path

from support import percentiles, record

DOCUMENTS = 1_000
ROUNDS = 5
# The emulator scans every document for every search (about a second each at 1,000 here): on it,
# one round over every fourth query keeps the benchmark within its minutes.
EMULATOR_SAMPLE = 4


def _django(workdir: Path) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings")
    os.environ.setdefault("VAR_DIR", str(workdir))
    os.environ.setdefault("DATABASE_URL", f"sqlite:///{workdir / 'bench.sqlite3'}")
    os.environ["RATE_LIMIT_SEARCH_API"] = "off"  # one client asking hundreds of times a minute
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0)


def _synthetic(corpus: list[dict], count: int) -> list[dict]:
    """Documents made of the corpus's own words: every query matches many of them."""
    rng = random.Random(104)
    words = [word for document in corpus for word in f"{document['title']} {document['summary']}".split()]
    documents = list(corpus)
    for number in range(len(corpus) + 1, count + 1):
        template = rng.choice(corpus)
        documents.append(
            {
                **template,
                "id": str(100_000 + number),
                "identifier": f"BENCH-{number}",
                "title": " ".join(rng.choices(words, k=rng.randint(4, 9))),
                "summary": " ".join(rng.choices(words, k=rng.randint(8, 16))),
                "body": " ".join(rng.choices(words, k=60)),
                "url": f"/hoc-lieu/bench/{number}/",
                "downloads": rng.randint(0, 500),
            }
        )
    return documents


def _load(backend, documents) -> float:
    started = time.perf_counter()
    for family in sorted({document["family"] for document in documents}):
        backend.rebuild(family, [document for document in documents if document["family"] == family])
    backend.refresh()
    return len(documents) / (time.perf_counter() - started)


def timed(run, queries, rounds: int = ROUNDS) -> list[float]:
    """Milliseconds of ``run(text)`` for every query, ``rounds`` times over."""
    timings = []
    for _ in range(rounds):
        for text in queries:
            started = time.perf_counter()
            run(text)
            timings.append((time.perf_counter() - started) * 1000)
    return timings


def _latencies(backend, queries) -> list[float]:
    from search.query import SearchQuery

    rounds = 1 if backend.name == "elasticsearch" else ROUNDS
    return timed(lambda text: backend.search(SearchQuery(text=text, locale="vi")), queries, rounds)


RELEVANCE_CORPUS = 240


def _report(name: str, result) -> None:
    print(f"{name:14} relevance {result.line()}")
    for case, ids in result.misses:
        print(f"{'':14}   {case.text!r} [{case.aspect}]: expected {case.expected}, got {ids}")


def _measure(backend, corpus) -> dict:
    from tests.search.corpus import backend_ranking, score, synthetic

    _load(backend, synthetic(corpus, RELEVANCE_CORPUS))
    relevance = score(backend_ranking(backend))
    _report(backend.name, relevance)
    rate = _load(backend, _synthetic(corpus, DOCUMENTS))
    timings = _latencies(backend, _queries(backend.name))
    p50, p95 = percentiles(timings)
    print(
        f"{'':14} rebuild {rate:,.0f} docs/s | search p50 {p50:.1f} ms, p95 {p95:.1f} ms "
        f"({len(timings)} searches over {DOCUMENTS} docs)"
    )
    return {
        "relevance": relevance.line(),
        "documents": DOCUMENTS,
        "rebuild_docs_per_second": round(rate),
        "search_p50_ms": round(p50, 2),
        "search_p95_ms": round(p95, 2),
    }


def _queries(backend: str = "database") -> list[str]:
    """The relevance set's queries (every fourth on the emulator), plus browsing (no text) and a prefix."""
    from tests.search.corpus import RELEVANCE

    step = EMULATOR_SAMPLE if backend == "elasticsearch" else 1
    return [case.text for case in RELEVANCE[::step]] + ["", "hoc"]


def _api_against_bare_query(backend, url: str) -> dict:
    """``/api/search/`` on Elasticsearch against one bare elasticsearch-dsl query, same index."""
    from django.test import Client, override_settings
    from elasticsearch_dsl import Search

    from search.analysis import FIELD_WEIGHTS

    client = Client()
    fields = [f"{field}^{weight}" for field, weight in FIELD_WEIGHTS.items()]

    def api(text: str) -> None:
        response = client.get("/api/search/", {"q": text})
        assert response.status_code == 200 and response.json()["backend"] == "elasticsearch", (
            response.content[:300]
        )

    def bare(text: str) -> None:
        search = Search(using=backend.client, index=backend.read_alias)
        search = search.query("multi_match", query=text, fields=fields) if text else search
        search[:20].execute()

    es = {"ELASTICSEARCH_URL": url, "ELASTICSEARCH_INDEX_PREFIX": backend.prefix, "ELASTICSEARCH_TIMEOUT": 30}
    with override_settings(SEARCH_BACKEND="elasticsearch", **es):
        api_p50, api_p95 = percentiles(timed(api, _queries(backend.name), rounds=1))
    bare_p50, bare_p95 = percentiles(timed(bare, _queries(backend.name), rounds=1))
    print(
        f"{'':14} /api/search/ p50 {api_p50:.1f} ms, p95 {api_p95:.1f} ms | bare elasticsearch-dsl "
        f"query p50 {bare_p50:.1f} ms, p95 {bare_p95:.1f} ms | ratio p50 {api_p50 / bare_p50:.1f}×"
    )
    return {
        "api_p50_ms": round(api_p50, 2),
        "api_p95_ms": round(api_p95, 2),
        "bare_query_p50_ms": round(bare_p50, 2),
        "bare_query_p95_ms": round(bare_p95, 2),
        "ratio_p50_api_vs_bare": round(api_p50 / bare_p50, 2),
    }


def _rebuild_against_raw_bulk(backend, corpus) -> dict:
    """Our rebuild (prepare, map, bulk, alias swap) against ``helpers.bulk`` of the same sources."""
    from elasticsearch.helpers import bulk

    from search.backends.es_mapping import new_index, source

    documents = _synthetic(corpus, DOCUMENTS)
    raw_index = f"{backend.prefix}-raw"
    client = backend.client.options(request_timeout=60)
    actions = [
        {"_index": raw_index, "_id": document["id"], "_source": source(document)}
        for document in backend.prepared(documents)
    ]

    def raw_bulk() -> float:
        client.indices.create(index=raw_index, **new_index(raw_index).to_dict())
        started = time.perf_counter()
        bulk(client, actions, chunk_size=500)
        client.indices.refresh(index=raw_index)
        rate = len(actions) / (time.perf_counter() - started)
        client.indices.delete(index=raw_index)
        return rate

    # Best of two each, taken in turn: a busy machine slows one run, not the other's baseline.
    ours, raw = 0.0, 0.0
    for _ in range(2):
        ours, raw = max(ours, _load(backend, documents)), max(raw, raw_bulk())
    print(
        f"{'':14} indexing {ours:,.0f} docs/s | raw helpers.bulk of the same documents {raw:,.0f} docs/s "
        f"| ratio {raw / ours:.2f}× (raw / ours)"
    )
    return {
        "rebuild_docs_per_second": round(ours),
        "raw_bulk_docs_per_second": round(raw),
        "ratio_raw_vs_ours": round(raw / ours, 2),
    }


def main() -> None:
    project = Path(__file__).resolve().parent.parent
    sys.path.insert(0, str(project))
    with tempfile.TemporaryDirectory(prefix="bench-search-") as workdir:
        _django(Path(workdir))
        from django.db import transaction

        from search.backends.database import DatabaseBackend
        from search.backends.elasticsearch import ElasticsearchBackend
        from tests import servers
        from tests.search.corpus import CORPUS, score, synthetic, word_overlap_ranking

        _report("word overlap", score(word_overlap_ranking(synthetic(CORPUS, RELEVANCE_CORPUS))))
        with transaction.atomic():  # leaves no trace, whichever database Django was given
            figures = {"database_sqlite": _measure(DatabaseBackend(), CORPUS)}
            transaction.set_rollback(True)
        with servers.elasticsearch_server(Path(workdir)) as url:
            backend = ElasticsearchBackend(url, prefix="bench", timeout=30)
            figures["elasticsearch_emulator"] = _measure(backend, CORPUS)
            figures["elasticsearch_emulator"].update(_api_against_bare_query(backend, url))
            figures["elasticsearch_emulator"]["indexing"] = _rebuild_against_raw_bulk(backend, CORPUS)
            backend.drop_all()
        record("search", figures)


if __name__ == "__main__":
    main()
