"""A registration's link is a key: no log line carries its token, from Django or from gunicorn."""

import logging
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from portal.registrations.models import new_token

pytestmark = pytest.mark.django_db

PROJECT = Path(__file__).resolve().parents[2]


def test_a_not_found_warning_for_a_cancel_link_does_not_print_its_token(client, event, caplog):
    token = new_token()

    with caplog.at_level(logging.WARNING, logger="django.request"):
        response = client.get(f"{event.url}dang-ky/{token}/huy/")

    assert response.status_code == 404
    assert "Not Found" in caplog.text and "dang-ky/[token]/huy/" in caplog.text
    assert token not in caplog.text


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_gunicorns_access_log_does_not_print_tokens(tmp_path):
    (tmp_path / "tiny.py").write_text(
        "def app(environ, start_response):\n"
        "    start_response('404 Not Found', [('Content-Type', 'text/plain')])\n"
        "    return [b'']\n"
    )
    port, token = free_port(), new_token()
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "-c",
            str(PROJECT / "gunicorn.conf.py"),
            "--chdir",
            str(tmp_path),
            "--bind",
            f"127.0.0.1:{port}",
            "--access-logfile",
            "-",
            "--no-control-socket",
            "tiny:app",
        ],
        cwd=PROJECT,
        env={"PATH": "/usr/bin:/bin", "PYTHONPATH": str(PROJECT)},
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        address = f"http://127.0.0.1:{port}/su-kien/ngay-hoi/dang-ky/{token}/huy/"
        for _attempt in range(100):
            try:
                urllib.request.urlopen(address, timeout=2)
            except urllib.error.HTTPError:
                break
            except OSError:
                time.sleep(0.1)
    finally:
        server.terminate()
        output = server.communicate(timeout=20)[0]

    assert "/su-kien/ngay-hoi/dang-ky/[token]/huy/" in output
    assert token not in output
