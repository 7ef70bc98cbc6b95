"""Generated query strings and form data against every public page that reads what it is sent.

Nothing a visitor sends may produce a 500: each target gets requests built by hypothesis (see
``strategies``) and every answer must be below 500 (a 429 would be fine, but limits are lifted
here so that none hides an error). The client raises the view's exception, so a failure shows
its traceback and hypothesis's smallest request that causes it.

``make test`` sends a quick share (``FAST`` examples per target, about 1,500 in all); the full
10,000 run under the ``slow`` marker (``make test-slow``).
"""

from collections import Counter
from dataclasses import dataclass

import pytest
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from tests.fuzz import strategies as fuzz

pytestmark = pytest.mark.django_db

FAST = 150  # per target
FULL = 1000  # per target: 10 targets, 10,000 requests

SEARCH_FACETS = [
    "type",
    "subject",
    "level",
    "audience",
    "language",
    "licence",
    "organisation",
    "unit",
    "year",
]
API_V2 = [
    "type", "fields", "order", "limit", "offset", "search", "search_operator", "locale", "child_of",
    "descendant_of", "ancestor_of", "id", "slug", "html_path", "translation_of", "title",
    "show_in_menus", "subject", "language", "audience", "organisation", "unit", "published_from",
    "published_until", "format",
]  # fmt: skip
OAI_VERBS = ["Identify", "ListMetadataFormats", "ListSets", "GetRecord", "ListIdentifiers", "ListRecords"]
OAI_KEYS = ["verb", "metadataPrefix", "identifier", "from", "until", "set", "resumptionToken"]
REGISTRATION = ["name", "phone", "email", "commune", "consent", "csrfmiddlewaretoken"]
FORM = "application/x-www-form-urlencoded"


@dataclass(frozen=True)
class Request:
    method: str
    path: str
    query: str = ""
    body: str | None = None


def gets(paths, known: list[str]):
    """GET requests to ``paths`` (a list or a strategy) with query strings using ``known`` keys."""
    paths = st.sampled_from(paths) if isinstance(paths, list) else paths
    return st.builds(Request, st.just("GET"), paths, fuzz.query_strings(known))


def page_numbers():
    return st.integers(min_value=0, max_value=10**25).map(str)


