"""Public search page: live pages matching the query, newest first when no query is given."""

import unicodedata

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.shortcuts import render
from wagtail.models import Locale, Page

from portal.core.text import normalise

MAX_QUERY_LENGTH = 200
PAGE_SIZE = 20


def clean_query(raw: str) -> str:
    """Visible characters only (no NUL or other controls), single spaces, bounded length."""
    visible = "".join(char for char in raw[: MAX_QUERY_LENGTH * 4] if unicodedata.category(char)[0] != "C")
    return normalise(" ".join(visible.split()))[:MAX_QUERY_LENGTH]


def search(request):
    query = clean_query(request.GET.get("q", ""))
    pages = Page.objects.live().public().filter(locale=Locale.get_active()).specific()
    results = pages.search(query) if query else Page.objects.none()
    paginator = Paginator(results, PAGE_SIZE)
    try:
        page = paginator.page(request.GET.get("page", 1))
    except (PageNotAnInteger, EmptyPage):
        page = paginator.page(1)
    return render(request, "search/search.html", {"query": query, "results": page})
