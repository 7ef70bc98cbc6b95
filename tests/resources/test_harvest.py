"""``manage.py harvest_oai`` against a real OAI-PMH server serving recorded DSpace responses."""

import io

import pytest
from django.core.management import CommandError, call_command
from wagtail.models import Revision

from portal.resources.models import HarvestSource, LearningResourcePage
from tests.resources.oai_server import DATA, oai_server
from tests.resources.test_import_command import GOOD_ROWS, run_import, write_csv

RECORD = "oai:lrc.tnu.edu.vn:123456789/{}".format


@pytest.fixture
def repository(settings):
    """The test repository runs on this machine, allowed as an internal host would be in production."""
    settings.OUTGOING_ALLOWED_HOSTS = ["127.0.0.1"]
    with oai_server("records-march.xml", page_size=2) as server:
        yield server


@pytest.fixture
def contributor(section, vocabularies):
    return section.organisation


def run_harvest(url, *args, organisation="dai-hoc-thai-nguyen"):
    out, err = io.StringIO(), io.StringIO()
    arguments = [url, "--organisation", organisation, *args, "--language", "en"]
    try:
        call_command("harvest_oai", *arguments, stdout=out, stderr=err)
    except CommandError as error:
        return error.returncode, out.getvalue(), err.getvalue() + str(error)
    return 0, out.getvalue(), err.getvalue()


def harvested():
    return {
        page.identifier: page for page in LearningResourcePage.objects.filter(identifier__startswith="oai:")
    }


def test_first_harvest_maps_dublin_core_to_link_resources(contributor, repository):
    code, out, err = run_harvest(repository.url)

    assert code == 0, err
    assert "5 created, 0 updated (1 left as drafts without a known licence)" in out
    assert "Next harvest starts from 2026-03-05T07:20:00Z." in out
    pages = harvested()
    assert sorted(pages) == [RECORD(number) for number in range(1021, 1026)]
    skills = pages[RECORD(1021)]
    assert skills.live
    assert skills.title == "Kỹ năng số cơ bản cho người cao tuổi"
    assert skills.resource_type == "link"
    assert skills.external_url == "http://lrc.tnu.edu.vn/handle/123456789/1021"
    assert skills.authors == "Nguyễn Thị Hoa; Trần Văn Minh"
    assert skills.summary.startswith("Hướng dẫn từng bước")
    assert list(skills.subjects.values_list("slug", flat=True)) == ["ky-nang-so"]  # keywords are not terms
    assert str(skills.date_issued) == "2025-09-15"  # the issue date, not the accession date
    assert skills.licence.code == "CC-BY-SA-4.0"
    assert skills.organisation == contributor
    assert skills.get_parent().specific.organisation == contributor
    assert pages[RECORD(1022)].licence.code == "CC-BY-4.0"  # "CC BY 4.0" as text
    assert list(pages[RECORD(1022)].languages.values_list("slug", flat=True)) == ["vi"]  # "vie"
    assert pages[RECORD(1023)].licence.code == "CC0-1.0"
    assert str(pages[RECORD(1023)].date_issued) == "2023-06-01"
    tay = pages[RECORD(1025)]
    assert tay.licence.code == "CC-BY-NC-SA-4.0"  # legalcode URL
    assert sorted(tay.languages.values_list("slug", flat=True)) == ["tyz", "vi"]
    thesis = pages[RECORD(1024)]
    assert not thesis.live and thesis.licence is None  # "Bản quyền thuộc về tác giả": an editor decides


def test_harvest_follows_resumption_tokens(contributor, repository):
    run_harvest(repository.url)

    assert repository.requests == [
        {"verb": "ListRecords", "metadataPrefix": "oai_dc"},
        {"verb": "ListRecords", "resumptionToken": "page-1"},
        {"verb": "ListRecords", "resumptionToken": "page-2"},
    ]
    assert len(harvested()) == 5


def test_incremental_harvest_updates_adds_and_unpublishes(contributor, repository):
    run_harvest(repository.url)
    first_pks = {identifier: page.pk for identifier, page in harvested().items()}
    repository.load(DATA / "records-april.xml")
    repository.requests.clear()

    code, out, err = run_harvest(repository.url)

    assert code == 0, err
    assert repository.requests[0] == {
        "verb": "ListRecords",
        "metadataPrefix": "oai_dc",
        "from": "2026-03-05T07:20:00Z",
    }
    assert "Records changed since 2026-03-05T07:20:00Z." in out
    assert (
        "1 created, 1 updated (0 left as drafts without a known licence), 1 unpublished, 1 unchanged" in out
    )
    pages = harvested()
    assert len(pages) == 6
    assert {identifier: pages[identifier].pk for identifier in first_pks} == first_pks
    assert pages[RECORD(1021)].title == "Kỹ năng số cơ bản cho người cao tuổi (tái bản lần 2)"
    assert pages[RECORD(1021)].live
    assert not pages[RECORD(1022)].live  # withdrawn in the repository
    assert pages[RECORD(1026)].live and pages[RECORD(1026)].title == "Sơ cứu ban đầu tại gia đình"
    source = HarvestSource.objects.get(organisation=contributor, endpoint=repository.url, set_spec="")
    assert source.last_datestamp == "2026-04-04T14:00:00Z"
    assert source.last_harvested_at is not None

    repository.requests.clear()
    code, out, _err = run_harvest(repository.url)
    assert (
        "0 created, 0 updated (0 left as drafts without a known licence), 0 unpublished, 1 unchanged" in out
    )
    assert repository.requests[0]["from"] == "2026-04-04T14:00:00Z"


