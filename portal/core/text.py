"""Vietnamese text normalisation shared by search (both backends), slugs and imports.

Pasted text often arrives decomposed (NFD), with the old tone-mark placement (hoà, thuý) or the
other i/y spelling (kĩ, lí, mĩ). ``normalise`` maps all of these to one form; ``fold`` further
drops diacritics so "hoc tap suot doi" matches "Học tập suốt đời".
"""

import re
import unicodedata

# Old-style tone placement on "oa", "oe", "uy" → the new style used by current textbooks.
_TONE_PLACEMENT = {
    "òa": "oà", "óa": "oá", "ỏa": "oả", "õa": "oã", "ọa": "oạ",
    "òe": "oè", "óe": "oé", "ỏe": "oẻ", "õe": "oẽ", "ọe": "oẹ",
    "ùy": "uỳ", "úy": "uý", "ủy": "uỷ", "ũy": "uỹ", "ụy": "uỵ",
}  # fmt: skip
# Syllables whose final i is also written y (kỹ/kĩ, lý/lí, mỹ/mĩ, ...): one spelling, "y".
_FINAL_I = re.compile(r"\b(qu|Qu|[kKlLmMtTsShH])([iìíỉĩị])\b")
_I_TO_Y = str.maketrans("iìíỉĩị", "yỳýỷỹỵ")


# Vietnamese letters with their base letter: the one table behind ``fold``/``slugify`` here and
# the admin's slug field (``slug_formatters``), so an address typed in the browser and one made
# on the server agree. "đ" has no Unicode decomposition, hence a table rather than NFD alone.
VIETNAMESE_LETTERS = {
    "a": "àáạảãâầấậẩẫăằắặẳẵ",
    "e": "èéẹẻẽêềếệểễ",
    "i": "ìíịỉĩ",
    "o": "òóọỏõôồốộổỗơờớợởỡ",
    "u": "ùúụủũưừứựửữ",
    "y": "ỳýỵỷỹ",
    "d": "đ",
}
_TO_BASE = str.maketrans(
    {
        letter: base
        for lower_base, letters in VIETNAMESE_LETTERS.items()
        for cased_letters, base in ((letters, lower_base), (letters.upper(), lower_base.upper()))
        for letter in cased_letters
    }
)


def slug_formatters() -> list[tuple[str, str]]:
    """``VIETNAMESE_LETTERS`` as regex replacements for Wagtail's ``SlugInput(formatters=...)``.

    Then, as in ``slugify``, punctuation separates words ("21/4" → "21-4") instead of vanishing.
    """
    letters = [
        (f"[{cased_letters}]", base)
        for lower_base, letters in VIETNAMESE_LETTERS.items()
        for cased_letters, base in ((letters, lower_base), (letters.upper(), lower_base.upper()))
    ]
    return [*letters, (r"[^\w\s-]", " ")]


def _place_tones(text: str) -> str:
    for old, new in _TONE_PLACEMENT.items():
        text = text.replace(old, new).replace(old.capitalize(), new.capitalize())
    return text


def normalise(text: str) -> str:
    """NFC, one tone placement, one i/y spelling; keeps case and diacritics."""
    text = unicodedata.normalize("NFC", text)
    text = _place_tones(text)
    return _FINAL_I.sub(lambda match: match.group(1) + match.group(2).translate(_I_TO_Y), text)


def fold(text: str) -> str:
    """Lower-case, diacritic-free form: "Kĩ năng SỐ" → "ky nang so"."""
    text = normalise(unicodedata.normalize("NFC", text).lower()).translate(_TO_BASE)
    decomposed = unicodedata.normalize("NFD", text)  # letters of other languages: "é" → "e"
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def sort_key(text: str) -> tuple[str, str]:
    """Orders Vietnamese names as readers expect ("Ân" before "Bình"): base letters first, then
    diacritics; code-point order would put every accented capital after "Z"."""
    return fold(text), normalise(text)


def slugify(text: str) -> str:
    """An ASCII slug from Vietnamese text: "Xã Tân Cương" → "xa-tan-cuong"."""
    return re.sub(r"[^a-z0-9]+", "-", fold(text)).strip("-")


def _is_subsequence(short: str, long: str) -> bool:
    letters = iter(long)
    return all(char in letters for char in short)


def is_mangled_slug(slug: str, title: str) -> bool:
    """Whether ``slug`` is ``title`` with Vietnamese letters dropped rather than transliterated.

    Browsers without our table make "hng-dn-trng-lua" of "Hướng dẫn trồng lúa", Django's
    ``slugify`` "a-nang" of "Đà Nẵng": word by word, such a slug keeps the title's ASCII letters and
    nothing our transliteration would not give. An address someone chose ("trong-lua") is not
    of that shape; a "-2" suffix for a taken address is ignored.
    """
    words = re.sub(r"-\d+$", "", slug).split("-")
    title_words = [word for word in re.split(r"[\W_]+", unicodedata.normalize("NFC", title).lower()) if word]
    if not title_words or "-".join(words) == slugify(title):
        return False
    position = 0
    for word in title_words:
        kept = re.sub(r"[^a-z0-9]", "", word)
        candidate = words[position] if position < len(words) else None
        if candidate and _is_subsequence(kept, candidate) and _is_subsequence(candidate, slugify(word)):
            position += 1
        elif kept:  # a word whose letters were all dropped may leave nothing behind
            return False
    return position == len(words)
