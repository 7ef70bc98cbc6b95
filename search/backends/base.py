"""What every backend does, and the parts of searching they share.

A backend stores prepared documents (``search.documents.prepare``) and answers ``SearchQuery``.
Subclasses implement ``_search(query, clauses, fuzzy)``; this base runs the strict search first
and, when a text query finds nothing, a fuzzy one that also yields the "did you mean" text.
"""

from collections.abc import Callable, Iterable

from search import analysis
from search.documents import prepare

MAX_FUZZY_CLAUSES = 6


class SearchBackend:
    name = ""

    # -- writing ----------------------------------------------------------------------------
    def index(self, documents: Iterable[dict]) -> int:
        """Add or replace documents; returns how many were written."""
        raise NotImplementedError

    def delete(self, ids: Iterable[str]) -> None:
        raise NotImplementedError

    def rebuild(
        self, family: str, documents: Iterable[dict], progress: Callable[[int], None] | None = None
    ) -> int:
        """Replace all of ``family`` at once: searches see the old set until the new one is whole."""
        raise NotImplementedError

    def fingerprints(self, family: str) -> dict[str, str]:
        """Document id → fingerprint of what is indexed for ``family``, for drift checks."""
        raise NotImplementedError

    def refresh(self) -> None:
        """Make writes visible to searches now (tests, commands)."""

    # -- reading ----------------------------------------------------------------------------
    def search(self, query):
        query_clauses = analysis.clauses(query.text)
        results = self._search(query, query_clauses, fuzzy=False)
        if results.total or not any(clause.single_word for clause in query_clauses):
            return results
        if len(query_clauses) > MAX_FUZZY_CLAUSES:  # a pasted paragraph is not a typo
            return results
        fuzzy = self._search(query, query_clauses, fuzzy=True)
        texts = [f"{hit.title} {hit.summary}" for hit in fuzzy.hits]
        suggestion = analysis.correction(query_clauses, texts)
        if not fuzzy.total or not suggestion:
            return results
        fuzzy.suggestion, fuzzy.corrected = suggestion, True
        return fuzzy

    def _search(self, query, query_clauses: list[analysis.Clause], fuzzy: bool):
        raise NotImplementedError

    def autocomplete(self, text: str, locale: str | None, limit: int) -> list[dict]:
        raise NotImplementedError

    @staticmethod
    def prepared(documents: Iterable[dict]):
        for document in documents:
            yield prepare(document)
