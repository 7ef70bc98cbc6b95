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


def _answers(document: dict, needs: list[list[set[str]]]) -> bool:
    """Whether ``document`` holds every clause of one of the queries (``needs``, word sets)."""
    held = set(analysis.words(all_text(document)))
    return any(all(any(words <= held for words in clause) for clause in need) for need in needs)


def synthetic(corpus: list[dict], count: int) -> list[dict]:
    """``corpus`` grown to ``count`` documents with near misses of the relevance set's queries.

    Each is titled with all but one of a query's words that matter (not its filler), among words
    of other titles, and takes keywords, summary and body of a document that lacks the missing
    word. It looks like an answer everywhere a ranking might look, yet holds all the words of no
    query: a fair competitor, never a second right answer.
    """
    rng = random.Random(SYNTHETIC_SEED)
    title_words = [word for document in corpus for word in document["title"].split()]
    wanted = {case.text: analysis.essential(analysis.clauses(case.text)) for case in RELEVANCE}
    needs = [
        [[set(alternative.split()) for alternative in clause.alternatives] for clause in clauses]
        for clauses in wanted.values()
    ]
    # Near misses of typed words, not of typos: documents do not carry the typo.
    cases = [case for case in RELEVANCE if len(wanted[case.text]) > 1 and "typo" not in case.aspect]
    documents = list(corpus)
    attempt = 0
    while len(documents) < count:
        case = cases[attempt % len(cases)]
        attempt += 1
        kept = list(wanted[case.text])
        missing = kept.pop(rng.randrange(len(kept)))
        lacking = {word for alternative in missing.alternatives for word in alternative.split()}

        def lacks(text: str, lacking=lacking) -> bool:
            return not lacking & set(analysis.words(text))

        source = rng.choice([item for item in corpus if lacks(all_text(item))])
        others = rng.sample([word for word in title_words if lacks(word)], 3)
        number = len(documents) + 1
        candidate = {
            **source,
            "id": str(1000 + number),
            "identifier": f"SYN-{number}",
            "title": " ".join([clause.original for clause in kept] + others),
            "file_text": [],
            "url": f"/hoc-lieu/tong-hop/{number}/",
            "downloads": rng.randint(0, 500),
        }
        if not _answers(candidate, needs):
            documents.append(candidate)
    return documents


def all_text(document: dict) -> str:
    """Every text of a document a search matches: title, summary, body, keywords, file text."""
    files = " ".join(item["text"] for item in document.get("file_text", []))
    return " ".join([document["title"], document["summary"], document["body"], *document["keywords"], files])


def word_overlap_ranking(corpus: list[dict]):
    """The naive baseline: documents ranked by how many of the query's folded words they hold."""
    bags = [(document["id"], set(analysis.words(all_text(document)))) for document in corpus]

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
