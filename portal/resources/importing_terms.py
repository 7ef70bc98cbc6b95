"""Finding vocabulary terms from what people type in a spreadsheet or a harvested record.

"Ky nang so", "kỹ năng số", "ky-nang-so" and "Digital skills" all name one subject; "vie",
"vi-VN" and "Tiếng Việt" one language; "CC BY 4.0", "CC-BY-4.0" and the licence's URL one
licence. Each index loads its vocabulary once, so a long file costs one query per vocabulary.
"""

import re

from portal.core.models import Audience, EducationLevel, Language, Licence, Subject
from portal.core.text import normalise, slugify

# ISO 639-2 codes that repositories write where the vocabulary keeps the ISO 639-1 code.
ISO_639_2 = {"vie": "vi", "eng": "en", "fra": "fr", "fre": "fr", "zho": "zh", "chi": "zh", "rus": "ru"}
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
        return {slugify(term.slug), slugify(term.name), slugify(term.name_en)} - {""}

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

    def lookup_keys(self, value: str) -> list[str]:
        key = slugify(value)
        primary = key.split("-")[0]
        return [key, ISO_639_2.get(key, key), primary, ISO_639_2.get(primary, primary)]


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
