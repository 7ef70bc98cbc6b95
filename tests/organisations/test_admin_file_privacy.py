"""Another organisation's private files and drafts stay out of every admin screen and API.

A sweep of the admin's APIs, choosers, file screens, bulk-action confirmations and reports, as a
contributor of another organisation and as the indicators' data clerk: the department's private
titles never appear and no rendition of its image is made. Anonymous visitors get nothing.
"""

import pytest
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from wagtail.images import get_image_model

from portal.organisations.roles import INDICATOR_DATA_ENTRY, group_for, setup_roles
from tests.media import corpus
from tests.organisations.support import draft_in

pytestmark = pytest.mark.django_db

SECRET_DOCUMENT = "Kế hoạch nội bộ chưa công bố"
SECRET_IMAGE = "Ảnh nội bộ chưa công bố"
SECRET_DRAFT = "Dự thảo nội bộ của Sở"


@pytest.fixture
def theirs(department, make_document):
    """The department's private document, image and draft page."""
    document = make_document(corpus.pdf("maroon"), "ke-hoach.pdf", SECRET_DOCUMENT, department.collection)
    image = get_image_model().objects.create(
        title=SECRET_IMAGE,
        file=SimpleUploadedFile("anh-noi-bo.png", corpus.image(colour="olive")),
        collection=department.collection,
    )
    draft = draft_in(department, title=SECRET_DRAFT)
    return {"document": document, "image": image, "draft": draft}


@pytest.fixture
def clerk():
    setup_roles()
    user = get_user_model().objects.create_user("nhapso", password="x")
    user.groups.add(group_for(INDICATOR_DATA_ENTRY))
    return user


def admin_addresses(theirs) -> list[str]:
    document, image, draft = theirs["document"].pk, theirs["image"].pk, theirs["draft"].pk
    search = "search=n%E1%BB%99i+b%E1%BB%99"  # "nội bộ"
    return [
        "/admin/api/main/images/",
        f"/admin/api/main/images/?{search}",
        f"/admin/api/main/images/{image}/",
        f"/admin/api/main/images/find/?id={image}",
        "/admin/api/main/documents/",
        f"/admin/api/main/documents/?{search}",
        f"/admin/api/main/documents/{document}/",
        f"/admin/api/main/pages/{draft}/",
        "/admin/images/chooser/?q=n%E1%BB%99i",
        f"/admin/images/chooser/{image}/",
        "/admin/documents/chooser/?q=n%E1%BB%99i",
        f"/admin/documents/chooser/{document}/",
        f"/admin/images/{image}/",
        f"/admin/images/{image}/preview/max-165x165/",
        f"/admin/images/usage/{image}/",
        f"/admin/documents/edit/{document}/",
        f"/admin/documents/usage/{document}/",
        f"/admin/bulk/wagtaildocs/document/delete/?id={document}",
        f"/admin/bulk/wagtaildocs/document/add_to_collection/?id={document}",
        f"/admin/bulk/wagtailimages/image/delete/?id={image}",
        f"/admin/bulk/wagtailcore/page/delete/?id={draft}",
        f"/admin/bulk/wagtailcore/page/publish/?id={draft}",
        "/admin/reports/page-types-usage/",
        "/admin/reports/locked/",
        "/admin/reports/aging-pages/",
        f"/admin/pages/{draft}/",
        f"/admin/pages/{draft}/edit/",
        f"/admin/pages/{draft}/history/",
        "/admin/pages/search/?q=n%E1%BB%99i",
    ]


def body(response) -> str:
    if getattr(response, "streaming", False):
        return b"".join(response.streaming_content).decode(errors="replace")
    return response.content.decode(errors="replace")


@pytest.mark.parametrize("who", ["contributor", "clerk"])
def test_no_admin_screen_or_api_shows_or_renders_another_organisations_private_files(
    client, university, theirs, clerk, who
):
    client.force_login(university.user if who == "contributor" else clerk)
    renditions_before = theirs["image"].renditions.count()

    disclosed = {}
    for address in admin_addresses(theirs):
        response = client.get(address)
        assert response.status_code < 500, address
        text = body(response)
        found = [title for title in (SECRET_DOCUMENT, SECRET_IMAGE, SECRET_DRAFT) if title in text]
        if found:
            disclosed[address] = found

    assert disclosed == {}
    assert theirs["image"].renditions.count() == renditions_before


def test_the_admin_api_still_lists_a_contributors_own_files(client, university, make_document):
    ours = make_document(corpus.pdf("navy"), "giao-trinh.pdf", "Giáo trình của trường", university.collection)
    client.force_login(university.user)

    listed = client.get("/admin/api/main/documents/").json()

    assert [item["title"] for item in listed["items"]] == [ours.title]
    assert client.get(f"/admin/api/main/documents/{ours.pk}/").status_code == 200


def test_the_provincial_editor_sees_every_organisations_files_in_the_admin_api(client, editor, theirs):
    client.force_login(editor)

    images = client.get("/admin/api/main/images/").json()["items"]

    assert [item["title"] for item in images] == [SECRET_IMAGE]
    assert theirs["image"].renditions.count() == 1  # the editor's thumbnail


def test_anonymous_visitors_get_no_admin_api_answer_and_make_no_rendition(client, theirs):
    image = theirs["image"]

    for address in (f"/admin/api/main/images/{image.pk}/", "/admin/api/main/images/"):
        response = client.get(address)
        assert response.status_code in (302, 403)
        assert SECRET_IMAGE not in body(response)
    assert image.renditions.count() == 0
