"""Query analysis shared by both backends, so they agree on what a query means.

A query becomes *clauses*: one per word, or one per acronym/expansion pair ("THCS" and "trung học
cơ sở" are one clause with two alternatives). Every alternative is folded with
``portal.core.text.fold``, the function the database backend also folds documents with, and the
Elasticsearch analysers reach the same form with lowercase + asciifolding.
"""

import functools
import math
import re
import unicodedata
from dataclasses import dataclass
from html import escape

from portal.core.text import fold, normalise

_WORD = re.compile(r"\w+")

# Acronyms readers type for the long forms; both directions match (Elasticsearch: synonym rules).
ACRONYMS = {
    "THCS": "trung học cơ sở",
    "THPT": "trung học phổ thông",
    "GDTX": "giáo dục thường xuyên",
    "GDNN": "giáo dục nghề nghiệp",
    "TTHTCĐ": "trung tâm học tập cộng đồng",
    "PCGD": "phổ cập giáo dục",
    "CNTT": "công nghệ thông tin",
    "XMC": "xóa mù chữ",
    "HTSĐ": "học tập suốt đời",
    "DTTS": "dân tộc thiểu số",
    "GDCD": "giáo dục công dân",
    "ATGT": "an toàn giao thông",
    "BHYT": "bảo hiểm y tế",
}
# Names written several ways: people type "Hmong" for H'Mông.
SPELLINGS = {"Hmong": "H'Mông"}
_FOLDED_ACRONYMS = {
    fold(short): " ".join(_WORD.findall(fold(long))) for short, long in {**ACRONYMS, **SPELLINGS}.items()
}
_EXPANSIONS = sorted(
    ((expansion.split(), acronym) for acronym, expansion in _FOLDED_ACRONYMS.items()),
    key=lambda pair: -len(pair[0]),
)
MAX_CLAUSES = 12
# Question words and filler people put around what they look for: "làm thế nào để trồng nấm tại
# nhà", "tài liệu về kỹ năng số cho người cao tuổi". Longest first.
FILLERS = sorted(
    (
        fold(phrase).split()
        for phrase in (
            "làm thế nào để",
            "làm thế nào",
            "làm sao để",
            "làm sao",
            "như thế nào",
            "thế nào là",
            "thế nào",
            "là gì",
            "ở đâu",
            "cách",
            "hướng dẫn",
            "tài liệu về",
            "tài liệu",
            "cho người",
            "muốn",
            "tôi",
            "về",
        )
    ),
    key=lambda words: -len(words),
)


# The ranking both backends compute, so they order results alike. Every query word (clause) found
# scores CLAUSE_MATCH plus the weight of the best field it is in. CLAUSE_MATCH outweighs any sum of
# weights and bonuses: a result with more of the words always comes first, and among those, the
# one with them in its title. A word typed with diacritics and
# found with the same ones (title, keywords, summary) adds EXACT_BONUS: "học vần" puts "Học vần"
# above "Tin học văn phòng". The query's words together, as a phrase, add a phrase bonus.
FIELD_WEIGHTS = {"title": 6, "keywords": 4, "summary": 2, "body": 1}  # body includes file text
CLAUSE_MATCH = 200
EXACT_BONUS = 3  # also, in the fuzzy pass, for a word found as typed rather than one edit away
TITLE_PHRASE_BONUS, SUMMARY_PHRASE_BONUS = 8, 3


@dataclass(frozen=True)
class Clause:
    """One unit of meaning: matches when any alternative (a folded word or phrase) occurs."""

    alternatives: tuple[str, ...]
    original: str  # the words as typed, lower-cased with diacritics, for exact-form boosts
    filler: bool = False  # a question word or filler ("làm thế nào để"): neither required nor scored

    @property
    def single_word(self) -> bool:
        return len(self.alternatives) == 1 and " " not in self.alternatives[0]

    @property
    def exact(self) -> str:
        """The words as typed when they carry diacritics (worth a bonus where found so), else ""."""
        return self.original if fold(self.original) != self.original else ""


def phrase(query_clauses: list[Clause]) -> str:
    """The folded words of the clauses that matter, in order, for the phrase bonus ("" for one)."""
    wanted = essential(query_clauses)
    return " ".join(clause.alternatives[0] for clause in wanted) if len(wanted) > 1 else ""


def matching_form(text: str) -> str:
    """``text`` as the backends match it: normalised, apostrophes as spaces ("H'Mông" → "H Mông").

    The same length as ``normalise(text)``, so offsets found in it hold in the text as written.
    """
    return normalise(text).replace("'", " ").replace("’", " ")


def words(text: str) -> list[str]:
    """Folded words of ``text``: "Kĩ năng SỐ!" → ["ky", "nang", "so"]."""
    return _WORD.findall(fold(text))


def padded(text: str) -> str:
    """Folded words joined by single spaces with a space at each end, for whole-word matching."""
    return f" {' '.join(words(text))} "


def clauses(text: str) -> list[Clause]:
    originals = _WORD.findall(normalise(text).lower())
    folded = [fold(word) for word in originals]
    result, position = [], 0
    while position < len(folded) and len(result) < MAX_CLAUSES:
        word = folded[position]
        expansion, acronym = next(
            (pair for pair in _EXPANSIONS if folded[position : position + len(pair[0])] == pair[0]), ((), "")
        )
        if expansion:
            span = originals[position : position + len(expansion)]
            result.append(Clause((" ".join(expansion), acronym), " ".join(span)))
            position += len(expansion)
            continue
        filler = next((words for words in FILLERS if folded[position : position + len(words)] == words), ())
        if filler:
            for offset, word in enumerate(filler):
                result.append(Clause((word,), originals[position + offset], filler=True))
            position += len(filler)
            continue
        if word in _FOLDED_ACRONYMS:
            result.append(Clause((word, _FOLDED_ACRONYMS[word]), originals[position]))
        else:
            result.append(Clause((word,), originals[position]))
        position += 1
    return result


