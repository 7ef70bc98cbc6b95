"""The server's own requests to other hosts cannot be turned against its own network: every
address is resolved once and checked, the connection goes to that very address, every redirect
is checked again, and no answer can hold a worker past its deadline or fill its memory."""

import ipaddress
import shutil
import socket
import ssl
import subprocess
import time

import pytest
from django.utils import translation

from portal.core.outgoing import AddressRefused, OutgoingError, fetch, looks_public
from portal.resources.links import check_round
from portal.resources.models import LinkCheck
from tests.resources.factories import LearningResourcePageFactory
from tests.resources.oai_server import listener, redirect, scripted_server, send, trickle

PUBLIC = "93.184.216.34"


@pytest.fixture(autouse=True)
def in_english():
    with translation.override("en"):
        yield


@pytest.fixture
def connections(monkeypatch):
    """Where sockets connect. Public addresses are refused at once (no test reaches the internet);
    loopback ones go through, so a request that should never happen would be seen."""
    made = []
    connect = socket.socket.connect

    def recording_connect(sock, address):
        made.append(address[0])
        if not ipaddress.ip_address(address[0]).is_loopback:
            raise ConnectionRefusedError(111, "Connection refused")
        return connect(sock, address)

    monkeypatch.setattr(socket.socket, "connect", recording_connect)
    return made


class FakeDNS(dict):
    """``dns["name"] = [addresses, ...]``: the answer to each lookup in turn, the last one repeating;
    other names are looked up as usual. ``asked`` lists the names looked up here."""

    def __init__(self, real):
        super().__init__()
        self.real, self.asked = real, []

    def __call__(self, host, port, *args, **kwargs):
        if host not in self:
            return self.real(host, port, *args, **kwargs)
        self.asked.append(host)
        answers = self[host]
        addresses = answers.pop(0) if len(answers) > 1 else answers[0]
        return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", (address, port)) for address in addresses]


@pytest.fixture
def dns(monkeypatch):
    resolver = FakeDNS(socket.getaddrinfo)
    monkeypatch.setattr(socket, "getaddrinfo", resolver)
    return resolver


@pytest.mark.parametrize(
    "url",
    [
        "https://lrc.tnu.edu.vn/handle/123456789/1021",
        "http://thuvien.thainguyen.gov.vn:8080/tai-lieu?id=1",
        "https://học-liệu.vn/bài-1",
        "http://113.160.1.2/xmlui/handle/1",
        "http://[2606:4700::1111]/",
    ],
)
def test_public_addresses_look_public(url):
    assert looks_public(url)


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1:8080/quan-tri",
        "http://localhost/",
        "http://LOCALHOST./",
        "http://dich-vu.localhost/",
        "http://may-in.local/",
        "http://kho.internal/",
        "http://intranet/",
        "http://10.0.0.5/",
        "http://192.168.1.1/",
        "http://172.16.0.1/",
        "http://100.64.0.1/",
        "http://169.254.169.254/latest/meta-data/",
        "http://0.0.0.0/",
        "http://2130706433/",
        "http://0x7f.1/",
        "http://[::1]/",
        "http://[::ffff:127.0.0.1]/",
        "http://[fe80::1]/",
        "http://[fd00::1]/",
        "http://[2002:7f00:1::]/",
        "http://224.0.0.1/",
        "ftp://lrc.tnu.edu.vn/",
        "file:///etc/passwd",
        "javascript:alert(1)",
        "http://lrc.tnu.edu.vn:port/",
        "https:///handle/1",
    ],
)
def test_addresses_inside_networks_and_other_schemes_do_not(url):
    assert not looks_public(url)


def test_an_allowed_internal_host_looks_public(settings):
    settings.OUTGOING_ALLOWED_HOSTS = ["kho-noi-bo"]

    assert looks_public("http://kho-noi-bo/oai")
    assert not looks_public("http://kho-khac/oai")


@pytest.mark.parametrize(
    "host",
    ["127.0.0.1", "localhost", "[::1]", "0.0.0.0", "2130706433", "169.254.169.254", "10.0.0.5"],
)
def test_addresses_inside_networks_are_never_connected_to(host, connections):
    with pytest.raises(AddressRefused, match="is not a public address"):
        fetch(f"http://{host}:9/noi-bo")

    assert connections == []


def test_only_http_and_https(connections):
    for url in ("ftp://lrc.tnu.edu.vn/", "file:///etc/passwd", "gopher://lrc.tnu.edu.vn/"):
        with pytest.raises(OutgoingError, match="is not an http"):
            fetch(url)
    assert connections == []


def test_dns_rebinding_cannot_reach_this_machine(dns, connections):
    """The first answer is public, every later one this machine: one lookup, one connection, to
    the address that was checked."""
    with listener() as internal:
        dns["rebind.example.vn"] = [[PUBLIC], ["127.0.0.1"]]

        with pytest.raises(OutgoingError, match="Connection refused"):
            fetch(f"http://rebind.example.vn:{internal.port}/quan-tri")

    assert dns.asked == ["rebind.example.vn"]
    assert connections == [PUBLIC]
    assert internal.contacts == []


def test_a_name_with_any_address_inside_a_network_is_refused(dns, connections):
    with listener() as internal:
        dns["nua-noi-bo.example.vn"] = [[PUBLIC, "127.0.0.1"]]

        with pytest.raises(
            AddressRefused, match=r"nua-noi-bo.example.vn is not a public address \(127.0.0.1\)"
        ):
            fetch(f"http://nua-noi-bo.example.vn:{internal.port}/")

    assert connections == [] and internal.contacts == []


