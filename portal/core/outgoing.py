"""Every request the server makes to another host (harvests, link checks) goes through ``fetch``.

An address someone typed or a repository sent must not become a way into the server's own
network, nor a way to hold a worker forever. So: only http(s); the name is resolved once and
every address it gives must be public (hosts in ``OUTGOING_ALLOWED_HOSTS`` excepted), and the
connection goes to exactly that checked address (the Host header and the TLS certificate check
keep the name), so a second lookup cannot answer differently; redirects are followed here, one
at a time, each hop checked the same way; the whole answer must arrive within a wall-clock
deadline and stay under a size limit, however slowly the server trickles it.
"""

import http.client
import ipaddress
import socket
import ssl
import threading
import time
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from email.message import Message
from urllib.parse import quote, urljoin, urlsplit

from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

USER_AGENT = "HocLieuMoThaiNguyen/1.0 (+https://hoclieu.thainguyen.edu.vn/)"
DEFAULT_PORTS = {"http": 80, "https": 443}
REDIRECTS = {301, 302, 303, 307, 308}
CHUNK = 64 * 1024
# Endings of names that only ever mean a machine of a local network, whatever a resolver answers.
LOCAL_SUFFIXES = (".localhost", ".local", ".localdomain", ".internal", ".lan", ".home.arpa")
PATH_SAFE = "/%:@!$&'()*+,;=-._~"
QUERY_SAFE = PATH_SAFE + "?"


class OutgoingError(Exception):
    """The request was not made or did not complete; ``str()`` says why, for the editors.

    ``url`` is the address concerned: the one asked for, or the hop of a redirect that failed.
    """

    def __init__(self, message: str, url: str):
        super().__init__(message)
        self.url = url


class AddressRefused(OutgoingError):
    """The host is not public (private, loopback, link-local, reserved...) and not allowed."""


@dataclass(frozen=True)
class Response:
    url: str  # where the answer came from, after redirects
    status: int
    headers: Message
    body: bytes  # empty when the body was not asked for

    @property
    def content_type(self) -> str:
        return self.headers.get_content_type() if self.headers.get("Content-Type") else ""


def fetch(
    url: str,
    *,
    method: str = "GET",
    headers: dict[str, str] | None = None,
    deadline: float | None = None,
    max_bytes: int | None = None,
    read_body: bool = True,
) -> Response:
    """The answer to ``url``, redirects followed; raises ``OutgoingError`` (or ``AddressRefused``).

    ``deadline`` (seconds, default ``OUTGOING_DEADLINE``) covers the whole exchange, redirects
    included; a body over ``max_bytes`` (default ``OUTGOING_MAX_BYTES``) is refused. Answers other
    than redirects are returned whatever their status.
    """
    clock = _Deadline(settings.OUTGOING_DEADLINE if deadline is None else deadline)
    limit = settings.OUTGOING_MAX_BYTES if max_bytes is None else max_bytes
    sent = {"User-Agent": USER_AGENT, "Accept-Encoding": "identity", "Connection": "close", **(headers or {})}
    for _hop in range(settings.OUTGOING_MAX_REDIRECTS + 1):
        target = _Target.checked(url)
        response = _exchange(target, method, sent, clock, limit, read_body)
        location = response.headers.get("Location", "").strip()
        if response.status not in REDIRECTS or not location:
            return response
        url = urljoin(url, location)
    raise OutgoingError(
        _("%(url)s is redirected more than %(count)d times.")
        % {"url": url, "count": settings.OUTGOING_MAX_REDIRECTS},
        url,
    )


def looks_public(url: str) -> bool:
    """Whether ``url`` is an http(s) address of a public host, judged from its text alone.

    For addresses kept now and fetched later (``fetch`` checks them again when it resolves them):
    IP addresses outside the public ranges, ``localhost`` and other local names, and names of one
    label (which a resolver completes with the local domain) are not public; allowed hosts are.
    """
    try:
        parts = urlsplit(url.strip())
        host = (parts.hostname or "").rstrip(".")
        parts.port  # noqa: B018 - raises on a port that is not a number
    except ValueError:
        return False
    if parts.scheme.lower() not in DEFAULT_PORTS or not host:
        return False
    if _allowed(host):
        return True
    literal = _ip_literal(host)
    if literal is not None:
        return _is_public(literal)
    return "." in host and not host.endswith(LOCAL_SUFFIXES)


def _allowed(host: str) -> bool:
    return host.lower().rstrip(".") in {name.lower().rstrip(".") for name in settings.OUTGOING_ALLOWED_HOSTS}


