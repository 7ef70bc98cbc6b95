"""The admin report: who sees which organisation's figures, the chart, and the exports."""

import csv
import io

import openpyxl
import pytest
from bs4 import BeautifulSoup
from django.urls import reverse

from portal.usage import recording
from tests.usage.conftest import PHONE

pytestmark = pytest.mark.django_db


@pytest.fixture
def two_organisations(client, make_resource):
    """Views of one resource of each of two organisations, and a download of the first."""
    ours = make_resource(title="Kỹ thuật trồng chè an toàn")
    theirs = make_resource(
        organisation_slug="cao-dang-y-te", organisation_name="Trường Cao đẳng Y tế", title="Sơ cứu tại nhà"
    )
    for _view in range(3):
        client.get(ours.url, HTTP_USER_AGENT=PHONE)
    client.get(theirs.url, HTTP_USER_AGENT=PHONE)
    document = ours.files.first().document
    client.get(reverse("media:download", args=[document.pk, document.filename]), HTTP_USER_AGENT=PHONE)
    recording.flush()
    return ours, theirs


def page_tables(html: str) -> list[list[list[str]]]:
    soup = BeautifulSoup(html, "html.parser")
    return [
        [
            [
                text if number == 0 or row.find("th", scope="col") else text.replace(".", "")  # 1.234 = 1234
                for number, text in enumerate(
                    cell.get_text(strip=True) for cell in row.find_all(["th", "td"])
                )
            ]
            for row in table.find_all("tr")
            if "usage-empty" not in row.get("class", [])  # "no figures yet": no row in the files
        ]
        for table in soup.select("table.usage-table")
    ]


def test_a_contributor_sees_only_its_own_organisation(client, two_organisations, admin_user_in):
    ours, theirs = two_organisations
    client.force_login(admin_user_in("thanh-vien", ours.organisation.group))

    page = client.get(reverse("usage_admin:report"))
    other = client.get(reverse("usage_admin:report"), {"organisation": theirs.organisation.slug})
    other_export = client.get(
        reverse("usage_admin:export", args=["xlsx"]), {"organisation": theirs.organisation.slug}
    )

    assert page.status_code == 200
    assert ours.title in page.text and theirs.title not in page.text
    assert len(page_tables(page.text)) == 5  # no search tables: they are province-wide
    assert other.status_code == other_export.status_code == 403
    assert theirs.title not in other.text


def test_someone_in_no_organisation_gets_no_figures(client, two_organisations, admin_user_in):
    client.force_login(admin_user_in("nguoi-ngoai"))

    assert client.get(reverse("usage_admin:report")).status_code == 403
    assert client.get(reverse("usage_admin:export", args=["csv"])).status_code == 403


def test_provincial_editors_see_the_province_and_may_pick_an_organisation(
    client, two_organisations, provincial_editor
):
    ours, theirs = two_organisations
    client.force_login(provincial_editor)

    province = client.get(reverse("usage_admin:report")).text
    one = client.get(reverse("usage_admin:report"), {"organisation": theirs.organisation.slug}).text

    assert ours.title in province and theirs.title in province
    assert f'href="{ours.url}"' in province
    assert theirs.title in one and ours.title not in one
    assert "<svg" in province and 'role="img"' in province and "<desc" in province
    assert len(page_tables(province)) == 7  # with the most frequent searches and those with no result


def test_bad_parameters_give_the_current_year_not_an_error(client, two_organisations, provincial_editor):
    client.force_login(provincial_editor)

    for year in ("abc", "-1", "99999999999999999999", "1800"):
        assert client.get(reverse("usage_admin:report"), {"year": year}).status_code == 200
    assert client.get(reverse("usage_admin:export", args=["pdf"])).status_code == 404


def test_the_xlsx_export_opens_and_matches_the_page(client, two_organisations, provincial_editor):
    ours, _theirs = two_organisations
    client.force_login(provincial_editor)
    page = client.get(reverse("usage_admin:report"))
    export = client.get(reverse("usage_admin:export", args=["xlsx"]))

    workbook = openpyxl.load_workbook(io.BytesIO(export.content))
    sheets = [
        [["" if cell is None else str(cell) for cell in row] for row in sheet.values] for sheet in workbook
    ]
    assert export["Content-Disposition"].endswith('.xlsx"') and "no-store" in export["Cache-Control"]
    assert page_tables(page.text) == sheets
    resources = sheets[1]
    assert resources[1] == [ours.title, "3", "1"]


def test_the_csv_export_holds_the_same_tables(client, two_organisations, provincial_editor):
    client.force_login(provincial_editor)
    page = client.get(reverse("usage_admin:report"))
    export = client.get(reverse("usage_admin:export", args=["csv"]))

    rows = list(csv.reader(io.StringIO(export.content.decode("utf-8-sig"))))
    blocks, block = [], []
    for row in rows:
        if not row:
            blocks.append(block)
            block = []
        else:
            block.append(row)
    blocks.append(block)
    assert [block[1:] for block in blocks] == page_tables(page.text)
