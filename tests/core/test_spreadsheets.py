"""Admin exports open safely in Excel and LibreOffice: text never runs as a formula."""

import csv
import io

import pytest
from django.urls import reverse

from portal.core.spreadsheets import neutralise_formula
from tests.factories import StandardPageFactory
from tests.resources.factories import OrganisationFactory

HOSTILE_TITLE = '=HYPERLINK("http://example.com/x","Bấm vào đây")'


@pytest.mark.parametrize(
    ("written", "exported"),
    [
        (HOSTILE_TITLE, "'" + HOSTILE_TITLE),
        ("@SUM(A1:A9)", "'@SUM(A1:A9)"),
        ("+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0"),
        ("-2+3+cmd|' /C calc'!A0", "'-2+3+cmd|' /C calc'!A0"),
        ("+84 912 345 678", "+84 912 345 678"),
        ("-12,5", "-12,5"),
        ("0208 3855 123", "0208 3855 123"),
        ("Học tập suốt đời", "Học tập suốt đời"),
        (42, 42),
    ],
)
def test_formula_like_text_is_neutralised_and_numbers_keep_their_value(written, exported):
    assert neutralise_formula(written) == exported


def _rows(response) -> list[list[str]]:
    body = b"".join(response.streaming_content) if response.streaming else response.content
    return list(csv.reader(io.StringIO(body.decode("utf-8-sig"))))


def test_organisation_export_neutralises_a_formula_name_and_keeps_the_phone(admin_client):
    OrganisationFactory(name=HOSTILE_TITLE, slug="doc-hai", phone="+84 208 3855 123")

    response = admin_client.get(reverse("wagtailsnippets_organisations_organisation:list") + "?export=csv")

    assert response.status_code == 200
    row = next(row for row in _rows(response)[1:] if row[1] == "doc-hai")
    assert row[0] == "'" + HOSTILE_TITLE
    assert row[-1] == "+84 208 3855 123"


def test_wagtail_report_export_neutralises_page_titles(admin_client, home):
    StandardPageFactory(parent=home, title=HOSTILE_TITLE).save_revision().publish()

    response = admin_client.get(reverse("wagtailadmin_reports:aging_pages") + "?export=csv")

    assert response.status_code == 200
    titles = [row[0] for row in _rows(response)[1:]]
    assert "'" + HOSTILE_TITLE in titles
    assert HOSTILE_TITLE not in titles
