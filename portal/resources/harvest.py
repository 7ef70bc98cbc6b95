"""Harvesting a contributor's repository over OAI-PMH (DSpace, Invenio, EPrints...).

Each ``oai_dc`` record becomes a link resource in the organisation's section, found again by
its OAI identifier, so harvesting twice updates rather than duplicates. Records without a
licence we recognise are kept as drafts for an editor, since a resource needs a licence to be
published. Deleted records are unpublished. The newest datestamp seen is stored per
organisation, address and set, and the next harvest asks only for what changed since.

A repository is a server we do not control. Its pages come through ``portal.core.outgoing``
(public addresses only, a deadline and a size limit per page) and are parsed strictly (no
entities, no network, no huge trees) before Sickle's models read the records. One harvest may
spend ``HARVEST_TIME_BUDGET`` seconds, ``HARVEST_PAGE_BUDGET`` pages and ``HARVEST_RECORD_BUDGET``
records, and stops when a resumption token comes round again. A harvest that stops keeps what
it harvested but leaves the stored datestamp where it was: records come in no promised order,
so moving it could skip records not yet seen.
"""

import re
import time
from dataclasses import dataclass, field
from time import monotonic
from urllib.parse import urlencode

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _
from lxml import etree
from sickle.models import Record

from portal.core.outgoing import OutgoingError, fetch
from portal.resources.harvest_mapping import record_row
from portal.resources.importing import save_checked
from portal.resources.importing_pages import UNCHANGED, section_for, unpublish_resource
from portal.resources.importing_rows import RowChecker, RowError
from portal.resources.models import HarvestSource
from search.signals import batched_updates

OAI = "{http://www.openarchives.org/OAI/2.0/}"
# The two granularities of OAI-PMH datestamps.
DATESTAMP = re.compile(r"^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}:\d{2}Z)?$")
XML_TYPES = {"text/xml", "application/xml"}
RETRIES, RETRY_WAIT, RETRY_WAIT_LIMIT = 2, 10, 60  # for "503, come back in a while" answers
REASON_LIMIT = 300  # characters of a repository's own error text kept in the log


class HarvestError(Exception):
    """The harvest could not start or did not finish; ``str()`` says why.

    ``report`` counts what was harvested before it stopped (kept); the stored datestamp is not moved.
    """

    def __init__(self, message: str, report: "HarvestReport | None" = None):
        super().__init__(message)
        self.report = report


@dataclass
class HarvestReport:
    created: int = 0
    updated: int = 0
    drafts: int = 0
    unpublished: int = 0
    unchanged: int = 0
    rejected: list[tuple[str, list[str]]] = field(default_factory=list)
    since: str = ""
    last_datestamp: str = ""
    records: int = 0  # records read, whatever became of them


def harvest(
    endpoint: str,
    organisation,
    *,
    set_spec: str = "",
    since: str = "",
) -> HarvestReport:
    """Harvest ``endpoint`` into ``organisation``'s section; ``since`` overrides the stored datestamp."""
    section_for(organisation)  # fails early, with its message, for an organisation without a section
    source, _created = HarvestSource.objects.get_or_create(
        organisation=organisation, endpoint=endpoint, set_spec=set_spec
    )
    report = HarvestReport(since=since or source.last_datestamp)
    checker = RowChecker(organisation=organisation, unknown_terms="ignore", publish=False)
    latest = source.last_datestamp
    try:
        with batched_updates():  # one indexing pass for the whole harvest
            for element in _record_elements(endpoint, set_spec, report.since, _Budget()):
                report.records += 1
                record = _read_record(element, report)
                if record is None:
                    continue
                header = record.header
                if not since and source.last_datestamp and header.datestamp <= source.last_datestamp:
                    report.unchanged += 1  # ``from`` is inclusive: the newest record of the last harvest
                elif record.deleted:
                    report.unpublished += unpublish_resource(header.identifier, organisation)
                else:
                    _harvest_record(report.records, record, checker, report)
                latest = max(latest, header.datestamp)
    except HarvestError as error:
        raise HarvestError(_with_what_is_kept(str(error), report, source), report) from None
    source.last_datestamp = latest
    source.last_harvested_at = timezone.now()
    source.save(update_fields=["last_datestamp", "last_harvested_at"])
    report.last_datestamp = latest
    return report


class _Budget:
    """What one harvest may still spend: seconds, pages and records (the ``HARVEST_*`` settings)."""

    def __init__(self):
        self.ends = monotonic() + settings.HARVEST_TIME_BUDGET
        self.pages = self.records = 0

    def remaining(self) -> float:
        remaining = self.ends - monotonic()
        if remaining <= 0:
            raise HarvestError(
                _("Stopped after %(minutes)s minutes, the longest one harvest may run.")
                % {"minutes": f"{settings.HARVEST_TIME_BUDGET / 60:g}"}
            )
        return remaining

    def next_page(self) -> None:
        if self.pages >= settings.HARVEST_PAGE_BUDGET:
            raise HarvestError(
                _("Stopped after %(count)d pages, the most one harvest may fetch.") % {"count": self.pages}
            )
        self.remaining()
        self.pages += 1

    def next_record(self) -> None:
        if self.records >= settings.HARVEST_RECORD_BUDGET:
            raise HarvestError(
                _("Stopped after %(count)d records, the most one harvest may read.") % {"count": self.records}
            )
        self.remaining()
        self.records += 1


