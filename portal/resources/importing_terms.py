"""Finding vocabulary terms from what people type in a spreadsheet or a harvested record.

"Ky nang so", "kỹ năng số", "ky-nang-so" and "Digital skills" all name one subject;
"Trung học phổ thông", "THPT" and "Trung học phổ thông (THPT)" one level; "vie", "vi-VN" and
"Tiếng Việt" one language, and any ISO 639 code or language name (langcodes) a language that
``--create-terms`` may add; "CC BY 4.0", "CC-BY-4.0" and the licence's URL one licence. Each
index loads its vocabulary once, so a long file costs one query per vocabulary.
"""

import re

import langcodes

from portal.core.models import Audience, EducationLevel, Language, Licence, Subject
from portal.core.text import normalise, slugify

_PARENTHESES = re.compile(r"\s*\(([^)]*)\)")
_LICENCE_URL = re.compile(r"^(?:https?://)?(?:www\.)?(.*?)/?(?:legalcode(?:\.[a-z-]+)?|deed\.[a-z-]+)?/?$")


def licence_url_key(url: str) -> str:
    """ "https://creativecommons.org/licenses/by/4.0/legalcode" → "creativecommons.org/licenses/by/4.0"."""
    return _LICENCE_URL.match(url.strip().lower()).group(1)


class TermIndex:
    """The terms of one vocabulary, found by slug, Vietnamese or English name in any spelling."""

    model = None

    def __init__(self):
        self._terms = {}
        for term in self.model.objects.all():
            self.add(term)

    def keys(self, term) -> set[str]:
        names = [term.slug, term.name, term.name_en]
        for name in (term.name, term.name_en):  # "Trung học phổ thông (THPT)": the name, and "THPT"
            names += [_PARENTHESES.sub("", name), *_PARENTHESES.findall(name)]
        return {slugify(name) for name in names} - {""}

    def add(self, term) -> None:
        for key in self.keys(term):
            self._terms.setdefault(key, term)

    def lookup_keys(self, value: str) -> list[str]:
        return [slugify(value)]

    def find(self, value: str):
        for key in self.lookup_keys(value):
            if key in self._terms:
                return self._terms[key]
        return None

    def new_term(self, value: str):
        """An unsaved term named ``value``, for imports allowed to create terms."""
        name = normalise(value.strip())
        return self.model(name=name, slug=slugify(name)[:120])


class SubjectIndex(TermIndex):
    model = Subject


class AudienceIndex(TermIndex):
    model = Audience


class LevelIndex(TermIndex):
    model = EducationLevel


class LanguageIndex(TermIndex):
    model = Language

    def keys(self, term) -> set[str]:
        return super().keys(term) | ({slugify(term.native_name)} - {""})

    def find(self, value: str):
        return super().find(value) or self._terms.get(iso_639(value) or "")

    def new_term(self, value: str):
        """The language ``value`` names, named as langcodes names it; ``None`` for no language."""
        code = iso_639(value)
        if code is None:
            return None
        language = langcodes.Language.get(code)
        return Language(
            slug=code,
            name=language.display_name("vi"),
            name_en=language.display_name("en"),
            native_name=language.autonym(),
        )


def iso_639(value: str) -> str | None:
    """The ISO 639 code of a language tag ("zho", "zh-Hans", "vi-VN") or of a language's name in
    English, Vietnamese or itself ("Chinese", "tiếng Trung", "中文"); ``None`` if it names none."""
    text = value.strip()
    try:
        language = langcodes.get(text) if langcodes.tag_is_valid(text) else langcodes.find(text)
    except (LookupError, ValueError):
        return None
    return language.language if language.language not in (None, "und") else None


class LicenceIndex(TermIndex):
    model = Licence

    def keys(self, term) -> set[str]:
        keys = super().keys(term) | {slugify(term.code)}
        if term.url:
            keys.add(licence_url_key(term.url))
        return keys

    def lookup_keys(self, value: str) -> list[str]:
        value = value.strip()
        if "://" in value or value.lower().startswith(("creativecommons.org", "www.")):
            return [licence_url_key(value)]
        return [slugify(value)]