@pytest.mark.django_db
def test_the_link_checker_is_not_fooled_by_dns_rebinding(section, dns, connections):
    with listener() as internal:
        dns["rebind.example.vn"] = [[PUBLIC], ["127.0.0.1"]]
        page = LearningResourcePageFactory(
            parent=section,
            resource_type="link",
            external_url=f"http://rebind.example.vn:{internal.port}/tai-lieu",
        )

        check_round(pause=0)

    assert internal.contacts == [] and connections == [PUBLIC]
    check = LinkCheck.objects.get(page=page)
    assert check.broken and "Connection refused" in check.error


def test_every_redirect_is_checked_before_it_is_followed(settings, connections):
    settings.OUTGOING_ALLOWED_HOSTS = ["127.0.0.1"]
    with listener() as internal:
        elsewhere = f"http://localhost:{internal.port}/"
        with (
            scripted_server(lambda handler: redirect(handler, elsewhere)) as server,
            pytest.raises(AddressRefused, match="localhost is not a public address") as refusal,
        ):
            fetch(f"{server.url}/chuyen")

    assert refusal.value.url == f"http://localhost:{internal.port}/"
    assert len(server.requests) == 1 and internal.contacts == []


def test_redirects_are_followed_a_bounded_number_of_times(settings):
    settings.OUTGOING_ALLOWED_HOSTS = ["127.0.0.1"]
    with (
        scripted_server(lambda handler: redirect(handler, "/vong-lap")) as server,
        pytest.raises(OutgoingError, match="is redirected more than 5 times"),
    ):
        fetch(f"{server.url}/vong-lap")

    assert len(server.requests) == 6


def test_a_trickling_answer_ends_at_the_deadline(settings):
    settings.OUTGOING_ALLOWED_HOSTS = ["127.0.0.1"]
    with scripted_server(trickle) as server:
        started = time.monotonic()
        with pytest.raises(OutgoingError, match="did not send its whole answer within 1 seconds"):
            fetch(server.url, deadline=1)

    assert time.monotonic() - started < 2


@pytest.mark.parametrize("declared", [True, False])
def test_an_answer_over_the_size_limit_is_refused(settings, declared):
    settings.OUTGOING_ALLOWED_HOSTS = ["127.0.0.1"]
    settings.OUTGOING_MAX_BYTES = 100_000

    def large(handler):
        handler.send_response(200)
        if declared:
            handler.send_header("Content-Length", "1000000")
        handler.end_headers()
        handler.wfile.write(b"x" * 1_000_000)

    with scripted_server(large) as server, pytest.raises(OutgoingError, match=r"is larger than 97\.7"):
        fetch(server.url)


def test_an_answer_cut_short_is_an_error(settings):
    settings.OUTGOING_ALLOWED_HOSTS = ["127.0.0.1"]

    def cut(handler):
        handler.send_response(200)
        handler.send_header("Content-Length", "1000")
        handler.end_headers()
        handler.wfile.write(b"<OAI-PMH")

    with scripted_server(cut) as server, pytest.raises(OutgoingError, match="IncompleteRead"):
        fetch(server.url)


def test_an_allowed_internal_host_is_reached(settings, dns):
    settings.OUTGOING_ALLOWED_HOSTS = ["kho.noibo"]
    with scripted_server(
        lambda handler: send(handler, handler.headers["Host"].encode(), "text/plain")
    ) as server:
        dns["kho.noibo"] = [["127.0.0.1"]]

        response = fetch(f"http://kho.noibo:{server.port}/oai")

    assert (response.status, response.body) == (200, f"kho.noibo:{server.port}".encode())


@pytest.fixture
def certificate(tmp_path):
    """A self-signed certificate for kho.example.vn (made with the openssl command)."""
    if shutil.which("openssl") is None:
        pytest.skip("the openssl command is not installed")
    key, cert = tmp_path / "key.pem", tmp_path / "cert.pem"
    subprocess.run(
        [
            *(
                "openssl",
                "req",
                "-x509",
                "-newkey",
                "ec",
                "-pkeyopt",
                "ec_paramgen_curve:prime256v1",
                "-nodes",
            ),
            *("-keyout", key, "-out", cert, "-days", "1", "-subj", "/CN=kho.example.vn"),
            *("-addext", "subjectAltName=DNS:kho.example.vn"),
        ],
        check=True,
        capture_output=True,
    )
    return key, cert


def test_tls_is_checked_for_the_name_while_connecting_to_the_checked_address(
    settings, dns, monkeypatch, certificate
):
    key, cert = certificate
    server_context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    server_context.load_cert_chain(cert, key)
    names = []
    server_context.sni_callback = lambda sock, name, context: names.append(name)
    trusted = ssl.create_default_context(cafile=str(cert))
    monkeypatch.setattr(ssl, "create_default_context", lambda: trusted)
    settings.OUTGOING_ALLOWED_HOSTS = ["kho.example.vn", "127.0.0.1"]

    echo_host = lambda handler: send(handler, handler.headers["Host"].encode(), "text/plain")  # noqa: E731
    with scripted_server(echo_host, tls=server_context) as server:
        dns["kho.example.vn"] = [["127.0.0.1"]]

        response = fetch(f"https://kho.example.vn:{server.port}/oai")
        with pytest.raises(OutgoingError, match="certificate"):
            fetch(f"https://127.0.0.1:{server.port}/oai")

    assert response.body == f"kho.example.vn:{server.port}".encode()
    assert names[0] == "kho.example.vn"