def essential(query_clauses: list[Clause]) -> list[Clause]:
    """The clauses a result must match: all but the fillers (all, if nothing else was typed)."""
    return [clause for clause in query_clauses if not clause.filler] or query_clauses


def required_matches(count: int) -> int:
    """How many clauses must match: all of up to three, then three in four (rounded up)."""
    return count if count <= 3 else math.ceil(count * 0.75)


def fuzziness(word: str) -> int:
    """Elasticsearch's AUTO: no edits for 1–2 letters, one for 3–5, two beyond."""
    return 0 if len(word) <= 2 else 1 if len(word) <= 5 else 2


def edit_distance(first: str, second: str, limit: int) -> int:
    """Levenshtein distance with transpositions, giving up (returning limit + 1) past ``limit``."""
    if abs(len(first) - len(second)) > limit:
        return limit + 1
    previous_row, row = None, list(range(len(second) + 1))
    for i, a in enumerate(first, 1):
        before, previous_row, row = previous_row, row, [i] + [0] * len(second)
        for j, b in enumerate(second, 1):
            row[j] = min(previous_row[j] + 1, row[j - 1] + 1, previous_row[j - 1] + (a != b))
            if i > 1 and j > 1 and a == second[j - 2] and first[i - 2] == b:
                row[j] = min(row[j], before[j - 2] + 1)
        if min(row) > limit:
            return limit + 1
    return row[-1]


def closest(word: str, candidates, limit: int | None = None) -> str | None:
    """The candidate nearest to ``word`` within its fuzziness; ties go to the earlier one."""
    limit = fuzziness(word) if limit is None else limit
    best, best_distance = None, limit + 1
    for candidate in candidates:
        distance = edit_distance(word, candidate, limit)
        if distance < best_distance:
            best, best_distance = candidate, distance
    return best


def correction(query_clauses: list[Clause], texts: list[str]) -> str | None:
    """A "did you mean" query: each unknown word replaced by its nearest word in ``texts``.

    ``texts`` are the titles and summaries of the documents a fuzzy search found; the replacement
    keeps their diacritics ("hoc tapp" → "học tập" when the hit says "Học tập").
    """
    forms: dict[str, str] = {}
    for text in texts:
        for original in _WORD.findall(normalise(text).lower()):
            forms.setdefault(fold(original), original)
    changed, parts = False, []
    for clause in query_clauses:
        word = clause.alternatives[0]
        if not clause.single_word or word in forms or fuzziness(word) == 0:
            parts.append(forms.get(word, clause.original))
            continue
        nearest = closest(word, forms)
        changed = changed or nearest is not None
        parts.append(forms[nearest] if nearest else clause.original)
    return " ".join(parts) if changed else None


@functools.lru_cache(maxsize=4096)
def _fold_char(char: str) -> str:
    return (fold(char) or " ")[0]


def _folded_chars(text: str) -> str:
    """``fold`` character by character, so offsets in the result are offsets in ``text``."""
    return "".join(map(_fold_char, text))


def snippet(summary: str, body: str, query_clauses: list[Clause], files=()) -> tuple[str, str]:
    """The highlighted summary, or the passage of the body or of a file's text that matches.

    Returns the HTML and, when the passage comes from a file, that file's title ("" otherwise).
    """
    marked = highlight(summary, query_clauses)
    if not query_clauses or "<mark>" in marked:
        return marked, ""
    for source, text in [("", body), *((item["title"], item["text"]) for item in files)]:
        passage = highlight(text, query_clauses)
        if "<mark>" in passage:
            return passage, source
    return marked, ""


def highlight(text: str, query_clauses: list[Clause], size: int = 180) -> str:
    """An HTML-escaped snippet of ``text`` around the passage matching most of the query's
    clauses (the first such), matched words in <mark>."""
    if not text:
        return ""
    text = unicodedata.normalize("NFC", text)  # shown as written; matched in the normalised spelling,
    folded = _folded_chars(matching_form(text))  # of the same length ("Hoá" → "Hóa", "kĩ" → "kỹ")
    found = []  # (start, end, clause number)
    for number, clause in enumerate(query_clauses):
        for alternative in clause.alternatives:
            pattern = r"(?<!\w)" + r"\W+".join(map(re.escape, alternative.split())) + r"(?!\w)"
            found += [(*match.span(), number) for match in re.finditer(pattern, folded)]
    if not found:
        return escape(text[:size]) + ("…" if len(text) > size else "")
    found.sort()
    spans = [(span_start, span_end) for span_start, span_end, _number in found]
    window = size * 2 // 3  # the passage a snippet centres on
    best = max(
        found,
        key=lambda first: len(
            {number for begin, _end, number in found if first[0] <= begin < first[0] + window}
        ),
    )
    start = max(0, best[0] - size // 3)
    if start:
        start = text.find(" ", start) + 1 or start
    end = min(len(text), start + size)
    pieces, cursor = [], start
    for span_start, span_end in spans:
        if span_start < cursor or span_end > end:
            continue
        pieces += [escape(text[cursor:span_start]), "<mark>", escape(text[span_start:span_end]), "</mark>"]
        cursor = span_end
    pieces.append(escape(text[cursor:end]))
    return ("…" if start else "") + "".join(pieces) + ("…" if end < len(text) else "")
