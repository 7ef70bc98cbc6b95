"""The search page, autocomplete, the OpenSearch description and the JSON search API.

The page works without JavaScript: one GET form carries the words, the sort and the facet
checkboxes; links carry the same parameters. Nothing a visitor sends yields a 500.
"""

from django.http import JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from portal.core.usage_marks import mark_search
from search import params, query
from search.documents import FACETS
from search.families.registry import relabel

POPULAR_SUBJECTS = 8
AUTOCOMPLETE_SIZE = 8


def _url(request, **changes) -> str:
    """The current search with some parameters replaced (a value of None drops the parameter)."""
    data = request.GET.copy()
    for name, value in changes.items():
        data.pop(name, None)
        if value is not None:
            data.setlist(name, value if isinstance(value, list) else [value])
    if "page" not in changes:  # a new filter or sort starts again at page 1
        data.pop("page", None)
    return f"{request.path}?{data.urlencode()}" if data else request.path


def _selected_filters(request, search_query, results) -> list[dict]:
    labels = {(name, count.value): count.label for name, counts in results.facets.items() for count in counts}
    selected = []
    for name, values in search_query.filters.items():
        for value in values:
            remaining = [other for other in values if other != value]
            selected.append(
                {
                    "facet": FACETS[name],
                    "label": labels.get((name, value), value),
                    "remove_url": _url(request, **{name: remaining or None}),
                }
            )
    return selected


def _popular_subjects(locale: str) -> list:
    browse = query.search(query.SearchQuery(locale=locale, page_size=1))
    relabel(browse)
    return browse.facets.get("subject", [])[:POPULAR_SUBJECTS]


@require_GET
def search(request):
    search_query = params.parse(request.GET)
    searching = bool(search_query.text or search_query.filters)
    results = query.search(search_query) if searching else None
    if results is not None:
        relabel(results)
    context = {
        "query": search_query.text,
        "search_query": search_query,
        "results": results,
        "sorts": _sorts(),
    }
    if results is not None:
        context.update(
            facets=[(name, FACETS[name], counts) for name, counts in results.facets.items() if counts],
            selected_filters=_selected_filters(request, search_query, results),
            previous_url=_url(request, page=str(search_query.page - 1)) if results.query.page > 1 else None,
            next_url=_url(request, page=str(results.query.page + 1))
            if results.query.page < results.num_pages
            else None,
            suggestion_url=_url(request, q=results.suggestion) if results.suggestion else None,
        )
    if results is None or not results.total:
        context["popular_subjects"] = _popular_subjects(search_query.locale)
    response = render(request, "search/search.html", context)
    # Counted: a new search, not a refinement or a next page; "corrected" hits are for other words.
    refined = search_query.page > 1 or search_query.filters or search_query.sort != "relevance"
    if search_query.text and not refined:
        mark_search(response, search_query.text, 0 if results.corrected else results.total)
    return response


def _sorts() -> list[tuple[str, str]]:
    return [
        ("relevance", _("Best match")),
        ("newest", _("Newest")),
        ("downloads", _("Most downloaded")),
        ("title", _("Title A–Z")),
    ]


@require_GET
def autocomplete(request):
    """Titles for the words typed so far; ``format=opensearch`` gives the OpenSearch suggestions array."""
    text = params.visible(request.GET.get("q", ""), params.MAX_QUERY_LENGTH)
    locale = params.parse(request.GET).locale
    suggestions = query.autocomplete(text, locale, AUTOCOMPLETE_SIZE)
    if request.GET.get("format") == "opensearch":
        data = [
            text,
            [item["title"] for item in suggestions],
            [],
            [request.build_absolute_uri(item["url"]) for item in suggestions],
        ]
        response = JsonResponse(data, safe=False, content_type="application/x-suggestions+json")
    else:
        response = JsonResponse({"query": text, "suggestions": suggestions})
    response["Cache-Control"] = "public, max-age=300"
    return response


@require_GET
def opensearch(request):
    context = {
        "search_url": request.build_absolute_uri(reverse("search")),
        "suggest_url": request.build_absolute_uri(reverse("search_autocomplete")),
    }
    return render(
        request, "search/opensearch.xml", context, content_type="application/opensearchdescription+xml"
    )


@require_GET
def api_search(request):
    """``GET /api/search/``: the documented JSON search (search/API.md)."""
    try:
        search_query = params.parse(request.GET, strict=True)
    except params.BadParameter as error:
        return JsonResponse({"error": str(error)}, status=400)
    results = query.search(search_query)
    relabel(results)
    data = {
        "total": results.total,
        "page": results.query.page,
        "page_size": results.query.page_size,
        "results": [
            {
                "identifier": hit.identifier,
                "title": hit.title,
                "url": request.build_absolute_uri(hit.url),
                "type": (hit.facets.get("type") or [None])[0],
                "summary": hit.summary,
                "highlight": hit.highlight,
                "found_in_file": hit.found_in or None,
                "licence": hit.label("licence") or None,
                "organisation": hit.label("organisation") or None,
            }
            for hit in results.hits
        ],
        "facets": {
            name: [{"value": count.value, "label": count.label, "count": count.count} for count in counts]
            for name, counts in results.facets.items()
        },
        "suggestion": results.suggestion,
        "partial": results.partial,
        "backend": results.backend,
    }
    return JsonResponse(data, json_dumps_params={"ensure_ascii": False})
