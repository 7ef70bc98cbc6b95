"""Plain content pages (about the plan, help, accessibility statement)."""

from django.utils.translation import gettext_lazy as _

from portal.core.models import StandardPage
from search.families.registry import page_document, register, register_labels, stream_text

PAGE_TYPE = {"page": _("Information page")}


def standard_page_document(page: StandardPage) -> dict:
    return page_document(
        page,
        "pages",
        summary=page.search_description or page.introduction,
        body=stream_text(page.body),
        facets={"type": "page"},
        labels={"type": {"page": str(PAGE_TYPE["page"])}},
    )


register("pages", StandardPage, standard_page_document)
register_labels("type", lambda: PAGE_TYPE)
