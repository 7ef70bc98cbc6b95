"""Editing a resource in the Wagtail admin: drafts may be incomplete, publishing may not."""

import pytest
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from portal.core.models import Licence
from portal.resources.forms import LICENCE_REQUIRED
from portal.resources.models import LearningResourcePage

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor_client(client, django_user_model):
    user = django_user_model.objects.create_superuser("bientap", "bientap@example.vn", "mat-khau-thu")
    client.force_login(user)
    return client


def _form(licence=None, **extra):
    return nested_form_data(
        {
            "title": "Cẩm nang phòng cháy chữa cháy",
            "slug": "cam-nang-pccc",
            "summary": "Những điều cần biết để phòng cháy trong gia đình.",
            "body": streamfield([("paragraph", rich_text("<p>Nội dung</p>"))]),
            "files": inline_formset([]),
            "resource_type": "document",
            "licence": licence.pk if licence else "",
            **extra,
        }
    )


def test_a_draft_saves_without_a_licence(editor_client, section):
    url = reverse("wagtailadmin_pages:add", args=("resources", "learningresourcepage", section.pk))

    response = editor_client.post(url, _form())

    assert response.status_code == 302
    page = LearningResourcePage.objects.get(slug="cam-nang-pccc")
    assert not page.live and page.organisation == section.organisation


def test_publishing_without_a_licence_is_refused_with_a_message(editor_client, section):
    url = reverse("wagtailadmin_pages:add", args=("resources", "learningresourcepage", section.pk))

    response = editor_client.post(url, {**_form(), "action-publish": "publish"})

    assert response.status_code == 200
    assert not LearningResourcePage.objects.filter(slug="cam-nang-pccc").exists()
    assert str(LICENCE_REQUIRED) in response.text


def test_publishing_with_a_licence_goes_live(editor_client, section, vocabularies):
    url = reverse("wagtailadmin_pages:add", args=("resources", "learningresourcepage", section.pk))

    response = editor_client.post(
        url, {**_form(Licence.objects.get(code="CC-BY-4.0")), "action-publish": "publish"}
    )

    assert response.status_code == 302
    assert LearningResourcePage.objects.get(slug="cam-nang-pccc").live


def test_organisations_are_listed_in_the_admin(editor_client, section):
    response = editor_client.get(reverse("wagtailsnippets_organisations_organisation:list"))

    assert response.status_code == 200
    assert "Đại học Thái Nguyên" in response.text


def test_an_editor_can_preview_a_resource_before_saving(editor_client, section, vocabularies):
    from tests.resources.factories import LearningResourcePageFactory

    resource = LearningResourcePageFactory(parent=section, title="Bản cũ")
    url = reverse("wagtailadmin_pages:preview_on_edit", args=(resource.pk,))
    data = {**_form(Licence.objects.get(code="CC0-1.0")), "title": "Bản xem trước", "slug": resource.slug}

    assert editor_client.post(url, data).json()["is_valid"]
    response = editor_client.get(url)

    assert response.status_code == 200
    assert "Bản xem trước" in response.text


def test_an_editor_can_preview_a_new_resource(editor_client, section, vocabularies):
    url = reverse("wagtailadmin_pages:preview_on_add", args=("resources", "learningresourcepage", section.pk))

    assert editor_client.post(url, _form(Licence.objects.get(code="CC0-1.0"))).json()["is_valid"]
    response = editor_client.get(url)

    assert response.status_code == 200
    assert "Cẩm nang phòng cháy chữa cháy" in response.text


def test_an_editor_can_preview_a_new_organisation_section(editor_client, library):
    from tests.resources.factories import OrganisationFactory

    organisation = OrganisationFactory(name="Trường Cao đẳng Thái Nguyên")
    url = reverse(
        "wagtailadmin_pages:preview_on_add", args=("resources", "organisationsectionpage", library.pk)
    )
    data = nested_form_data({"title": organisation.name, "slug": "cao-dang", "organisation": organisation.pk})

    assert editor_client.post(url, data).json()["is_valid"]
    assert editor_client.get(url).status_code == 200
