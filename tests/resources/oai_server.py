"""A small OAI-PMH 2.0 data provider for the harvest tests, serving recorded DSpace responses.

The records of a recorded ListRecords response are the repository's contents; the server answers
Identify, ListRecords (``oai_dc`` only) with ``from``/``until``/``set`` selection, pages of
``page_size`` records chained by resumption tokens, deleted records, and the protocol's error
codes. ``load()`` swaps the contents between harvests, as a repository changes over time.

``scripted_server`` serves any answer a test writes (a trickle, a redirect, a web page), and
``HostileRepository`` answers ListRecords the way a broken or hostile repository might. Both
listen on 127.0.0.1 only, and stay bounded: a harvester that never stops still ends.
"""

import datetime
import socket
import ssl
import threading
import time
from collections.abc import Callable
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit
from xml.sax.saxutils import escape, quoteattr

from lxml import etree

DATA = Path(__file__).parent / "data" / "oai"
OAI = "{http://www.openarchives.org/OAI/2.0/}"
ENVELOPE = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    '<OAI-PMH xmlns="http://www.openarchives.org/OAI/2.0/" '
    'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
    'xsi:schemaLocation="http://www.openarchives.org/OAI/2.0/ '
    'http://www.openarchives.org/OAI/2.0/OAI-PMH.xsd">'
    "<responseDate>{now}</responseDate>{request}{body}</OAI-PMH>"
)


@dataclass
class StoredRecord:
    datestamp: datetime.datetime
    sets: list[str]
    xml: str


class OAIError(Exception):
    def __init__(self, code: str, message: str):
        super().__init__(message)
        self.code = code


def parse_datestamp(value: str, end_of_day: bool = False) -> datetime.datetime:
    """Day or seconds granularity, as OAI-PMH allows; raises ``ValueError`` for anything else."""
    if len(value) == 10:
        day = datetime.date.fromisoformat(value)
        moment = datetime.time.max.replace(microsecond=0) if end_of_day else datetime.time.min
        return datetime.datetime.combine(day, moment, tzinfo=datetime.UTC)
    if not value.endswith("Z") or len(value) != 20:
        raise ValueError(value)
    return datetime.datetime.strptime(value, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=datetime.UTC)


def load_records(path: Path) -> list[StoredRecord]:
    tree = etree.parse(str(path))
    records = []
    for element in tree.iter(f"{OAI}record"):
        header = element.find(f"{OAI}header")
        records.append(
            StoredRecord(
                datestamp=parse_datestamp(header.findtext(f"{OAI}datestamp")),
                sets=[spec.text for spec in header.findall(f"{OAI}setSpec")],
                xml=etree.tostring(element, encoding="unicode"),
            )
        )
    return records


class OAIServer:
    def __init__(self, identify: Path, records: Path, page_size: int = 2):
        self.identify_xml = etree.tostring(
            etree.parse(str(identify)).find(f"{OAI}Identify"), encoding="unicode"
        )
        self.page_size = page_size
        self.requests: list[dict[str, str]] = []
        self._tokens: dict[str, tuple[list[StoredRecord], int]] = {}
        self._lock = threading.Lock()
        self.load(records)
        self.url = ""

    def load(self, records: Path) -> None:
        self.records = load_records(records)

    def answer(self, query: dict[str, list[str]]) -> str:
        if any(len(values) > 1 for values in query.values()):
            raise OAIError("badArgument", "repeated argument")
        arguments = {name: values[0] for name, values in query.items()}
        with self._lock:
            self.requests.append(dict(arguments))
        verb = arguments.pop("verb", "")
        if verb == "Identify":
            return self.identify_xml
        if verb == "ListRecords":
            return self.list_records(arguments)
        raise OAIError("badVerb", f"illegal verb {verb!r}")

    def list_records(self, arguments: dict[str, str]) -> str:
        if "resumptionToken" in arguments:
            if set(arguments) != {"resumptionToken"}:
                raise OAIError("badArgument", "resumptionToken is an exclusive argument")
            with self._lock:
                selected, offset = self._tokens.get(arguments["resumptionToken"], (None, 0))
            if selected is None:
                raise OAIError("badResumptionToken", "unknown or expired token")
        else:
            selected, offset = self._select(arguments), 0
        page = selected[offset : offset + self.page_size]
        end = offset + len(page)
        token = ""
        if end < len(selected):
            token = f"page-{len(self._tokens) + 1}"
            with self._lock:
                self._tokens[token] = (selected, end)
        resumption = (
            f'<resumptionToken completeListSize="{len(selected)}" cursor="{offset}">{token}</resumptionToken>'
            if token or offset
            else ""
        )
        return f"<ListRecords>{''.join(record.xml for record in page)}{resumption}</ListRecords>"

    def _select(self, arguments: dict[str, str]) -> list[StoredRecord]:
        allowed = {"metadataPrefix", "from", "until", "set"}
        if set(arguments) - allowed:
            raise OAIError("badArgument", f"unexpected arguments {sorted(set(arguments) - allowed)}")
        if arguments.get("metadataPrefix") != "oai_dc":
            raise OAIError("cannotDisseminateFormat", "only oai_dc is served")
        try:
            start = parse_datestamp(arguments["from"]) if "from" in arguments else None
            end = parse_datestamp(arguments["until"], end_of_day=True) if "until" in arguments else None
        except ValueError:
            raise OAIError("badArgument", "from/until must be YYYY-MM-DD or YYYY-MM-DDThh:mm:ssZ") from None
        selected = [
            record
            for record in self.records
            if (start is None or record.datestamp >= start)
            and (end is None or record.datestamp <= end)
            and ("set" not in arguments or arguments["set"] in record.sets)
        ]
        if not selected:
            raise OAIError("noRecordsMatch", "no records match the request")
        return selected


