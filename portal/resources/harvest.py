"""Harvesting a contributor's repository over OAI-PMH (DSpace, Invenio, EPrints...) with Sickle.

Each ``oai_dc`` record becomes a link resource in the organisation's section, found again by
its OAI identifier, so harvesting twice updates rather than duplicates. Records without a
licence we recognise are kept as drafts for an editor, since a resource needs a licence to be
published. Deleted records are unpublished. The newest datestamp seen is stored per
organisation, address and set, and the next harvest asks only for what changed since.
"""

from dataclasses import dataclass, field

import requests
from django.utils import timezone
from django.utils.translation import gettext as _
from lxml.etree import XMLSyntaxError
from sickle import Sickle, oaiexceptions

from portal.resources.harvest_mapping import record_row
from portal.resources.importing import save_checked
from portal.resources.importing_pages import UNCHANGED, section_for, unpublish_resource
from portal.resources.importing_rows import RowChecker, RowError
from portal.resources.models import HarvestSource
from search.signals import batched_updates

TIMEOUT_SECONDS = 60
PROTOCOL_ERRORS = (
    oaiexceptions.BadArgument,
    oaiexceptions.BadResumptionToken,
    oaiexceptions.BadVerb,
    oaiexceptions.IdDoesNotExist,
    oaiexceptions.OAIError,
)


class HarvestError(Exception):
    """The repository could not be harvested; ``str()`` says why. Nothing is marked as done."""


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
            for number, record in enumerate(_records(endpoint, set_spec, report.since), start=1):
                header = record.header
                if not since and source.last_datestamp and header.datestamp <= source.last_datestamp:
                    report.unchanged += 1  # ``from`` is inclusive: the newest record of the last harvest
                elif record.deleted:
                    report.unpublished += unpublish_resource(header.identifier, organisation)
                else:
                    _harvest_record(number, record, checker, report)
                latest = max(latest, header.datestamp or "")
    except (oaiexceptions.CannotDisseminateFormat, oaiexceptions.NoMetadataFormat):
        raise HarvestError(_("The repository does not offer Dublin Core (oai_dc) records.")) from None
    except oaiexceptions.NoSetHierarchy:
        raise HarvestError(_("The repository has no sets; harvest it without --set.")) from None
    except (requests.RequestException, XMLSyntaxError, *PROTOCOL_ERRORS) as error:
        raise HarvestError(_problem(endpoint, error)) from None
    source.last_datestamp = latest
    source.last_harvested_at = timezone.now()
    source.save(update_fields=["last_datestamp", "last_harvested_at"])
    report.last_datestamp = latest
    return report


def _records(endpoint: str, set_spec: str, since: str):
    client = Sickle(endpoint, max_retries=2, default_retry_after=10, timeout=TIMEOUT_SECONDS)
    arguments = {"metadataPrefix": "oai_dc"}
    if since:
        arguments["from"] = since
    if set_spec:
        arguments["set"] = set_spec
    try:
        yield from client.ListRecords(**arguments)
    except oaiexceptions.NoRecordsMatch:
        return


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


def _problem(endpoint: str, error: Exception) -> str:
    return _("Harvesting %(endpoint)s failed: %(reason)s") % {
        "endpoint": endpoint,
        "reason": str(error) or error.__class__.__name__,
    }
