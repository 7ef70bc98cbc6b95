"""The organiser's list of registrants in the admin, and its CSV/XLSX exports: who may see what."""

import csv
import io

import openpyxl
import pytest
from django.urls import reverse

from portal.organisations.roles import PROVINCIAL_EDITOR, group_for
from tests.registrations.factories import RegistrationFactory
from tests.resources.factories import OrganisationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def registrants(event):
    RegistrationFactory(page=event, name="Hoàng Minh Tuấn", phone="0912345678", email="tuan@example.vn")
    RegistrationFactory(page=event, name='=HYPERLINK("http://x","Bấm")', phone="0987654321")
    return event


def page_url(event) -> str:
    return reverse("registrations_admin:page", args=[event.pk])


def export_url(event, file_format: str) -> str:
    return reverse("registrations_admin:export", args=[event.pk, file_format])


@pytest.fixture
def other_member(admin_user_in):
    other = OrganisationFactory(name="Hội Khuyến học xã Đại Phúc", slug="khuyen-hoc-dai-phuc")
    from portal.organisations.contributors import ensure_owned

    ensure_owned(other)
    return admin_user_in("xa-dai-phuc", other.group)


def test_the_organisers_member_sees_the_list_and_gets_both_files(
    client, registrants, organiser_group, admin_user_in
):
    client.force_login(admin_user_in("thu-vien", organiser_group))

    listing = client.get(page_url(registrants))
    index = client.get(reverse("registrations_admin:index"))
    as_csv = client.get(export_url(registrants, "csv"))
    as_xlsx = client.get(export_url(registrants, "xlsx"))

    assert listing.status_code == 200 and "Hoàng Minh Tuấn" in listing.text and "0912 345 678" in listing.text
    assert registrants.title in index.text
    assert as_csv.status_code == 200 and "no-store" in as_csv["Cache-Control"]
    assert 'filename="dang-ky-' in as_csv["Content-Disposition"]
    rows = list(csv.reader(io.StringIO(as_csv.content.decode("utf-8-sig"))))
    assert len(rows) == 3 and rows[1][1] == "Hoàng Minh Tuấn" and rows[1][2] == "0912 345 678"
    assert rows[2][1].startswith("'=HYPERLINK")  # a formula typed as a name stays text
    sheet = openpyxl.load_workbook(io.BytesIO(as_xlsx.content)).active
    names = [sheet.cell(row=row, column=2).value for row in (2, 3)]
    assert names[0] == "Hoàng Minh Tuấn" and names[1].startswith("'=HYPERLINK")
    assert sheet.cell(row=2, column=4).value == "tuan@example.vn"


def test_another_organisations_member_gets_403_for_the_list_and_the_files(client, registrants, other_member):
    client.force_login(other_member)

    for url in (page_url(registrants), export_url(registrants, "csv"), export_url(registrants, "xlsx")):
        assert client.get(url).status_code == 403, url
    index = client.get(reverse("registrations_admin:index"))
    assert index.status_code == 200 and registrants.title not in index.text


def test_someone_in_no_organisation_gets_403(client, registrants, admin_user_in):
    client.force_login(admin_user_in("khach"))

    assert client.get(reverse("registrations_admin:index")).status_code == 403
    assert client.get(export_url(registrants, "csv")).status_code == 403


def test_provincial_editors_and_superusers_see_every_event(
    client, registrants, admin_user_in, django_user_model
):
    editor = admin_user_in("bientap", group_for(PROVINCIAL_EDITOR))
    superuser = django_user_model.objects.create_superuser("quantri", "quantri@example.vn", "mat-khau-thu")

    for user in (editor, superuser):
        client.force_login(user)
        assert client.get(page_url(registrants)).status_code == 200
        assert client.get(export_url(registrants, "xlsx")).status_code == 200


def test_the_event_editor_shows_a_registrations_button_to_the_organiser(
    client, registrants, organiser_group, admin_user_in
):
    client.force_login(admin_user_in("thu-vien", organiser_group))

    response = client.get(reverse("wagtailadmin_pages:edit", args=[registrants.pk]))

    assert response.status_code == 200 and page_url(registrants) in response.text


def test_an_unknown_format_or_page_is_not_found(client, registrants, django_user_model):
    client.force_login(django_user_model.objects.create_superuser("quantri", "q@example.vn", "mat-khau-thu"))

    assert client.get(export_url(registrants, "pdf")).status_code == 404
    assert (
        client.get(reverse("registrations_admin:page", args=[registrants.get_parent().pk])).status_code == 404
    )


def test_hostile_names_are_escaped_in_the_admin(client, event, django_user_model):
    RegistrationFactory(page=event, name="<img src=x onerror=alert(1)>")
    client.force_login(django_user_model.objects.create_superuser("quantri", "q@example.vn", "mat-khau-thu"))

    response = client.get(page_url(event))

    assert "<img src=x" not in response.text and "&lt;img src=x" in response.text
