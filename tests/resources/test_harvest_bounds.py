"""A repository that misbehaves, by accident or on purpose, cannot keep a harvest going, publish
addresses inside a network, or leave a run "running": every harvest ends, and says why."""

import datetime
import time

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from portal.imports.harvests import harvest_due_sources
from portal.imports.models import HarvestRun
from portal.resources import harvest as harvest_module
from portal.resources.models import HarvestSource
from tests.organisations.conftest import editor, university  # noqa: F401 - fixtures
from tests.resources.oai_server import (
    ENVELOPE,
    HostileRepository,
    dc_record,
    list_records_page,
    oai_server,
    redirect,
    scripted_server,
    send,
    trickle,
)
from tests.resources.test_harvest import harvested, run_harvest

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def loopback_allowed(settings):
    """The test repositories run on this machine, allowed as an internal host is in production."""
    settings.OUTGOING_ALLOWED_HOSTS = ["127.0.0.1"]


def harvest_hostile(repository, contributor, host="127.0.0.1"):
    with scripted_server(repository, host) as server:
        code, out, err = run_harvest(f"{server.url}/oai")
    source = HarvestSource.objects.get(organisation=contributor, endpoint=f"{server.url}/oai")
    return code, out, err, source


def test_a_repeated_resumption_token_stops_the_harvest(contributor):
    repository = HostileRepository(token=lambda page: "cung-mot-token")

    code, out, err, source = harvest_hostile(repository, contributor)

    assert code == 1
    assert repository.pages == 2
    assert "sent the resumption token “cung-mot-token” a second time" in err
    assert "What was harvested is kept; the next harvest starts again from the beginning." in err
    assert "4 created" in out
    assert len(harvested()) == 4 and source.last_datestamp == ""


def test_cycling_resumption_tokens_stop_the_harvest(contributor):
    repository = HostileRepository(token=lambda page: "abc"[(page - 1) % 3])

    code, _out, err, _source = harvest_hostile(repository, contributor)

    assert code == 1
    assert repository.pages == 4  # a, b, c, then a again
    assert "sent the resumption token “a” a second time" in err


def test_ever_new_tokens_stop_at_the_page_budget_and_the_next_harvest_starts_again(contributor, settings):
    settings.HARVEST_PAGE_BUDGET = 3
    repository = HostileRepository(token=lambda page: f"trang-{page}")

    with scripted_server(repository) as server:
        code, out, err = run_harvest(f"{server.url}/oai")
        assert code == 1
        assert repository.pages == 3
        assert "Stopped after 3 pages, the most one harvest may fetch." in err
        assert "6 created" in out
        assert all(page.live for page in harvested().values())  # what was harvested stays published
        assert HarvestSource.objects.get().last_datestamp == ""  # records not seen are not skipped

        run_harvest(f"{server.url}/oai")
        assert "from=" not in server.requests[3]  # the second harvest asks for everything again


def test_ever_new_tokens_stop_at_the_record_budget(contributor, settings):
    settings.HARVEST_RECORD_BUDGET = 5
    repository = HostileRepository(token=lambda page: f"trang-{page}")

    code, out, err, _source = harvest_hostile(repository, contributor)

    assert code == 1
    assert "Stopped after 5 records, the most one harvest may read." in err
    assert "5 created" in out and len(harvested()) == 5
    assert repository.pages == 3


def test_a_harvest_stops_when_its_time_is_spent(contributor, monkeypatch):
    """A frozen clock that moves twelve minutes per page the repository serves."""
    now = [0.0]
    monkeypatch.setattr(harvest_module, "monotonic", lambda: now[0])
    repository = HostileRepository(token=lambda page: f"trang-{page}")
    repository.on_page = lambda page: now.__setitem__(0, now[0] + 12 * 60)

    code, out, err, _source = harvest_hostile(repository, contributor)

    assert code == 1
    assert "Stopped after 30 minutes, the longest one harvest may run." in err
    assert repository.pages == 3 and "4 created" in out


def test_a_trickling_repository_is_given_up_at_the_deadline(contributor, settings):
    settings.OUTGOING_DEADLINE = 1.5

    started = time.monotonic()
    code, _out, err, _source = harvest_hostile(trickle, contributor)

    assert time.monotonic() - started < 4
    assert code == 1
    assert "127.0.0.1 did not send its whole answer within 1.5 seconds." in err


def web_page(handler):
    if handler.path.startswith("/oai"):
        redirect(handler, "/trang-chu")
    else:
        send(handler, "<html><body>Trang chủ</body></html>".encode(), "text/html; charset=utf-8")


