"""What a response says about itself for the usage figures, read by ``UsageMiddleware``.

Views write nothing: they only mark their response with a header. The outermost middleware
reads the mark, removes it and counts the request. A page cache keeps the headers of the
responses it stores, so a visit answered from the cache is counted all the same.
"""

from urllib.parse import quote, unquote

HEADER = "X-Usage"


def mark_view(response, kind: str, page_id: int):
    """A visit of a page: ``kind`` is what the page is ("resource")."""
    response[HEADER] = f"view {kind} {int(page_id)}"
    return response


def mark_search(response, text: str, found: int):
    """A search for ``text`` (as typed) that found ``found`` results."""
    response[HEADER] = f"search {max(int(found), 0)} {quote(text, safe='')}"
    return response


def read(value: str) -> tuple | None:
    """``("view", kind, page_id)``, ``("search", found, text)``, or None for anything else."""
    parts = (value or "").split(" ")
    try:
        if parts[0] == "view" and len(parts) == 3:
            return ("view", parts[1], int(parts[2]))
        if parts[0] == "search" and len(parts) == 3:
            return ("search", int(parts[1]), unquote(parts[2], errors="strict"))
    except (ValueError, UnicodeDecodeError):
        return None
    return None
