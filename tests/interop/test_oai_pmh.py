"""OAI-PMH 2.0: what a harvester sends and gets, checked against the official schema."""

import datetime
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from lxml import etree

from portal.core.models import Subject
from portal.resources.models import LearningResourcePage
from tests.resources.factories import (
    LearningResourcePageFactory,
    LibraryIndexPageFactory,
    OrganisationSectionPageFactory,
)

pytestmark = pytest.mark.django_db

SCHEMA = etree.XMLSchema(etree.parse(str(Path(__file__).parent / "schemas" / "OAI-PMH.xsd")))
NS = {
    "oai": "http://www.openarchives.org/OAI/2.0/",
    "oai_dc": "http://www.openarchives.org/OAI/2.0/oai_dc/",
    "dc": "http://purl.org/dc/elements/1.1/",
}
DC_ELEMENTS = set(
    [
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
)


def harvest(client, method="get", **arguments) -> etree._Element:
    """A response as a harvester reads it: valid against the OAI-PMH schema, oai_dc checked."""
    response = getattr(client, method)("/oai", arguments)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/xml")
    root = etree.fromstring(response.content)
    SCHEMA.assertValid(root)
    for dc in root.iterfind(".//oai:metadata/oai_dc:dc", NS):
        assert len(dc) > 0
        for element in dc:
            namespace, name = element.tag[1:].split("}")
            assert namespace == NS["dc"] and name in DC_ELEMENTS, element.tag
    return root


def error_code(root) -> str | None:
    error = root.find("oai:error", NS)
    return None if error is None else error.get("code")


def texts(root, path: str) -> list[str]:
    return [node.text for node in root.iterfind(path, NS)]


@pytest.fixture
def section(home):
    library = LibraryIndexPageFactory(parent=home)
    return OrganisationSectionPageFactory(
        parent=library, organisation__name="Đại học Thái Nguyên", organisation__slug="dhtn"
    )


@pytest.fixture
def digital_skills(db):
    return Subject.objects.create(name="Kỹ năng số", name_en="Digital skills", slug="ky-nang-so")


def resource(section, **fields):
    """A resource published as editors publish it (a revision, a publication date)."""
    page = LearningResourcePageFactory(parent=section, **fields)
    page.save_revision().publish()
    return page


def test_identify_names_the_repository_and_its_policies(client, home):
    root = harvest(client, verb="Identify")

    assert error_code(root) is None
    assert texts(root, ".//oai:repositoryName") == ["Học liệu mở Thái Nguyên"]
    assert texts(root, ".//oai:baseURL") == ["http://testserver/oai"]
    assert texts(root, ".//oai:deletedRecord") == ["persistent"]
    assert texts(root, ".//oai:granularity") == ["YYYY-MM-DDThh:mm:ssZ"]


def test_a_record_carries_dublin_core_as_written(client, section, digital_skills):
    page = resource(
        section,
        title="Sử dụng điện thoại thông minh an toàn",
        identifier="TN-HL-2024-0001",
        authors="Nguyễn Thị Hoa; Lý Văn Tiến",
        subjects=[digital_skills],
    )

    root = harvest(
        client, verb="GetRecord", identifier="oai:127.0.0.1:TN-HL-2024-0001", metadataPrefix="oai_dc"
    )

    assert error_code(root) is None
    dc = root.find(".//oai_dc:dc", NS)
    assert texts(dc, "dc:title") == ["Sử dụng điện thoại thông minh an toàn"]
    assert texts(dc, "dc:creator") == ["Nguyễn Thị Hoa", "Lý Văn Tiến"]
    assert texts(dc, "dc:subject") == ["Kỹ năng số"]
    assert texts(dc, "dc:publisher") == ["Đại học Thái Nguyên"]
    assert texts(dc, "dc:date") == ["2024-09-05"]
    assert texts(dc, "dc:type") == ["Text", "Tài liệu"]
    assert f"http://127.0.0.1:8000{page.url}" in texts(dc, "dc:identifier")
    assert "https://creativecommons.org/licenses/by/4.0/" in texts(dc, "dc:rights")
    assert texts(root, ".//oai:header/oai:setSpec") == [
        "subject:ky-nang-so",
        "organisation:dhtn",
        "type:document",
    ]


def test_lists_come_in_pages_that_survive_changes_between_requests(client, section, settings):
    settings.OAI_PAGE_SIZE = 2
    pages = [resource(section, identifier=f"TN-{number}") for number in range(5)]

    first = harvest(client, verb="ListIdentifiers", metadataPrefix="oai_dc")
    token = first.find(".//oai:resumptionToken", NS)
    assert token.get("completeListSize") == "5" and token.get("cursor") == "0"
    pages[0].unpublish()  # already harvested: comes back at the end as deleted
    pages[3].unpublish()  # not yet harvested: comes back as deleted, never lost
    resource(section, identifier="TN-new")

    seen = texts(first, ".//oai:header/oai:identifier")
    while token is not None and token.text:
        page = harvest(client, verb="ListIdentifiers", resumptionToken=token.text)
        seen += [
            header.findtext("oai:identifier", namespaces=NS) + (" deleted" if header.get("status") else "")
            for header in page.iterfind(".//oai:header", NS)
        ]
        token = page.find(".//oai:resumptionToken", NS)

    names = [item.removeprefix("oai:127.0.0.1:") for item in seen]
    assert names == ["TN-0", "TN-1", "TN-2", "TN-4", "TN-new", "TN-0 deleted", "TN-3 deleted"]


def test_a_full_harvest_in_pages_of_ten_ends_with_the_published_set(client, section, settings):
    """45 records in pages of 10; between two pages one harvested and one not yet harvested record
    are withdrawn, one is edited and one is added: the harvester still ends with what is published."""
    settings.OAI_PAGE_SIZE = 10
    pages = [resource(section, identifier=f"TN-{number:02}") for number in range(45)]

    root = harvest(client, verb="ListRecords", metadataPrefix="oai_dc")
    held, pages_read = {}, 1
    while True:
        for record in root.iterfind(".//oai:record", NS):
            header = record.find("oai:header", NS)
            identifier = header.findtext("oai:identifier", namespaces=NS)
            if header.get("status") == "deleted":
                held.pop(identifier, None)
            else:
                held[identifier] = record.findtext(".//dc:title", namespaces=NS)
        if pages_read == 2:
            pages[3].unpublish()
            pages[40].unpublish()
            pages[20].title = "Đã sửa tên giữa hai trang"
            pages[20].save_revision().publish()
            resource(section, identifier="TN-moi")
        token = root.findtext(".//oai:resumptionToken", namespaces=NS)
        if not token:
            break
        root, pages_read = harvest(client, verb="ListRecords", resumptionToken=token), pages_read + 1

    published = {
        f"oai:127.0.0.1:{page.identifier}": page.title
        for page in LearningResourcePage.objects.live().public()
    }
    assert pages_read == 5 and len(published) == 44
    assert held == published


def test_withdrawn_and_deleted_resources_are_reported_as_deleted(client, section):
    resource(section, identifier="TN-kept")
    resource(section, identifier="TN-withdrawn").unpublish()
    resource(section, identifier="TN-deleted").delete()

    root = harvest(client, verb="ListRecords", metadataPrefix="oai_dc")

    deleted = root.xpath("//oai:header[@status='deleted']/oai:identifier/text()", namespaces=NS)
    assert sorted(deleted) == ["oai:127.0.0.1:TN-deleted", "oai:127.0.0.1:TN-withdrawn"]
    assert len(root.findall(".//oai:metadata", NS)) == 1
    gone = harvest(client, verb="GetRecord", identifier="oai:127.0.0.1:TN-deleted", metadataPrefix="oai_dc")
    assert gone.find(".//oai:header", NS).get("status") == "deleted"


def test_republishing_takes_a_resource_off_the_deleted_list(client, section):
    page = resource(section, identifier="TN-back")
    page.unpublish()
    page.save_revision().publish()

    root = harvest(client, verb="ListIdentifiers", metadataPrefix="oai_dc")

    assert root.xpath("//oai:header[@status='deleted']", namespaces=NS) == []


def test_from_and_until_select_by_utc_datestamp_at_both_granularities(client, section):
    old = resource(section, identifier="TN-old")
    type(old).objects.filter(pk=old.pk).update(
        last_published_at=datetime.datetime(2025, 3, 1, 10, 0, 5, tzinfo=datetime.UTC)
    )
    resource(section, identifier="TN-new")

    def harvested(**dates):
        root = harvest(client, verb="ListIdentifiers", metadataPrefix="oai_dc", **dates)
        return [name.rsplit(":", 1)[-1] for name in texts(root, ".//oai:identifier")] or error_code(root)

    assert harvested(until="2025-03-01") == ["TN-old"]
    assert harvested(until="2025-03-01T10:00:05Z") == ["TN-old"]
    assert harvested(until="2025-03-01T10:00:04Z") == "noRecordsMatch"
    assert harvested(**{"from": "2025-03-02"}) == ["TN-new"]
    assert harvested(**{"from": "2025-03-01T10:00:05Z", "until": "2025-03-01T10:00:05Z"}) == ["TN-old"]


def test_sets_select_records_and_are_listed(client, section, digital_skills):
    resource(section, identifier="TN-skills", subjects=[digital_skills])
    resource(section, identifier="TN-other")

    listed = harvest(client, verb="ListSets")
    chosen = harvest(client, verb="ListIdentifiers", metadataPrefix="oai_dc", set="subject:ky-nang-so")

    assert {"subject", "subject:ky-nang-so", "organisation:dhtn", "type:video"} <= set(
        texts(listed, ".//oai:setSpec")
    )
    assert texts(chosen, ".//oai:identifier") == ["oai:127.0.0.1:TN-skills"]


def test_post_requests_are_answered_like_get(client, section):
    resource(section, identifier="TN-post")

    root = harvest(client, method="post", verb="ListIdentifiers", metadataPrefix="oai_dc")

    assert texts(root, ".//oai:identifier") == ["oai:127.0.0.1:TN-post"]


@pytest.mark.parametrize(
    ("query", "code"),
    [
        ("", "badVerb"),
        ("verb=Dance", "badVerb"),
        ("verb=Identify&verb=Identify", "badVerb"),
        ("verb=Identify&extra=1", "badArgument"),
        ("verb=ListRecords", "badArgument"),
        ("verb=ListRecords&metadataPrefix=oai_dc&metadataPrefix=oai_dc", "badArgument"),
        ("verb=ListRecords&metadataPrefix=oai_dc&from=2025-13-01", "badArgument"),
        ("verb=ListRecords&metadataPrefix=oai_dc&from=2025-01-01&until=2025-01-01T00:00:00Z", "badArgument"),
        ("verb=ListRecords&metadataPrefix=oai_dc&from=2025-02-01&until=2025-01-01", "badArgument"),
        ("verb=ListRecords&metadataPrefix=oai_dc&resumptionToken=x", "badArgument"),
        ("verb=ListRecords&metadataPrefix=marc21", "cannotDisseminateFormat"),
        ("verb=GetRecord&metadataPrefix=oai_dc&identifier=oai:127.0.0.1:nothing", "idDoesNotExist"),
        ("verb=ListMetadataFormats&identifier=oai:elsewhere:TN-1", "idDoesNotExist"),
        ("verb=ListRecords&metadataPrefix=oai_dc&set=subject:khong-co", "noRecordsMatch"),
        ("verb=ListIdentifiers&metadataPrefix=oai_dc&until=1990-01-01", "noRecordsMatch"),
        ("verb=ListRecords&resumptionToken=forged", "badResumptionToken"),
        ("verb=ListSets&resumptionToken=forged", "badResumptionToken"),
    ],
)
def test_every_error_is_the_protocols_own(client, section, query, code):
    resource(section, identifier="TN-1")

    response = client.get(f"/oai?{query}")
    root = etree.fromstring(response.content)

    SCHEMA.assertValid(root)
    assert error_code(root) == code
    request = root.find("oai:request", NS)
    if code in {"badVerb", "badArgument"}:
        assert request.attrib == {}


def test_a_token_from_one_list_is_refused_by_another(client, section, settings):
    settings.OAI_PAGE_SIZE = 1
    resource(section, identifier="TN-a")
    resource(section, identifier="TN-b")
    token = harvest(client, verb="ListIdentifiers", metadataPrefix="oai_dc").findtext(
        ".//oai:resumptionToken", namespaces=NS
    )

    root = harvest(client, verb="ListRecords", resumptionToken=token)

    assert error_code(root) == "badResumptionToken"
    assert parse_qs(urlsplit("/oai?x=1").query) == {"x": ["1"]}