def _handler(server: OAIServer):
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):
            query = parse_qs(urlsplit(self.path).query, keep_blank_values=True)
            attributes = "".join(
                f" {name}={quoteattr(values[0])}" for name, values in query.items() if name != "verb"
            )
            verb = query.get("verb", [""])[0]
            try:
                body = server.answer(query)
                request = f"<request verb={quoteattr(verb)}{attributes}>{escape(server.url)}</request>"
            except OAIError as error:
                request = f"<request>{escape(server.url)}</request>"
                body = f'<error code="{error.code}">{escape(str(error))}</error>'
            now = datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
            payload = ENVELOPE.format(now=now, request=request, body=body).encode()
            self.send_response(200)
            self.send_header("Content-Type", "text/xml; charset=utf-8")
            self.send_header("Content-Length", str(len(payload)))
            self.end_headers()
            self.wfile.write(payload)

        def log_message(self, format, *args):
            pass

    return Handler


@contextmanager
def oai_server(records: str = "records-march.xml", page_size: int = 2):
    """Serve ``data/oai/<records>`` on a free port of 127.0.0.1; yields the ``OAIServer``."""
    server = OAIServer(DATA / "identify.xml", DATA / records, page_size=page_size)
    http = ThreadingHTTPServer(("127.0.0.1", 0), _handler(server))
    server.url = f"http://127.0.0.1:{http.server_address[1]}/oai/request"
    thread = threading.Thread(target=http.serve_forever, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        http.shutdown()
        http.server_close()
        thread.join()


# --- scripted answers ---------------------------------------------------------------------------
DC_RECORD = (
    "<record><header><identifier>oai:kho.example.vn:{number}</identifier>"
    "<datestamp>{datestamp}</datestamp></header><metadata>"
    '<oai_dc:dc xmlns:oai_dc="http://www.openarchives.org/OAI/2.0/oai_dc/" '
    'xmlns:dc="http://purl.org/dc/elements/1.1/">'
    "<dc:title>Tài liệu số {number}</dc:title>{identifiers}<dc:rights>CC BY 4.0</dc:rights>"
    "</oai_dc:dc></metadata></record>"
)


def dc_record(number: int, *urls: str, datestamp: str = "2026-03-01T08:00:00Z") -> str:
    """One ``oai_dc`` record with the licence CC BY 4.0 and ``urls`` as its ``dc:identifier``s."""
    urls = urls or (f"https://kho.example.vn/handle/{number}",)
    identifiers = "".join(f"<dc:identifier>{escape(url)}</dc:identifier>" for url in urls)
    return DC_RECORD.format(number=number, datestamp=datestamp, identifiers=identifiers)


def list_records_page(records: list[str], token: str = "") -> bytes:
    resumption = f"<resumptionToken>{escape(token)}</resumptionToken>" if token else ""
    body = f"<ListRecords>{''.join(records)}{resumption}</ListRecords>"
    return ENVELOPE.format(now="2026-03-10T02:00:00Z", request="<request/>", body=body).encode()


def send(handler: BaseHTTPRequestHandler, body: bytes, content_type="text/xml; charset=utf-8", status=200):
    handler.send_response(status)
    handler.send_header("Content-Type", content_type)
    handler.send_header("Content-Length", str(len(body)))
    handler.end_headers()
    handler.wfile.write(body)


def redirect(handler: BaseHTTPRequestHandler, location: str, status: int = 302):
    handler.send_response(status)
    handler.send_header("Location", location)
    handler.send_header("Content-Length", "0")
    handler.end_headers()


def trickle(handler: BaseHTTPRequestHandler, every: float = 0.1, limit: float = 10.0):
    """A valid start of an answer, then one byte every ``every`` seconds (for ``limit`` at most)."""
    handler.send_response(200)
    handler.send_header("Content-Type", "text/xml; charset=utf-8")
    handler.send_header("Content-Length", "100000")
    handler.end_headers()
    ends = time.monotonic() + limit
    try:
        while time.monotonic() < ends:
            handler.wfile.write(b" ")
            handler.wfile.flush()
            time.sleep(every)
    except OSError:
        pass  # the client gave up, as it should


@dataclass
class Scripted:
    """What ``scripted_server`` serves: ``answer(handler)`` writes each answer."""

    answer: Callable[[BaseHTTPRequestHandler], None]
    requests: list[str] = field(default_factory=list)  # paths asked for, in order
    url: str = ""  # the server's root, http://HOST:PORT
    port: int = 0


@contextmanager
def scripted_server(
    answer: Callable[[BaseHTTPRequestHandler], None],
    host: str = "127.0.0.1",
    tls: ssl.SSLContext | None = None,
):
    """Serve ``answer`` on a free port of ``host``, a loopback address (GET and HEAD), over TLS
    with the ``tls`` server context if given; yields the ``Scripted``."""
    scripted = Scripted(answer)

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):
            scripted.requests.append(self.path)
            scripted.answer(self)

        do_HEAD = do_GET

        def log_message(self, format, *args):
            pass

    http = ThreadingHTTPServer((host, 0), Handler)
    http.daemon_threads = True
    if tls is not None:
        http.socket = tls.wrap_socket(http.socket, server_side=True)
    scripted.port = http.server_address[1]
    scripted.url = f"{'https' if tls else 'http'}://{host}:{scripted.port}"
    thread = threading.Thread(target=http.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield scripted
    finally:
        http.shutdown()
        http.server_close()
        thread.join()


@dataclass
class Listening:
    port: int
    contacts: list = field(default_factory=list)  # peers that connected


@contextmanager
def listener(host: str = "127.0.0.1"):
    """A socket on ``host`` that only notes who connects, then hangs up: proof that nothing came."""
    server = socket.create_server((host, 0))
    server.settimeout(0.05)
    listening = Listening(server.getsockname()[1])
    stop = threading.Event()

    def accept():
        while not stop.is_set():
            try:
                connection, peer = server.accept()
            except TimeoutError:
                continue
            listening.contacts.append(peer)
            connection.close()

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    try:
        yield listening
    finally:
        stop.set()
        thread.join()
        server.close()


class HostileRepository:
    """ListRecords pages of ``per_page`` new records each; ``token(n)`` is the resumption token
    after the n-th page ("" ends the list). After ``limit`` pages the list ends whatever the
    tokens say, so a harvester that follows them forever still finishes (and the test sees it)."""

    def __init__(self, token: Callable[[int], str], per_page: int = 2, limit: int = 50):
        self.token, self.per_page, self.limit = token, per_page, limit
        self.pages = 0
        self.on_page: Callable[[int], None] = lambda number: None

    def __call__(self, handler: BaseHTTPRequestHandler) -> None:
        self.pages += 1
        self.on_page(self.pages)
        first = (self.pages - 1) * self.per_page + 1
        records = [dc_record(number) for number in range(first, first + self.per_page)]
        token = self.token(self.pages) if self.pages < self.limit else ""
        send(handler, list_records_page(records, token))
