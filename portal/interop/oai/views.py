"""``/oai``: the OAI-PMH 2.0 responses, as XML the official schema accepts."""

import datetime
from email.utils import parseaddr
from xml.etree import ElementTree as ET

from django.conf import settings
from django.db.models import Min
from django.http import HttpResponse
from django.utils import timezone
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from portal.interop.models import DeletedRecord
from portal.interop.oai import protocol, records
from portal.resources.models import LearningResourcePage

OAI = "http://www.openarchives.org/OAI/2.0/"
OAI_DC = "http://www.openarchives.org/OAI/2.0/oai_dc/"
DC = "http://purl.org/dc/elements/1.1/"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
OAI_IDENTIFIER = "http://www.openarchives.org/OAI/2.0/oai-identifier"
for _prefix, _uri in (("", OAI), ("oai_dc", OAI_DC), ("dc", DC), ("xsi", XSI)):
    ET.register_namespace(_prefix, _uri)
DC_ELEMENTS = [
    "title",
    "creator",
    "subject",
    "description",
    "publisher",
    "contributor",
    "date",
    "type",
    "format",
    "identifier",
    "source",
    "language",
    "relation",
    "coverage",
    "rights",
]


def utc(moment: datetime.datetime) -> str:
    return moment.astimezone(datetime.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _sub(parent, tag: str, text: str | None = None, **attributes):
    element = ET.SubElement(parent, tag, attributes)
    if text is not None:
        element.text = text
    return element


def page_size() -> int:
    return settings.OAI_PAGE_SIZE


def base_url(request) -> str:
    return request.build_absolute_uri(request.path)


def identify(request, parent) -> None:
    node = _sub(parent, f"{{{OAI}}}Identify")
    _sub(node, f"{{{OAI}}}repositoryName", "Học liệu mở Thái Nguyên")
    _sub(node, f"{{{OAI}}}baseURL", base_url(request))
    _sub(node, f"{{{OAI}}}protocolVersion", "2.0")
    admin_email = getattr(settings, "OAI_ADMIN_EMAIL", "") or parseaddr(settings.DEFAULT_FROM_EMAIL)[1]
    _sub(node, f"{{{OAI}}}adminEmail", admin_email)
    earliest = [
        value
        for value in (
            LearningResourcePage.objects.live().aggregate(first=Min("last_published_at"))["first"],
            DeletedRecord.objects.aggregate(first=Min("datestamp"))["first"],
        )
        if value
    ]
    _sub(node, f"{{{OAI}}}earliestDatestamp", utc(min(earliest) if earliest else timezone.now()))
    _sub(node, f"{{{OAI}}}deletedRecord", "persistent")
    _sub(node, f"{{{OAI}}}granularity", "YYYY-MM-DDThh:mm:ssZ")
    description = _sub(node, f"{{{OAI}}}description")
    scheme = _sub(
        description,
        f"{{{OAI_IDENTIFIER}}}oai-identifier",
        **{
            f"{{{XSI}}}schemaLocation": f"{OAI_IDENTIFIER} http://www.openarchives.org/OAI/2.0/oai-identifier.xsd"
        },
    )
    _sub(scheme, f"{{{OAI_IDENTIFIER}}}scheme", "oai")
    _sub(scheme, f"{{{OAI_IDENTIFIER}}}repositoryIdentifier", records.repository_domain())
    _sub(scheme, f"{{{OAI_IDENTIFIER}}}delimiter", ":")
    _sub(scheme, f"{{{OAI_IDENTIFIER}}}sampleIdentifier", records.oai_identifier("TN-HL-2024-0001"))


def metadata_formats(request, parent, arguments) -> None:
    if "identifier" in arguments and records.find(arguments["identifier"]) is None:
        raise protocol.OAIError("idDoesNotExist", f"no record '{arguments['identifier']}'")
    node = _sub(parent, f"{{{OAI}}}ListMetadataFormats")
    format_node = _sub(node, f"{{{OAI}}}metadataFormat")
    _sub(format_node, f"{{{OAI}}}metadataPrefix", protocol.METADATA_PREFIX)
    _sub(format_node, f"{{{OAI}}}schema", "http://www.openarchives.org/OAI/2.0/oai_dc.xsd")
    _sub(format_node, f"{{{OAI}}}metadataNamespace", OAI_DC)


def list_sets(parent) -> None:
    node = _sub(parent, f"{{{OAI}}}ListSets")
    for spec, name in records.all_sets():
        set_node = _sub(node, f"{{{OAI}}}set")
        _sub(set_node, f"{{{OAI}}}setSpec", spec)
        _sub(set_node, f"{{{OAI}}}setName", name)


def header(parent, record: records.Record) -> None:
    node = _sub(parent, f"{{{OAI}}}header", **({"status": "deleted"} if record.deleted else {}))
    _sub(node, f"{{{OAI}}}identifier", record.identifier)
    _sub(node, f"{{{OAI}}}datestamp", utc(record.datestamp))
    for spec in record.sets:
        _sub(node, f"{{{OAI}}}setSpec", spec)


def full_record(parent, record: records.Record) -> None:
    node = _sub(parent, f"{{{OAI}}}record")
    header(node, record)
    if record.deleted:
        return
    metadata = _sub(node, f"{{{OAI}}}metadata")
    dc = _sub(
        metadata,
        f"{{{OAI_DC}}}dc",
        **{f"{{{XSI}}}schemaLocation": f"{OAI_DC} http://www.openarchives.org/OAI/2.0/oai_dc.xsd"},
    )
    for element in DC_ELEMENTS:
        for value in record.dc.get(element, ()):
            _sub(dc, f"{{{DC}}}{element}", value)


def get_record(parent, arguments) -> None:
    record = records.find(arguments["identifier"])
    if record is None:
        raise protocol.OAIError("idDoesNotExist", f"no record '{arguments['identifier']}'")
    full_record(_sub(parent, f"{{{OAI}}}GetRecord"), record)


def list_records(parent, oai_request: protocol.Request) -> None:
    selection = oai_request.selection
    found, next_start = selection.page(oai_request.part, oai_request.after, page_size())
    if not found and oai_request.cursor == 0:
        raise protocol.OAIError("noRecordsMatch", "no records match the request")
    node = _sub(parent, f"{{{OAI}}}{oai_request.verb}")
    for record in found:
        (full_record if oai_request.verb == "ListRecords" else header)(node, record)
    if next_start or oai_request.cursor:
        token = ""
        if next_start:
            part, after = next_start
            token = protocol.token_for(oai_request, part, after, oai_request.cursor + len(found))
        _sub(
            node,
            f"{{{OAI}}}resumptionToken",
            token,
            completeListSize=str(selection.size()),
            cursor=str(oai_request.cursor),
        )


def respond(request, query) -> bytes:
    root = ET.Element(
        f"{{{OAI}}}OAI-PMH",
        {f"{{{XSI}}}schemaLocation": f"{OAI} http://www.openarchives.org/OAI/2.0/OAI-PMH.xsd"},
    )
    _sub(root, f"{{{OAI}}}responseDate", utc(timezone.now()))
    echo = _sub(root, f"{{{OAI}}}request", base_url(request))
    try:
        oai_request = protocol.parse(query)
        echo.attrib.update({"verb": oai_request.verb, **oai_request.arguments})
        if "resumptionToken" in query:
            echo.attrib = {"verb": oai_request.verb, "resumptionToken": query["resumptionToken"]}
        body = ET.Element("body")
        if oai_request.verb == "Identify":
            identify(request, body)
        elif oai_request.verb == "ListMetadataFormats":
            metadata_formats(request, body, oai_request.arguments)
        elif oai_request.verb == "ListSets":
            list_sets(body)
        elif oai_request.verb == "GetRecord":
            get_record(body, oai_request.arguments)
        else:
            list_records(body, oai_request)
        root.extend(body)
    except protocol.OAIError as error:
        if error.request_is_bad:
            echo.attrib.clear()
        _sub(root, f"{{{OAI}}}error", error.message, code=error.code)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True)


@csrf_exempt
@require_http_methods(["GET", "POST", "HEAD"])
def oai_endpoint(request):
    """The data provider; harvesters may send GET or form-encoded POST requests."""
    query = request.POST if request.method == "POST" else request.GET
    return HttpResponse(respond(request, query), content_type="text/xml; charset=utf-8")
