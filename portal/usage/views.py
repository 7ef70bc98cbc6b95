"""``/admin/usage/``: the yearly usage report, its chart and tables, and their CSV/XLSX export.

Provincial editors see the province and may pick an organisation; a contributor organisation's
members see their own organisation only (another one's figures answer 403, whatever the address
says). Search phrases are province-wide, so only provincial editors see them.
"""

import datetime
from urllib.parse import urlencode

from django.conf import settings
from django.http import Http404
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from portal.usage import exports, report
from portal.usage.access import NotYours, choices_and_choice, may_use, sees_province

FIRST_YEAR = 2000


def forbidden(request):
    context = {
        "message": _("Only the provincial editors and an organisation's own members may see its figures.")
    }
    response = TemplateResponse(request, "usage/admin/forbidden.html", context, status=403)
    response["Cache-Control"] = "private, no-store"
    return response


def _year(raw: str) -> int:
    this_year = datetime.date.today().year
    try:
        year = int(raw)
    except (TypeError, ValueError):
        return this_year
    return year if FIRST_YEAR <= year <= this_year + 1 else this_year


def _report(request):
    if not may_use(request.user):
        raise NotYours
    organisations, organisation = choices_and_choice(request.user, request.GET.get("organisation", ""))
    province = sees_province(request.user)
    built = report.build(request, _year(request.GET.get("year")), organisation, shows_searches=province)
    return built, organisations, province


def report_view(request):
    try:
        built, organisations, province = _report(request)
    except NotYours:
        return forbidden(request)
    query = {"year": built.year, **({"organisation": built.organisation.slug} if built.organisation else {})}
    context = {
        "report": built,
        "tables": exports.tables(built),
        "years": report.years_with_figures(),
        "organisations": organisations,
        "province": province,
        "min_people": settings.USAGE_SEARCH_MIN_PEOPLE,
        "query": urlencode(query),
    }
    response = TemplateResponse(request, "usage/admin/report.html", context)
    response["Cache-Control"] = "private, no-store"
    return response


def export_view(request, file_format: str):
    if file_format not in {"csv", "xlsx"}:
        raise Http404
    try:
        built, _organisations, _province = _report(request)
    except NotYours:
        return forbidden(request)
    return exports.csv_response(built) if file_format == "csv" else exports.xlsx_response(built)
