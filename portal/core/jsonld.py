"""schema.org JSON-LD: the small builders each page type's ``structured_data()`` combines.

A page type returns one node (a dict) from ``structured_data(request)``; the ``structured_data``
template tag puts it in a ``@graph`` with the page's BreadcrumbList, so search engines and
aggregators read every page the same way. Empty values are dropped, never sent as ``null``.
"""

import datetime
import json

from django.utils.html import mark_safe
from django.utils.timezone import is_aware, localtime

from portal.core.tree import ancestors

CONTEXT = "https://schema.org"
_SCRIPT_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


def _kept(value) -> bool:
    return value not in (None, "", [], {}, ())


def node(schema_type: str | list[str], **properties) -> dict:
    """A schema.org node of ``schema_type`` with the properties that have a value."""
    return {"@type": schema_type, **{key: value for key, value in properties.items() if _kept(value)}}


def absolute(request, url: str | None) -> str | None:
    if not url:
        return None
    if url.startswith(("http://", "https://")) or request is None:
        return url
    return request.build_absolute_uri(url)


def moment(value: datetime.datetime | datetime.date | None) -> str | None:
    """ISO 8601 as schema.org wants it: aware times with their offset (+07:00), dates as dates."""
    if value is None:
        return None
    if isinstance(value, datetime.datetime):
        return (localtime(value) if is_aware(value) else value).isoformat()
    return value.isoformat()


def duration(value: datetime.timedelta | None) -> str | None:
    """ISO 8601 duration (``PT25M``)."""
    if not value:
        return None
    minutes, seconds = divmod(int(value.total_seconds()), 60)
    hours, minutes = divmod(minutes, 60)
    parts = "".join(
        f"{amount}{unit}" for amount, unit in ((hours, "H"), (minutes, "M"), (seconds, "S")) if amount
    )
    return f"PT{parts or '0S'}"


def organisation(value, request=None) -> dict | None:
    """An Organization node from an ``organisations.Organisation`` (or None)."""
    if value is None:
        return None
    return node(
        "Organization",
        name=value.name,
        url=value.website,
        email=value.email,
        telephone=value.phone,
    )


def place(name: str, address: str = "", region=None) -> dict:
    """A Place; ``region`` is an AdminUnit, given as the address's locality."""
    postal = node(
        "PostalAddress",
        streetAddress=address,
        addressLocality=getattr(region, "full_name", None),
        addressRegion="Thái Nguyên",
        addressCountry="VN",
    )
    return node("Place", name=name or address, address=postal)


def page_node(page, request, schema_type: str | list[str], **properties) -> dict:
    """The properties every page shares (name, url, description, language), then the type's own,
    which replace the shared ones where they have a value."""
    shared = {
        "name": page.title,
        "url": absolute(request, page.get_url(request)),
        "description": page.search_description,
        "inLanguage": page.locale.language_code if page.locale_id else None,
    }
    return node(
        schema_type, **{**shared, **{key: value for key, value in properties.items() if _kept(value)}}
    )


def breadcrumbs(page, request) -> dict | None:
    """The BreadcrumbList from the site's home page down to ``page``."""
    chain = [*(ancestor for ancestor in ancestors(page) if ancestor.depth > 1), page]
    items = []
    for position, crumb in enumerate(chain, start=1):
        items.append(
            node(
                "ListItem",
                position=position,
                name=crumb.title,
                item=absolute(request, crumb.get_url(request)),
            )
        )
    return node("BreadcrumbList", itemListElement=items) if len(items) > 1 else None


def script(nodes: list[dict | None]) -> str:
    """The ``<script type="application/ld+json">`` element for these nodes (safe inside HTML)."""
    kept = [item for item in nodes if item]
    if not kept:
        return ""
    data = {"@context": CONTEXT, "@graph": kept} if len(kept) > 1 else {"@context": CONTEXT, **kept[0]}
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":")).translate(_SCRIPT_ESCAPES)
    return mark_safe(f'<script type="application/ld+json">{text}</script>')