def test_set_and_from_select_records_and_are_remembered_per_set(contributor, repository):
    code, out, _err = run_harvest(repository.url, "--set", "col_123456789_9")
    assert code == 0
    assert sorted(harvested()) == [RECORD(1024)]

    code, out, _err = run_harvest(repository.url, "--set", "col_123456789_7", "--from", "2026-03-03")
    assert code == 0
    assert "2 created" in out
    assert sorted(harvested()) == [RECORD(1023), RECORD(1024), RECORD(1025)]
    assert dict(HarvestSource.objects.values_list("set_spec", "last_datestamp")) == {
        "col_123456789_9": "2026-03-04T11:45:00Z",
        "col_123456789_7": "2026-03-05T07:20:00Z",
    }


def test_a_record_clashing_with_another_organisations_identifier_is_rejected(
    contributor, repository, tmp_path
):
    from tests.resources.factories import LearningResourcePageFactory, OrganisationSectionPageFactory

    other = OrganisationSectionPageFactory(
        parent=contributor.sections.get().get_parent(), organisation__slug="khac"
    )
    LearningResourcePageFactory(parent=other, identifier=RECORD(1023), organisation=other.organisation)

    code, out, err = run_harvest(repository.url)

    assert code == 1
    assert f"{RECORD(1023)}: identifier “{RECORD(1023)}” already belongs to a resource of" in err
    assert "4 created" in out


def test_deleted_record_never_unpublishes_another_organisations_resource(contributor, repository, library):
    from tests.resources.factories import LearningResourcePageFactory, OrganisationSectionPageFactory

    other = OrganisationSectionPageFactory(parent=library, organisation__slug="khac")
    page = LearningResourcePageFactory(parent=other, identifier=RECORD(1022), organisation=other.organisation)
    repository.load(DATA / "records-april.xml")

    _code, out, _err = run_harvest(repository.url, "--set", "col_123456789_7")

    page.refresh_from_db()
    assert page.live
    assert "0 unpublished" in out


def test_imported_resource_is_not_touched_by_a_harvest_of_other_identifiers(
    contributor, repository, tmp_path
):
    run_import(write_csv(tmp_path / "good.csv", GOOD_ROWS[1:2]), "--organisation", "dai-hoc-thai-nguyen")

    run_harvest(repository.url)

    assert LearningResourcePage.objects.get(identifier="tnu-tay-002").live


@pytest.mark.parametrize(
    ("url", "arguments", "organisation", "message"),
    [
        ("ftp://lrc.tnu.edu.vn/oai", [], "dai-hoc-thai-nguyen", "is not an http(s) address"),
        ("http://127.0.0.1:9/oai", ["--from", "03/2026"], "dai-hoc-thai-nguyen", "--from takes a date like"),
        ("http://127.0.0.1:9/oai", [], "khong-co", "No organisation with the slug “khong-co”."),
    ],
)
def test_bad_arguments_get_clear_messages(contributor, url, arguments, organisation, message):
    code, _out, err = run_harvest(url, *arguments, organisation=organisation)

    assert code == 1
    assert message in err


def test_unreachable_or_failing_repository_fails_cleanly_and_keeps_the_datestamp(contributor, repository):
    code, _out, err = run_harvest("http://127.0.0.1:9/oai/request")
    assert code == 1
    assert "Harvesting http://127.0.0.1:9/oai/request failed" in err

    code, _out, err = run_harvest(repository.url, "--from", "2026-13-45")
    assert code == 1
    assert "failed: from/until must be" in err
    assert not HarvestSource.objects.exclude(last_datestamp="").exists()


def test_empty_result_is_not_an_error(contributor, repository):
    code, out, _err = run_harvest(repository.url, "--from", "2027-01-01")

    assert code == 0
    assert "0 created, 0 updated" in out


def test_harvesting_everything_again_adds_no_revisions(contributor, repository):
    run_harvest(repository.url)
    revisions = Revision.objects.count()

    code, out, _err = run_harvest(repository.url, "--from", "2019-01-01")

    assert code == 0
    assert (
        "0 created, 0 updated (0 left as drafts without a known licence), 0 unpublished, 5 unchanged" in out
    )
    assert Revision.objects.count() == revisions
