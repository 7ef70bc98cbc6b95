"""Mapping an ``oai_dc`` record (Simple Dublin Core) to the columns of an import row.

Repositories fill Dublin Core loosely, so each element is read for what it usually holds:
the first http(s) ``dc:identifier`` on a public host is the record's page (an address inside a
network, ``http://127.0.0.1/...`` or ``http://intranet/...``, is no page for citizens, nor one
for the link checker to visit, so it is never published), the earliest ``dc:date`` is when it
was issued (DSpace lists accession dates next to the issue date), the first ``dc:rights`` that
names a known licence is the licence. The record's files stay in the repository: the resource
links to the record's page.
"""

from portal.core.outgoing import looks_public
from portal.resources.importing_readers import SourceRow
from portal.resources.importing_rows import parse_date

TITLE_LIMIT, AUTHORS_LIMIT = 255, 500


def _values(metadata: dict, element: str) -> list[str]:
    return [value.strip() for value in metadata.get(element, []) if value and value.strip()]


def _truncate(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _issued(dates: list[str]) -> str:
    parsed = []
    for value in dates:
        try:
            parsed.append(parse_date(value[:10]))
        except ValueError:
            continue
    return min(parsed).isoformat() if parsed else ""


def record_row(number: int, identifier: str, metadata: dict, licences) -> SourceRow:
    """The import row for one harvested record; ``licences`` is the ``LicenceIndex`` to match rights."""
    titles = _values(metadata, "title")
    urls = [value for value in _values(metadata, "identifier") if looks_public(value)]
    rights = next((value for value in _values(metadata, "rights") if licences.find(value)), "")
    values = {
        "identifier": identifier,
        "title": _truncate(titles[0], TITLE_LIMIT) if titles else "",
        "summary": "\n\n".join(_values(metadata, "description")),
        "authors": _truncate("; ".join(_values(metadata, "creator")), AUTHORS_LIMIT),
        "subjects": ";".join(_values(metadata, "subject")),
        "languages": ";".join(_values(metadata, "language")),
        "licence": rights,
        "date_issued": _issued(_values(metadata, "date")),
        "url": urls[0] if urls else "",
        "resource_type": "link",
    }
    return SourceRow(number, {name: value for name, value in values.items() if value})
