"""Search figures: top-3 hit rate of the relevance set, and query latency over 1,000 documents.

Runs both backends: the database one on a throw-away SQLite file, the Elasticsearch one on the
ES-API test server (``noida-db``) started on a free port. Prints rebuild speed, p50/p95 latency of
a full search (text, facets, highlights) and the top-3 hit rate, per backend.
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
    """Documents made of the corpus's own words, so the relevance set has look-alike competitors."""
    rng = random.Random(104)
    words = [word for document in corpus for word in f"{document['title']} {document['summary']}".split()]
    documents = list(corpus)
    for number in range(len(corpus) + 1, count + 1):
        template = rng.choice(corpus)
        documents.append(
            {
                **template,
                "id": str(1000 + number),
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


def _hit_rate(backend, relevance) -> float:
    from search.query import SearchQuery

    hits = sum(
        expected
        in [
            hit.id
            for hit in backend.search(SearchQuery(text=text, locale="vi", page_size=3, facets=False)).hits
        ]
        for text, expected, _aspect in relevance
    )
    return hits / len(relevance)


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


def _measure(backend, corpus, relevance) -> None:
    small_rate = (_load(backend, corpus), _hit_rate(backend, relevance))[1]
    rate = _load(backend, _synthetic(corpus, DOCUMENTS))
    large_rate = _hit_rate(backend, relevance)
    timings = _latencies(backend, [text for text, _expected, _aspect in relevance] + ["", "hoc"])
    p50, p95 = percentiles(timings)
    print(
        f"{backend.name:14} top-3 hit rate {small_rate:.0%} ({len(corpus)} docs), {large_rate:.0%} "
        f"({DOCUMENTS} docs) | rebuild {rate:,.0f} docs/s | search p50 {p50:.1f} ms, p95 {p95:.1f} ms "
        f"({len(timings)} searches)"
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
        from tests.search.corpus import CORPUS, RELEVANCE

        with transaction.atomic():  # leaves no trace, whichever database Django was given
            _measure(DatabaseBackend(), CORPUS, RELEVANCE)
            transaction.set_rollback(True)
        with servers.elasticsearch_server(Path(workdir)) as url:
            backend = ElasticsearchBackend(url, prefix="bench", timeout=30)
            _measure(backend, CORPUS, RELEVANCE)
            backend.drop_all()


if __name__ == "__main__":
    main()
