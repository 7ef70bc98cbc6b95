"""The fixed search corpus and relevance set (``relevance/*.toml``), and how a ranking is scored.

Documents go straight into the backends (no pages), so the relevance set runs fast on both. The
set is data so it can be read and extended without code: each query names the document it must
find and the near misses that must not beat it.
"""

import random
import tomllib
from dataclasses import dataclass
from pathlib import Path

from search import analysis

DATA = Path(__file__).resolve().parent / "relevance"
SYNTHETIC_SEED = 104


def doc(doc_id, title, summary="", body="", keywords=(), family="resources", files=(), **facets):
    """A search document as the families make them (``search.documents``)."""
    year = str(2018 + doc_id % 8)
    facets = {**facets, "year": year}
    return {
        "id": str(doc_id),
        "family": family,
        "identifier": f"TN-{doc_id:04d}",
        "title": title,
        "summary": summary,
        "body": body,
        "keywords": list(keywords),
        "file_text": [dict(item) for item in files],
        "url": f"/hoc-lieu/mau/{doc_id}/",
        "locale": "vi",
        "sites": ["vi", "en"],
        "date": f"{year}-0{1 + doc_id % 9}-15",
        "downloads": (doc_id * 37) % 101,
        "facets": facets,
        "labels": {
            name: {
                value: value.replace("-", " ").capitalize() for value in (v if isinstance(v, list) else [v])
            }
            for name, v in facets.items()
        },
    }


def _read(name: str) -> dict:
    with (DATA / name).open("rb") as handle:
        return tomllib.load(handle)


CORPUS = [
    doc(item.pop("id"), item.pop("title"), **item.pop("facets", {}), **item)
    for item in _read("documents.toml")["doc"]
]


@dataclass(frozen=True)
class Case:
    text: str
    expected: str
    near_misses: tuple[str, ...]
    aspect: str


RELEVANCE = [
    Case(text, str(expected), tuple(map(str, near)), aspect)
    for text, expected, near, aspect in _read("queries.toml")["queries"]
]


def synthetic(corpus: list[dict], count: int) -> list[dict]:
    """``corpus`` grown to ``count`` documents with near misses of the relevance set's queries.

    Each is titled with all but one of a query's words (each in turn), among words of other
    titles, and takes a summary and body that lack the missing word: it looks like the answer
    everywhere a ranking might look, yet is not it.
    """
    rng = random.Random(SYNTHETIC_SEED)
    filler = [word for document in corpus for word in document["title"].split()]
    cases = [case for case in RELEVANCE if len(analysis.words(case.text)) > 1]
    documents = list(corpus)
    while len(documents) < count:
        case = cases[(len(documents) - len(corpus)) % len(cases)]
        typed = case.text.split()
        missing = rng.randrange(len(typed))
        lacking = set(analysis.words(typed[missing]))
        source = rng.choice(
            [item for item in corpus if not lacking & set(analysis.words(_all_text(item)))] or corpus
        )
        title = typed[:missing] + typed[missing + 1 :] + rng.sample(filler, 3)
        number = len(documents) + 1
        documents.append(
            {
                **source,
                "id": str(1000 + number),
                "identifier": f"SYN-{number}",
                "title": " ".join(title),
                "file_text": [],
                "url": f"/hoc-lieu/tong-hop/{number}/",
                "downloads": rng.randint(0, 500),
            }
        )
    return documents


def _all_text(document: dict) -> str:
    files = " ".join(item["text"] for item in document.get("file_text", []))
    return " ".join([document["title"], document["summary"], document["body"], *document["keywords"], files])


def word_overlap_ranking(corpus: list[dict]):
    """The naive baseline: documents ranked by how many of the query's folded words they hold."""
    bags = [(document["id"], set(analysis.words(_all_text(document)))) for document in corpus]

    def rank(text: str) -> list[str]:
        wanted = set(analysis.words(text))
        scored = [(len(wanted & bag), doc_id) for doc_id, bag in bags]
        return [doc_id for score, doc_id in sorted(scored, key=lambda pair: -pair[0]) if score]

    return rank


@dataclass
class Score:
    top1: float
    top3: float
    misses: list[tuple[Case, list[str]]]  # the cases whose expected document is not first

    def line(self) -> str:
        return f"top-1 {self.top1:.1%}, top-3 {self.top3:.1%} of {len(RELEVANCE)} queries"


def score(rank) -> Score:
    """``rank(text)`` → ids best first, scored against the relevance set."""
    first = third = 0
    misses = []
    for case in RELEVANCE:
        ids = rank(case.text)[:3]
        first += bool(ids) and ids[0] == case.expected
        third += case.expected in ids
        if not ids or ids[0] != case.expected:
            misses.append((case, ids))
    return Score(first / len(RELEVANCE), third / len(RELEVANCE), misses)


def backend_ranking(backend):
    from search.query import SearchQuery

    def rank(text: str) -> list[str]:
        results = backend.search(SearchQuery(text=text, locale="vi", page_size=3, facets=False))
        return [hit.id for hit in results.hits]

    return rank
