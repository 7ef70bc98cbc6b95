"""Busy endpoints answer 429 with Retry-After past a per-address limit; other addresses go on."""

import json

import pytest
from django.core import mail

from portal.core.client_address import client_address, client_key
from portal.core.ratelimit import parse_rate
from tests.media import corpus
from tests.registrations.factories import EventIndexPageFactory, EventPageFactory

pytestmark = pytest.mark.django_db

PHONE = "203.0.113.7"  # a phone behind a carrier's NAT
CENTRE = "198.51.100.20"  # a learning centre's router
WAIT_VI = "Có quá nhiều yêu cầu gửi đến từ mạng của bạn"


def retry_after(response) -> int:
    return int(response["Retry-After"])


def test_search_api_refuses_in_json_past_the_limit_with_retry_after(client, home, limits):
    limits(search_api="3/m")

    answers = [client.get("/api/search/", {"q": "ky nang so"}, REMOTE_ADDR=PHONE) for _ in range(4)]

    assert [answer.status_code for answer in answers] == [200, 200, 200, 429]
    refused = answers[-1]
    assert refused["Content-Type"] == "application/json"
    assert 1 <= retry_after(refused) <= 60
    body = json.loads(refused.content)
    assert WAIT_VI in body["error"] and body["retry_after"] == retry_after(refused)
    # Another address is counted on its own.
    assert client.get("/api/search/", {"q": "ky nang so"}, REMOTE_ADDR=CENTRE).status_code == 200


def test_autocomplete_has_its_own_limit(client, home, limits):
    limits(autocomplete="2/m", search_api="off")

    codes = [client.get("/tim-kiem/goi-y/", {"q": "ky"}, REMOTE_ADDR=PHONE).status_code for _ in range(3)]

    assert codes == [200, 200, 429]
    assert client.get("/api/search/", {"q": "ky"}, REMOTE_ADDR=PHONE).status_code == 200


def test_downloads_past_the_limit_get_a_vietnamese_page_and_are_not_counted(
    client, limits, make_document, page_using
):
    from media.models import DownloadCounter

    limits(downloads="2/m")
    document = make_document(corpus.pdf("purple"))
    page_using(document)

    codes = [client.get(document.url, REMOTE_ADDR=PHONE).status_code for _ in range(3)]

    assert codes == [200, 200, 429]
    refused = client.get(document.url, REMOTE_ADDR=PHONE)
    assert WAIT_VI in refused.content.decode() and retry_after(refused) >= 1
    assert refused["Cache-Control"] == "no-store"
    assert DownloadCounter.objects.get(document=document).count == 2


@pytest.fixture
def event(home):
    from wagtail.models import Collection

    if not Collection.objects.exists():
        Collection.add_root(name="Root")
    return EventPageFactory(parent=EventIndexPageFactory(parent=home))


def register(client, event, name, phone, address=CENTRE):
    answers = {"name": name, "phone": phone, "email": "", "commune": "", "consent": "on"}
    return client.post(event.url + "dang-ky/", answers, REMOTE_ADDR=address)


def test_registration_limits_only_submissions(client, event, limits):
    limits(registration="2/h")

    for _ in range(5):  # reading the form costs nothing
        assert client.get(event.url + "dang-ky/", REMOTE_ADDR=CENTRE).status_code == 200
    first, second, third = (
        register(client, event, name, phone)
        for name, phone in (("Lan", "0912 345 671"), ("Hoa", "0912 345 672"), ("Minh", "0912 345 673"))
    )

    assert first.status_code == second.status_code == 302
    assert third.status_code == 429 and WAIT_VI in third.content.decode()
    assert retry_after(third) <= 3600
    assert register(client, event, "Tuấn", "0912 345 674", address=PHONE).status_code == 302


