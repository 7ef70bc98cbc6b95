"""A small OAI-PMH 2.0 data provider for the harvest tests, serving recorded DSpace responses.

The records of a recorded ListRecords response are the repository's contents; the server answers
Identify, ListRecords (``oai_dc`` only) with ``from``/``until``/``set`` selection, pages of
``page_size`` records chained by resumption tokens, deleted records, and the protocol's error
codes. ``load()`` swaps the contents between harvests, as a repository changes over time.
"""

import datetime
import threading
from contextlib import contextmanager
from dataclasses import dataclass
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