@pytest.mark.parametrize(
    ("answer", "reason"),
    [
        (web_page, "the answer is text/html, not OAI-PMH XML"),
        (lambda handler: send(handler, b"<html><body>Trang ch"), "the answer is not well-formed XML"),
        (lambda handler: send(handler, b"<rss><channel/></rss>"), "the answer is not an OAI-PMH response"),
        (
            lambda handler: send(handler, b"Server error", "text/plain", 500),
            "the repository answered with HTTP status 500",
        ),
    ],
)
def test_an_answer_that_is_not_oai_pmh_fails_with_its_reason(contributor, answer, reason):
    code, _out, err, _source = harvest_hostile(answer, contributor)

    assert code == 1
    assert "failed: " + reason in err


def test_a_redirect_to_a_loopback_name_not_allowed_is_not_followed(contributor):
    def elsewhere(handler):
        if handler.path.startswith("/oai"):
            redirect(handler, f"http://localhost:{handler.server.server_address[1]}/noi-bo")
        else:
            send(handler, list_records_page([dc_record(1)]))

    with scripted_server(elsewhere) as server:
        code, _out, err = run_harvest(f"{server.url}/oai")

    assert code == 1
    assert "localhost is not a public address" in err
    assert len(server.requests) == 1 and not harvested()


def test_a_repository_on_this_machine_is_refused_unless_allowed(contributor, settings):
    settings.OUTGOING_ALLOWED_HOSTS = []
    with oai_server("records-march.xml") as repository:
        code, _out, err = run_harvest(repository.url)

    assert code == 1
    assert "127.0.0.1 is not a public address (127.0.0.1)" in err
    assert repository.requests == [] and not harvested()


def test_only_public_outside_addresses_are_published(contributor, settings):
    """The repository itself is allowed (on 127.0.0.2); addresses inside networks are not links."""
    settings.OUTGOING_ALLOWED_HOSTS = ["127.0.0.2"]
    records = [
        dc_record(1, "http://127.0.0.1:8080/quan-tri", "https://kho.example.vn/handle/1"),
        dc_record(2, "http://127.0.0.1:8080/chi-noi-bo"),
        dc_record(
            3, "http://[::ffff:7f00:1]/", "http://2130706433/", "http://intranet/", "http://may.local/"
        ),
        dc_record(4, "file:///etc/passwd", "javascript:alert(1)", "https://thuvien.tnu.edu.vn/4"),
    ]
    code, _out, err, _source = harvest_hostile(
        lambda handler: send(handler, list_records_page(records)), contributor, host="127.0.0.2"
    )

    pages = harvested()
    assert pages["oai:kho.example.vn:1"].external_url == "https://kho.example.vn/handle/1"
    assert pages["oai:kho.example.vn:4"].external_url == "https://thuvien.tnu.edu.vn/4"
    assert sorted(pages) == ["oai:kho.example.vn:1", "oai:kho.example.vn:4"]
    assert "oai:kho.example.vn:2: a link resource needs a url" in err
    assert "oai:kho.example.vn:3: a link resource needs a url" in err
    assert code == 1


def test_hostile_xml_is_parsed_without_entities(contributor):
    leak = (
        '<?xml version="1.0"?><!DOCTYPE OAI-PMH [<!ENTITY leak SYSTEM "file:///etc/passwd">]>'
        + list_records_page([dc_record(1)])
        .decode()
        .split("?>", 1)[1]
        .replace("Tài liệu số 1", "Tài liệu &leak;")
    )
    laughs = "".join(
        f'<!ENTITY l{level} "{f"&l{level - 1};" * 10 if level else "ha"}">' for level in range(10)
    )
    bomb = f"<!DOCTYPE OAI-PMH [{laughs}]>" + ENVELOPE.format(
        now="", request='<request verb="&l9;"/>', body=""
    )

    code, _out, _err, _source = harvest_hostile(lambda handler: send(handler, leak.encode()), contributor)
    assert code == 0
    assert "root:" not in harvested()["oai:kho.example.vn:1"].title

    started = time.monotonic()
    code, _out, err, _source = harvest_hostile(lambda handler: send(handler, bomb.encode()), contributor)
    assert code == 1 and "not well-formed XML" in err
    assert time.monotonic() - started < 2