def targets(portal) -> dict:
    """name → strategy of requests."""
    event, campaign = portal.event.url, portal.campaign.url
    month_paths = st.builds(
        lambda year, month: f"{campaign}lich/{year}/{month}/", page_numbers(), page_numbers()
    )
    oai_query = st.lists(
        st.one_of(
            st.tuples(st.just("verb"), st.sampled_from(OAI_VERBS)),
            st.tuples(st.just("metadataPrefix"), st.sampled_from(["oai_dc", "marc", ""])),
            st.tuples(fuzz.keys(OAI_KEYS), fuzz.values()),
        ),
        max_size=6,
    ).map(fuzz.encode)
    tokens = st.one_of(
        st.just(portal.registration.token), fuzz.any_text.map(lambda text: text.replace("/", ""))
    )
    registration_pages = st.builds(
        lambda token, cancel: (
            f"{event}dang-ky/{fuzz.quote(token or 'x', safe='')}/{'huy/' if cancel else ''}"
        ),
        tokens,
        st.booleans(),
    )
    return {
        "search": gets(
            ["/tim-kiem/", "/tim-kiem/goi-y/", "/api/search/", "/en/tim-kiem/", "/en/api/search/"],
            ["q", "sort", "page", "page_size", "locale", "format", *SEARCH_FACETS],
        ),
        "library": gets(
            [portal.library.url, portal.section.url, portal.resource.url, "/en/hoc-lieu/"],
            ["q", "sort", "page", *SEARCH_FACETS],
        ),
        "events": gets(
            st.one_of(
                st.sampled_from(["/su-kien/", "/en/su-kien/", campaign, f"{campaign}lich/", event]),
                month_paths,
            ),
            ["when", "unit", "campaign", "audience", "month", "thang", "page"],
        ),
        "calendars": gets(
            ["/su-kien/lich.ics", f"{campaign}lich.ics", f"{event}lich.ics"],
            ["from", "until", "unit", "campaign", "month", "page"],
        ),
        "news": gets(
            ["/tin-tuc/", "/tin-tuc/rss.xml", "/tin-tuc/atom.xml", "/en/tin-tuc/"],
            ["category", "page", "tag", "year"],
        ),
        "centres": gets(
            [portal.centres.url, portal.centre.url, "/en/trung-tam-hoc-tap-cong-dong/"],
            ["commune", "kind", "free", "q", "page"],
        ),
        "indicators": gets(
            st.one_of(
                st.sampled_from(
                    ["/chi-tieu/", "/chi-tieu/xuat/csv/", "/chi-tieu/xuat/xlsx/", "/en/chi-tieu/"]
                ),
                st.builds("/chi-tieu/bao-cao/{}/".format, page_numbers()),
                st.builds("/chi-tieu/xuat/{}/".format, st.sampled_from(["pdf", "CSV", "x", "csv.exe"])),
            ),
            ["year", "unit", "indicator", "page", "format"],
        ),
        "api_v2": gets(
            st.one_of(
                st.sampled_from(
                    [
                        "/api/v2/pages/",
                        "/api/v2/pages/find/",
                        "/api/v2/images/",
                        "/api/v2/documents/",
                        "/api/v2/documents/find/",
                    ]
                ),
                st.builds("/api/v2/pages/{}/".format, page_numbers()),
                st.just(f"/api/v2/pages/{portal.resource.pk}/"),
            ),
            API_V2,
        ),
        "oai": st.one_of(
            st.builds(
                Request, st.just("GET"), st.just("/oai"), st.one_of(oai_query, fuzz.query_strings(OAI_KEYS))
            ),
            st.builds(Request, st.just("POST"), st.just("/oai"), st.just(""), oai_query),
        ),
        "registration": st.one_of(
            st.builds(Request, st.just("GET"), st.just(f"{event}dang-ky/"), fuzz.query_strings(REGISTRATION)),
            st.builds(
                Request,
                st.just("POST"),
                st.just(f"{event}dang-ky/"),
                st.just(""),
                st.one_of(fuzz.pairs(REGISTRATION).map(fuzz.encode), fuzz.query_strings(REGISTRATION)),
            ),
            st.builds(
                Request,
                st.sampled_from(["GET", "POST"]),
                registration_pages,
                st.just(""),
                fuzz.query_strings(REGISTRATION),
            ),
        ),
    }


def send(client, request: Request):
    if request.method == "GET":
        return client.get(request.path, QUERY_STRING=request.query)
    path = f"{request.path}?{request.query}" if request.query else request.path
    return client.post(path, data=request.body or "", content_type=FORM)


def fuzz_target(client, portal, name: str, examples: int) -> None:
    @hypothesis_settings(
        max_examples=examples,
        deadline=None,
        database=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much],
    )
    @given(request=targets(portal)[name])
    def answers_below_500(request):
        response = send(client, request)
        statuses[response.status_code] += 1
        assert response.status_code < 500, (request, response.status_code)

    statuses: Counter = Counter()
    answers_below_500()
    print(f"{name}: {statuses.total()} requests, statuses {dict(sorted(statuses.items()))}")
    assert statuses[200] or statuses[302], "every request was refused: the targets are not reached"


NAMES = [
    "search",
    "library",
    "events",
    "calendars",
    "news",
    "centres",
    "indicators",
    "api_v2",
    "oai",
    "registration",
]


@pytest.mark.parametrize("name", NAMES)
def test_generated_requests_never_get_a_server_error(client, portal, name):
    fuzz_target(client, portal, name, FAST)


@pytest.mark.slow
@pytest.mark.parametrize("name", NAMES)
def test_ten_thousand_generated_requests_never_get_a_server_error(client, portal, name):
    fuzz_target(client, portal, name, FULL)
