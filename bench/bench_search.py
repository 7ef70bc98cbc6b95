"""Search figures: the relevance set's top-1/top-3 rates, and query latency over 1,000 documents.

Runs both backends: the database one on a throw-away SQLite file, the Elasticsearch one on the
ES-API test server (``noida-db``) started on a free port. Relevance is measured over the fixed
corpus plus its near misses (``tests.search.corpus.synthetic``), next to a naive ranking by folded
word overlap on the same documents, and every query whose expected document is not first is
listed. Latency (rebuild speed, p50/p95 of a full search with facets and highlights) is measured
over word salad made of the corpus's words, where every query word is everywhere.
"""

import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

DOCUMENTS = 1_000
ROUNDS = 5


def _django(workdir: Path) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings")
    os.environ.setdefault("VAR_DIR", str(workdir))
    os.environ.setdefault("DATABASE_URL", f"sqlite:///{workdir / 'bench.sqlite3'}")
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


def percentiles(timings: list[float]) -> tuple[float, float]:
    """p50 and p95 of ``timings``."""
    timings = sorted(timings)
    return statistics.median(timings), timings[max(0, int(len(timings) * 0.95) - 1)]


def _latencies(backend, queries) -> list[float]:
    from search.query import SearchQuery

    return timed(lambda text: backend.search(SearchQuery(text=text, locale="vi")), queries)


RELEVANCE_CORPUS = 240


def _report(name: str, result) -> None:
    print(f"{name:14} relevance {result.line()}")
    for case, ids in result.misses:
        print(f"{'':14}   {case.text!r} [{case.aspect}]: expected {case.expected}, got {ids}")


def _measure(backend, corpus) -> None:
    from tests.search.corpus import RELEVANCE, backend_ranking, score, synthetic

    _load(backend, synthetic(corpus, RELEVANCE_CORPUS))
    _report(backend.name, score(backend_ranking(backend)))
    rate = _load(backend, _synthetic(corpus, DOCUMENTS))
    timings = _latencies(backend, [case.text for case in RELEVANCE] + ["", "hoc"])
    p50, p95 = percentiles(timings)
    print(
        f"{'':14} rebuild {rate:,.0f} docs/s | search p50 {p50:.1f} ms, p95 {p95:.1f} ms "
        f"({len(timings)} searches over {DOCUMENTS} docs)"
    )


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
            _measure(DatabaseBackend(), CORPUS)
            transaction.set_rollback(True)
        with servers.elasticsearch_server(Path(workdir)) as url:
            backend = ElasticsearchBackend(url, prefix="bench", timeout=30)
            _measure(backend, CORPUS)
            backend.drop_all()


if __name__ == "__main__":
    main()
