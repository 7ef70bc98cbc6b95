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
    text = normalise(unicodedata.normalize("NFC", text).lower()).replace("đ", "d")
    decomposed = unicodedata.normalize("NFD", text)
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def slugify(text: str) -> str:
    """An ASCII slug from Vietnamese text: "Xã Tân Cương" → "xa-tan-cuong"."""
    return re.sub(r"[^a-z0-9]+", "-", fold(text)).strip("-")
