"""The plain search document every content family produces and every backend stores.

A document is a dict, so the backends never import page models::

    {
        "id": "42",                      # unique across families (the page id)
        "family": "resources",
        "identifier": "TN-HL-2024-0001",
        "title": "...", "summary": "...", "body": "...",
        "keywords": ["Kỹ năng số", ...],   # subjects, tags: ranked between title and summary
        "url": "/hoc-lieu/...", "locale": "vi", "date": "2024-05-01" or None,
        "sites": ["vi", "en"],           # site languages whose search shows it (default: locale)
        "downloads": 12,                 # download count, for "most downloaded"
        "facets": {"subject": ["ky-nang-so"], "type": "document", "year": "2024", ...},
        "labels": {"subject": {"ky-nang-so": "Kỹ năng số"}, ...},
        "files": [{"title": ..., "url": ..., "format": "PDF", "size": 12345}],
        "file_text": [{"title": ..., "text": ...}],  # text extracted from the files, searched
    }                                                # like the body
"""

import datetime
import hashlib
import json

from portal.core.text import fold
from search import facets

# Facet name → heading on the search page, in the order of the page and the API; declared with
# the library listing's filters in ``search.facets``.
FACETS = {facet.name: facet.heading for facet in facets.FACETS}
TEXT_LIMIT = 50_000  # characters of body text kept per document
FILE_TEXT_LIMIT = 20_000  # characters of text kept per file
MAX_FILES_WITH_TEXT = 5


class InvalidDocument(ValueError):
    pass


def _values(value) -> list[str]:
    if value in (None, "", [], ()):
        return []
    items = value if isinstance(value, list | tuple | set) else [value]
    return sorted({str(item) for item in items if item not in (None, "")})


def _date(value) -> str | None:
    if not value:
        return None
    if isinstance(value, datetime.datetime):
        value = value.date()
    if isinstance(value, datetime.date):
        return value.isoformat()
    return datetime.date.fromisoformat(str(value)).isoformat()


def prepare(document: dict) -> dict:
    """Check a family's document and add the ``fingerprint`` that drift checks compare."""
    missing = [key for key in ("id", "family", "title", "url") if not document.get(key)]
    if missing:
        raise InvalidDocument(f"search document lacks {', '.join(missing)}: {document.get('id')!r}")
    unknown = set(document.get("facets", {})) - set(FACETS)
    if unknown:
        raise InvalidDocument(f"unknown facets {sorted(unknown)} in search document {document['id']!r}")
    facets = {name: _values(value) for name, value in document.get("facets", {}).items()}
    labels = {
        name: {
            str(value): str(label) for value, label in (document.get("labels", {}).get(name) or {}).items()
        }
        for name in facets
    }
    prepared = {
        "id": str(document["id"]),
        "family": document["family"],
        "identifier": str(document.get("identifier") or document["id"]),
        # As the page has them: results show these; each backend normalises only what it matches.
        "title": document["title"].strip(),
        "summary": (document.get("summary") or "").strip(),
        "body": (document.get("body") or "")[:TEXT_LIMIT],
        "keywords": list(document.get("keywords") or []),
        "url": document["url"],
        "locale": document.get("locale") or "vi",
        "sites": sorted(set(document.get("sites") or [document.get("locale") or "vi"])),
        "date": _date(document.get("date")),
        "downloads": int(document.get("downloads") or 0),
        "facets": {name: values for name, values in facets.items() if values},
        "labels": {
            name: {value: labels[name].get(value, value) for value in facets[name]}
            for name in facets
            if facets[name]
        },
        "files": list(document.get("files") or []),
        "file_text": [
            {"title": str(item["title"]), "text": item["text"][:FILE_TEXT_LIMIT]}
            for item in (document.get("file_text") or [])[:MAX_FILES_WITH_TEXT]
            if item.get("text", "").strip()
        ],
    }
    prepared["title_sort"] = fold(prepared["title"])[:200]
    # Download counts change with every download, not with the page: they stay out of drift checks.
    fingerprinted = {key: value for key, value in prepared.items() if key != "downloads"}
    prepared["fingerprint"] = hashlib.sha256(
        json.dumps(fingerprinted, sort_keys=True, ensure_ascii=False, default=str).encode()
    ).hexdigest()
    return prepared


def searched_body(document: dict) -> str:
    """The body and the text of the files, the lowest-weighted text a search matches."""
    return " ".join([document["body"], *(item["text"] for item in document.get("file_text", []))])
