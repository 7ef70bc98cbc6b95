"""The benchmark's own tools tell the truth: the load generator counts every answer and every
failure within its time bound, and the server's query counter reports what a page ran.
The benchmarks themselves run with `make bench`, never here."""

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from wsgiref.util import setup_testing_defaults

import pytest

BENCH = Path(__file__).resolve().parents[2] / "bench"


@pytest.fixture
def bench_modules(monkeypatch):
    monkeypatch.syspath_prepend(str(BENCH))
    import load

    return load


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def do_GET(self):
        status = 200 if self.path == "/ok" else 404
        body = b"fine" if status == 200 else b"missing"
        self.send_response(status)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture
def http_port():
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server.server_address[1]
    server.shutdown()
    server.server_close()


def test_load_counts_answers_and_errors_within_its_time(bench_modules, http_port):
    run = bench_modules.load(http_port, ["/ok", "/missing"], clients=3, seconds=0.5)

    assert 0.5 <= run.seconds < 3
    assert run.timings and run.errors
    assert abs(len(run.timings) - len(run.errors)) <= 3  # the clients alternate the two paths
    assert all(error.endswith("HTTP 404") for error in run.errors)
    assert run.figures()["errors"] == len(run.errors)
    assert run.p50 <= run.p95


def test_load_reports_a_refused_connection_as_an_error(bench_modules, http_port):
    run = bench_modules.load(http_port, ["/ok"], requests=5)
    assert len(run.timings) == 5 and not run.errors

    with __import__("socket").socket() as sock:
        sock.bind(("127.0.0.1", 0))
        closed_port = sock.getsockname()[1]
    refused = bench_modules.load(closed_port, ["/ok"], requests=2)
    assert not refused.timings and len(refused.errors) == 2


@pytest.fixture
def connections_kept():
    """As Django's test client does: the test's transaction outlives each request."""
    from django.core.signals import request_finished, request_started
    from django.db import close_old_connections

    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.mark.django_db
def test_the_bench_server_counts_the_queries_a_request_ran_only_when_asked(bench_modules, connections_kept):
    import server_wsgi

    def call(**headers) -> dict:
        environ = {"PATH_INFO": "/hoc-lieu/", "HTTP_HOST": "testserver", **headers}
        setup_testing_defaults(environ)
        answered = {}
        body = server_wsgi.application(
            environ, lambda status, headers, exc_info=None: answered.update(headers)
        )
        b"".join(body)
        return answered

    counted = call(HTTP_X_BENCH_COUNT_QUERIES="1")
    plain = call()

    assert int(counted["X-Bench-Queries"]) > 0  # the library asks the database for its resources
    assert "X-Bench-Queries" not in plain