def test_a_busy_repository_is_asked_again_then_given_up(contributor):
    answers = iter([503, 200])

    def busy_once(handler):
        if next(answers, 503) == 503:
            handler.send_response(503)
            handler.send_header("Retry-After", "0")
            handler.send_header("Content-Length", "0")
            handler.end_headers()
        else:
            send(handler, list_records_page([dc_record(1)]))

    with scripted_server(busy_once) as server:
        code, _out, _err = run_harvest(f"{server.url}/oai")
        assert code == 0 and len(server.requests) == 2
        code, _out, err = run_harvest(f"{server.url}/oai")
        assert code == 1 and "answered with HTTP status 503" in err
        assert len(server.requests) == 2 + 3  # asked three times, then given up


# --- the admin's runs ---------------------------------------------------------------------------
def harvest_now(client, editor, source, django_capture_on_commit_callbacks):  # noqa: F811
    client.force_login(editor)
    with translation.override("en"), django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("imports:harvest_now", args=[source.pk]))
    run = HarvestRun.objects.get(source=source)
    page = client.get(reverse("imports:harvest_run", args=[run.pk])).content.decode()
    return run, page


def test_a_run_against_a_web_page_ends_failed_with_its_reason(
    client,
    editor,  # noqa: F811
    university,  # noqa: F811
    vocabularies,
    django_capture_on_commit_callbacks,
):
    with scripted_server(web_page) as server:
        source = HarvestSource.objects.create(
            organisation=university.organisation, endpoint=f"{server.url}/oai"
        )
        run, page = harvest_now(client, editor, source, django_capture_on_commit_callbacks)

    assert run.status == HarvestRun.Status.FAILED and run.finished_at is not None
    assert "phản hồi có dạng text/html, không phải XML OAI-PMH" in run.log  # as the editor reads it
    assert "phản hồi có dạng text/html, không phải XML OAI-PMH" in page
    assert 'http-equiv="refresh"' not in page  # the page stops waiting for the run


def test_a_run_stopped_by_a_budget_keeps_its_counts_and_says_why(
    client,
    editor,  # noqa: F811
    university,  # noqa: F811
    vocabularies,
    settings,
    django_capture_on_commit_callbacks,
):
    settings.HARVEST_PAGE_BUDGET = 2
    with scripted_server(HostileRepository(token=lambda page: f"trang-{page}")) as server:
        source = HarvestSource.objects.create(
            organisation=university.organisation, endpoint=f"{server.url}/oai"
        )
        run, page = harvest_now(client, editor, source, django_capture_on_commit_callbacks)

    assert (run.status, run.added) == (HarvestRun.Status.FAILED, 4)
    assert run.log.startswith("Đã dừng sau 2 trang, số trang nhiều nhất một lần thu thập được phép tải.")
    assert "lần thu thập sau bắt đầu lại từ đầu" in page


def test_an_unexpected_error_ends_the_run_failed(
    client,
    editor,  # noqa: F811
    university,  # noqa: F811
    vocabularies,
    monkeypatch,
    django_capture_on_commit_callbacks,
):
    def broken_mapping(*args):
        raise KeyError("title")

    monkeypatch.setattr(harvest_module, "record_row", broken_mapping)
    with scripted_server(lambda handler: send(handler, list_records_page([dc_record(1)]))) as server:
        source = HarvestSource.objects.create(
            organisation=university.organisation, endpoint=f"{server.url}/oai"
        )
        run, _page = harvest_now(client, editor, source, django_capture_on_commit_callbacks)

    assert run.status == HarvestRun.Status.FAILED
    assert run.log.startswith("Việc thu thập dừng lại do một lỗi ngoài dự kiến ('title')")


def test_the_nightly_check_fails_runs_their_worker_left_running(university, settings):  # noqa: F811
    source = HarvestSource.objects.create(
        organisation=university.organisation, endpoint="http://127.0.0.1:9/oai"
    )
    abandoned = HarvestRun.objects.create(source=source, status=HarvestRun.Status.RUNNING)
    current = HarvestRun.objects.create(source=source, status=HarvestRun.Status.RUNNING)
    HarvestRun.objects.filter(pk=abandoned.pk).update(
        created_at=timezone.now() - datetime.timedelta(seconds=settings.HARVEST_TIME_BUDGET + 60)
    )

    with translation.override("en"):
        harvest_due_sources.call()

    abandoned.refresh_from_db()
    current.refresh_from_db()
    assert abandoned.status == HarvestRun.Status.FAILED and abandoned.finished_at is not None
    assert "The harvest did not finish: its worker stopped." in abandoned.log
    assert current.status == HarvestRun.Status.RUNNING