def test_password_reset_requests_are_limited_and_the_form_still_shows(client, django_user_model, limits):
    limits(password_reset="2/h")
    django_user_model.objects.create_user("bientap", "bientap@example.vn", "mat-khau-dai-123")

    codes = [
        client.post("/admin/password_reset/", {"email": "bientap@example.vn"}, REMOTE_ADDR=PHONE).status_code
        for _ in range(3)
    ]

    assert codes == [302, 302, 429]
    assert len(mail.outbox) == 2
    assert client.get("/admin/password_reset/", REMOTE_ADDR=PHONE).status_code == 200
    refused = client.post("/admin/password_reset/", {"email": "bientap@example.vn"}, REMOTE_ADDR=PHONE)
    assert WAIT_VI in refused.content.decode()


def test_behind_a_trusted_proxy_the_client_is_the_address_it_forwarded(client, home, limits, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    limits(search_api="2/m")
    proxy = "10.0.0.5"

    def ask(forwarded):
        return client.get("/api/search/", {"q": "x"}, REMOTE_ADDR=proxy, HTTP_X_FORWARDED_FOR=forwarded)

    # Whatever a client writes on the left is ignored: the proxy's entry (the rightmost) counts.
    codes = [ask(f"{spoofed}, {PHONE}").status_code for spoofed in ("1.1.1.1", "2.2.2.2", "3.3.3.3")]
    assert codes == [200, 200, 429]
    assert ask(CENTRE).status_code == 200  # everyone else behind the same proxy goes on


def test_without_trusted_proxies_forwarded_headers_are_ignored(client, home, limits, settings):
    settings.TRUSTED_PROXY_COUNT = 0
    limits(search_api="1/m")

    first = client.get("/api/search/", {"q": "x"}, REMOTE_ADDR=PHONE, HTTP_X_FORWARDED_FOR="1.1.1.1")
    second = client.get("/api/search/", {"q": "x"}, REMOTE_ADDR=PHONE, HTTP_X_FORWARDED_FOR="2.2.2.2")

    assert (first.status_code, second.status_code) == (200, 429)


@pytest.mark.parametrize(
    ("count", "remote", "forwarded", "expected"),
    [
        (0, PHONE, "9.9.9.9", PHONE),
        (1, "10.0.0.5", f"9.9.9.9, {PHONE}", PHONE),
        (2, "10.0.0.6", f"9.9.9.9, {PHONE}, 10.0.0.5", PHONE),
        (2, "10.0.0.6", PHONE, "10.0.0.6"),  # fewer entries than proxies: not through them all
        (1, "10.0.0.5", "not-an-address", "10.0.0.5"),
        (1, "10.0.0.5", "2001:db8::1", "2001:db8::1"),
    ],
)
def test_client_address_counts_trusted_proxies_from_the_right(
    rf, settings, count, remote, forwarded, expected
):
    settings.TRUSTED_PROXY_COUNT = count
    request = rf.get("/", REMOTE_ADDR=remote, HTTP_X_FORWARDED_FOR=forwarded)

    assert client_address(request) == expected


def test_one_ipv6_subscriber_is_one_client_whatever_its_last_bits(rf):
    first = rf.get("/", REMOTE_ADDR="2001:db8:1:2:aaaa::1")
    second = rf.get("/", REMOTE_ADDR="2001:db8:1:2:bbbb::9")
    neighbour = rf.get("/", REMOTE_ADDR="2001:db8:1:3::1")

    assert client_key(first) == client_key(second) == "2001:db8:1:2::/64"
    assert client_key(neighbour) != client_key(first)


def test_an_unreachable_cache_lets_requests_through(client, home, limits, settings):
    settings.CACHES = {
        **settings.CACHES,
        "down": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://127.0.0.1:9/0",
        },
    }
    settings.RATE_LIMIT_CACHE = "down"
    limits(search_api="1/m")

    codes = [client.get("/api/search/", {"q": "x"}, REMOTE_ADDR=PHONE).status_code for _ in range(3)]

    assert codes == [200, 200, 200]


@pytest.mark.parametrize(
    ("rate", "expected"),
    [("120/m", (120, 60)), ("30/10m", (30, 600)), ("500/h", (500, 3600)), ("off", None), ("0", None)],
)
def test_rates_read_as_count_per_period(rate, expected):
    assert parse_rate(rate) == expected