def _record_elements(endpoint: str, set_spec: str, since: str, budget: _Budget):
    """The ``record`` elements of every page of the list, following resumption tokens once each."""
    arguments = {"verb": "ListRecords", "metadataPrefix": "oai_dc"}
    if since:
        arguments["from"] = since
    if set_spec:
        arguments["set"] = set_spec
    tokens_seen = set()
    while True:
        page = _list_records(endpoint, arguments, budget)
        if page is None:
            return
        for element in page.iterfind(f"{OAI}record"):
            budget.next_record()
            yield element
        token = (page.findtext(f"{OAI}resumptionToken") or "").strip()
        if not token:
            return
        if token in tokens_seen:
            raise HarvestError(
                _(
                    "The repository sent the resumption token “%(token)s” a second time; the harvest "
                    "stopped rather than go round in circles."
                )
                % {"token": token[:100]}
            )
        tokens_seen.add(token)
        arguments = {"verb": "ListRecords", "resumptionToken": token}


def _list_records(endpoint: str, arguments: dict, budget: _Budget):
    """The ``ListRecords`` element of one page, or None when no record matches."""
    budget.next_page()
    separator = "&" if "?" in endpoint else "?"
    try:
        response = _get(f"{endpoint}{separator}{urlencode(arguments)}", budget)
    except OutgoingError as error:
        raise HarvestError(_problem(endpoint, str(error))) from None
    root = _parse(endpoint, response)
    error = root.find(f"{OAI}error")
    if error is not None:
        return _protocol_error(endpoint, error)
    page = root.find(f"{OAI}ListRecords")
    if page is None:
        raise HarvestError(_problem(endpoint, _("the answer holds no list of records")))
    return page


def _get(url: str, budget: _Budget):
    """The page, asked again (at most ``RETRIES`` times) while the repository says it is busy."""
    for _retry in range(RETRIES):
        response = _fetch_page(url, budget)
        if response.status != 503:
            return response
        asked = response.headers.get("Retry-After", "").strip()
        time.sleep(min(int(asked) if asked.isdigit() else RETRY_WAIT, RETRY_WAIT_LIMIT, budget.remaining()))
    return _fetch_page(url, budget)


def _fetch_page(url: str, budget: _Budget):
    deadline = min(settings.OUTGOING_DEADLINE, budget.remaining())
    return fetch(url, headers={"Accept": "text/xml, application/xml"}, deadline=deadline)


def _parse(endpoint: str, response):
    """The OAI-PMH document of an answer; anything else (an error page, a web page) stops the harvest."""
    if response.status != 200:
        raise HarvestError(
            _problem(
                endpoint,
                _("the repository answered with HTTP status %(status)d") % {"status": response.status},
            )
        )
    kind = response.content_type
    if kind and kind not in XML_TYPES and not kind.endswith("+xml"):
        raise HarvestError(
            _problem(endpoint, _("the answer is %(type)s, not OAI-PMH XML") % {"type": kind[:100]})
        )
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, load_dtd=False)
    try:
        root = etree.fromstring(response.body, parser)
    except etree.XMLSyntaxError as error:
        raise HarvestError(
            _problem(endpoint, _("the answer is not well-formed XML (%(error)s)") % {"error": error})
        ) from None
    if root.tag != f"{OAI}OAI-PMH":
        raise HarvestError(_problem(endpoint, _("the answer is not an OAI-PMH response")))
    return root


def _protocol_error(endpoint: str, error) -> None:
    code = error.get("code", "")
    if code == "noRecordsMatch":
        return None
    if code in {"cannotDisseminateFormat", "noMetadataFormats"}:
        raise HarvestError(_("The repository does not offer Dublin Core (oai_dc) records."))
    if code == "noSetHierarchy":
        raise HarvestError(_("The repository has no sets; harvest it without --set."))
    raise HarvestError(_problem(endpoint, (error.text or "").strip() or code or _("an unnamed error")))


def _read_record(element, report: HarvestReport) -> Record | None:
    """Sickle's reading of one record; None, and the record rejected, when it cannot be used."""
    try:
        record = Record(element)
        identifier, datestamp = record.header.identifier, record.header.datestamp
    except (AttributeError, IndexError, TypeError):  # no header, or no metadata in a live record
        record, identifier, datestamp = None, None, None
    if record is not None and identifier and DATESTAMP.match(datestamp or ""):
        return record
    label = (identifier or "")[:200] or _("record %(number)d") % {"number": report.records}
    report.rejected.append(
        (label, [_("the record has no identifier, no datestamp like 2026-03-01 or no Dublin Core metadata")])
    )
    return None


def _harvest_record(number: int, record, checker: RowChecker, report: HarvestReport) -> None:
    identifier = record.header.identifier
    try:
        data = checker.check(record_row(number, identifier, record.metadata, checker.licences))
        publish = data.licence is not None
        outcome = save_checked(data, publish=publish)
    except RowError as error:
        report.rejected.append((identifier, error.reasons))
        return
    setattr(report, outcome, getattr(report, outcome) + 1)
    report.drafts += outcome != UNCHANGED and not publish


def _with_what_is_kept(message: str, report: HarvestReport, source: HarvestSource) -> str:
    if not report.records:
        return message
    if source.last_datestamp:
        kept = _("What was harvested is kept; the next harvest starts again from %(datestamp)s.") % {
            "datestamp": source.last_datestamp
        }
    else:
        kept = _("What was harvested is kept; the next harvest starts again from the beginning.")
    return f"{message} {kept}"


def _problem(endpoint: str, reason: str) -> str:
    return _("Harvesting %(endpoint)s failed: %(reason)s") % {
        "endpoint": endpoint,
        "reason": reason[:REASON_LIMIT],
    }