def _ip_literal(host: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    """The address ``host`` spells, including the old IPv4 forms resolvers accept (``2130706433``)."""
    try:
        return ipaddress.ip_address(host)
    except ValueError:
        pass
    try:
        return ipaddress.IPv4Address(socket.inet_aton(host))
    except (OSError, ValueError):
        return None


def _is_public(address: ipaddress.IPv4Address | ipaddress.IPv6Address) -> bool:
    """Globally routable, and so is any IPv4 address carried inside an IPv6 one."""
    if address.version == 6:
        embedded = [address.ipv4_mapped, address.sixtofour, *(address.teredo or ())]
        if any(inner is not None and not _is_public(inner) for inner in embedded):
            return False
    return address.is_global and not (address.is_multicast or address.is_reserved)


@dataclass(frozen=True)
class _Target:
    """One hop: where to connect (the checked address) and what to ask for (name, path)."""

    url: str
    scheme: str
    host: str  # ASCII (IDNA) form, for the Host header and the TLS certificate check
    port: int
    path: str
    family: int
    address: tuple

    @classmethod
    def checked(cls, url: str) -> "_Target":
        parts = urlsplit(url)
        scheme = parts.scheme.lower()
        if scheme not in DEFAULT_PORTS or not parts.hostname:
            raise OutgoingError(_("“%(url)s” is not an http(s) address.") % {"url": url}, url)
        try:
            port = parts.port or DEFAULT_PORTS[scheme]
            host = parts.hostname.rstrip(".").encode("idna").decode("ascii")
        except (ValueError, UnicodeError):
            raise OutgoingError(_("“%(url)s” is not a valid web address.") % {"url": url}, url) from None
        family, address = _resolve(url, host, port)
        path = quote(parts.path or "/", safe=PATH_SAFE)
        if parts.query:
            path += "?" + quote(parts.query, safe=QUERY_SAFE)
        return cls(url, scheme, host, port, path, family, address)


def _resolve(url: str, host: str, port: int) -> tuple[int, tuple]:
    """One lookup; every address must be public unless the host is allowed. The first is used."""
    try:
        answers = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (OSError, UnicodeError):
        answers = []
    if not answers:
        raise OutgoingError(_("The name %(host)s could not be found.") % {"host": host}, url)
    if not _allowed(host):
        for _family, _type, _proto, _name, address in answers:
            ip = ipaddress.ip_address(address[0].split("%")[0])
            if not _is_public(ip):
                raise AddressRefused(
                    _(
                        "%(host)s is not a public address (%(address)s): the server does not connect to "
                        "its own or other private networks unless an administrator allows the host."
                    )
                    % {"host": host, "address": ip},
                    url,
                )
    family, _type, _proto, _name, address = answers[0]
    return family, address


class _PinnedConnection(http.client.HTTPConnection):
    """Connects to the address that was checked, never to a fresh lookup of the name.

    ``opened`` keeps the socket for the deadline to shut: http.client lets go of ``sock`` as
    soon as an answer says the connection will close, while the answer is still being read.
    """

    def __init__(self, target: _Target, timeout: float):
        super().__init__(target.host, target.port, timeout=timeout)
        self.target = target
        self.opened: socket.socket | None = None

    def connect(self):
        sock = socket.socket(self.target.family, socket.SOCK_STREAM)
        try:
            sock.settimeout(self.timeout)
            sock.connect(self.target.address)
        except OSError:
            sock.close()
            raise
        self.sock = self.opened = sock


class _PinnedTLSConnection(_PinnedConnection):
    """The same, with TLS: SNI and the certificate check are for the name, not the address."""

    default_port = 443

    def connect(self):
        super().connect()
        context = ssl.create_default_context()
        # The handshake runs once the TLS socket is kept, so the deadline can shut it too.
        self.sock = self.opened = context.wrap_socket(
            self.sock, server_hostname=self.host, do_handshake_on_connect=False
        )
        self.sock.do_handshake()


class _Deadline:
    """A wall-clock limit for a whole exchange: when it passes, the connection is shut down,
    whatever the server is doing (a socket timeout only bounds each wait, not their sum)."""

    def __init__(self, seconds: float):
        self.seconds = seconds
        self.ends = time.monotonic() + seconds
        self.expired = False

    def remaining(self) -> float:
        return self.ends - time.monotonic()

    @contextmanager
    def watching(self, connection: _PinnedConnection):
        timer = threading.Timer(max(self.remaining(), 0), self._expire, args=(connection,))
        timer.daemon = True
        timer.start()
        try:
            yield
        finally:
            timer.cancel()

    def _expire(self, connection: _PinnedConnection) -> None:
        self.expired = True
        if connection.opened is not None:
            with suppress(OSError):
                connection.opened.shutdown(socket.SHUT_RDWR)


def _exchange(target: _Target, method, headers, clock: _Deadline, limit: int, read_body: bool) -> Response:
    if clock.remaining() <= 0:
        raise _too_slow(target, clock)
    kind = _PinnedTLSConnection if target.scheme == "https" else _PinnedConnection
    connection = kind(target, timeout=min(settings.OUTGOING_CONNECT_TIMEOUT, clock.remaining()))
    try:
        with clock.watching(connection):
            connection.request(method, target.path, headers=headers)
            answer = connection.getresponse()
            redirect = answer.status in REDIRECTS and answer.getheader("Location")
            body = _read(answer, target, limit) if read_body and not redirect and method != "HEAD" else b""
        if clock.expired:  # the server's side was shut while it was still sending
            raise _too_slow(target, clock)
    except (OSError, http.client.HTTPException, ValueError) as error:
        if clock.expired:
            raise _too_slow(target, clock) from None
        reason = str(error) or error.__class__.__name__
        raise OutgoingError(
            _("The connection to %(host)s failed: %(reason)s") % {"host": target.host, "reason": reason},
            target.url,
        ) from None
    finally:
        connection.close()
    return Response(target.url, answer.status, answer.headers, body)


def _read(answer: http.client.HTTPResponse, target: _Target, limit: int) -> bytes:
    declared = answer.getheader("Content-Length", "")
    too_large = OutgoingError(
        _("The answer from %(host)s is larger than %(limit)s.")
        % {"host": target.host, "limit": filesizeformat(limit)},
        target.url,
    )
    if declared.isdigit() and int(declared) > limit:
        raise too_large
    chunks, size = [], 0
    while chunk := answer.read(CHUNK):
        size += len(chunk)
        if size > limit:
            raise too_large
        chunks.append(chunk)
    if declared.isdigit() and size < int(declared):  # http.client returns a cut answer as it is
        raise http.client.IncompleteRead(b"".join(chunks), int(declared) - size)
    return b"".join(chunks)


def _too_slow(target: _Target, clock: _Deadline) -> OutgoingError:
    return OutgoingError(
        _("%(host)s did not send its whole answer within %(seconds)s seconds.")
        % {"host": target.host, "seconds": f"{clock.seconds:g}"},
        target.url,
    )
