"""An organisation's private files stay with it: no download, choice, attachment or reuse by others."""

import io
import re
from importlib import import_module
from pathlib import Path

import pytest
from django.apps import apps as django_apps
from django.core.files.base import ContentFile
from django.core.files.storage import storages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection, Page
from wagtail.rich_text import RichText
from wagtail.test.utils.form_data import inline_formset, rich_text, streamfield

from portal.resources.importing_files import SourceFile, store_file
from portal.resources.models import LearningResourcePage
from tests.factories import LicenceFactory
from tests.media import corpus
from tests.organisations.support import draft_in, edit_data
from tests.resources.factories import LearningResourcePageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def their_document(department, make_document):
    """A document the department uploaded and has not published yet."""
    return make_document(
        corpus.pdf("maroon"), "Kế hoạch nội bộ.pdf", "Kế hoạch nội bộ", department.collection
    )


@pytest.fixture
def their_image(department):
    return get_image_model().objects.create(
        title="Ảnh nội bộ",
        file=SimpleUploadedFile("anh-noi-bo.png", corpus.image(colour="olive")),
        collection=department.collection,
    )


def publish_with(setup, document, slug="cong-khai"):
    """A live resource of ``setup``'s organisation that links ``document``."""
    page = LearningResourcePageFactory(
        parent=setup.section,
        organisation=setup.organisation,
        slug=slug,
        body=[("paragraph", RichText(f'<p><a linktype="document" id="{document.pk}">Tải</a></p>'))],
    )
    page.save_revision().publish()
    return page


def test_a_private_document_downloads_only_for_its_organisation_and_the_editors(
    client, university, department, editor, their_document
):
    addresses = [their_document.url, f"/documents/{their_document.pk}/{their_document.filename}"]

    client.force_login(university.user)
    for address in addresses:
        assert client.get(address, follow=True).status_code == 404

    client.logout()
    for address in addresses:
        assert client.get(address, follow=True).redirect_chain[-1][0].startswith("/admin/login/")

    for user in (department.user, editor):
        client.force_login(user)
        for address in addresses:
            response = client.get(address, follow=True)
            assert response.status_code == 200
            assert b"".join(response.streaming_content).startswith(b"%PDF")


def test_once_a_live_public_page_uses_it_everyone_may_download_it(client, department, their_document):
    publish_with(department, their_document)

    response = client.get(their_document.url)

    assert response.status_code == 200


def test_a_login_only_page_lets_only_signed_in_visitors_download_its_file(
    client, django_user_model, department, their_document
):
    from wagtail.models import PageViewRestriction

    page = publish_with(department, their_document)
    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)
    assert client.get(their_document.url).status_code == 302

    client.force_login(django_user_model.objects.create_user("nguoi-dan", "dan@example.org", "x"))
    assert client.get(their_document.url).status_code == 200


def test_choosers_list_own_and_public_files_never_another_organisations_private_ones(
    client, university, department, their_document, their_image, make_document
):
    ours = make_document(corpus.pdf("navy"), "Giáo trình.pdf", "Giáo trình của trường", university.collection)
    public = make_document(
        corpus.pdf("green"), "Công khai.pdf", "Tài liệu công khai của Sở", department.collection
    )
    publish_with(department, public)
    client.force_login(university.user)

    listed = client.get(reverse("wagtaildocs_chooser:choose")).json()["html"]
    images = client.get(reverse("wagtailimages_chooser:choose")).json()["html"]

    assert ours.title in listed and public.title in listed
    assert their_document.title not in listed
    assert their_image.title not in images


def _resource_form(page, licence, **extra):
    """A draft saved from the editor (no submission, so the page stays editable)."""
    return edit_data(page, licence, **extra)


@pytest.mark.parametrize(
    "attach",
    [
        pytest.param(
            lambda doc, img: {
                "files": inline_formset([{"document": doc.pk, "label": "", "captions": ""}]),
            },
            id="file-row",
        ),
        pytest.param(lambda doc, img: {"thumbnail": img.pk}, id="thumbnail"),
        pytest.param(
            lambda doc, img: {
                "body": streamfield(
                    [("paragraph", rich_text(f'<p><a linktype="document" id="{doc.pk}">x</a></p>'))]
                )
            },
            id="rich-text-link",
        ),
        pytest.param(
            lambda doc, img: {
                "body": streamfield([("image", {"image": img.pk, "decorative": "on", "alt_text": ""})])
            },
            id="image-block",
        ),
    ],
)
def test_posting_another_organisations_file_id_is_refused_with_a_message(
    client, university, department, their_document, their_image, attach
):
    licence = LicenceFactory()
    page = draft_in(university, title="Bài của trường")
    client.force_login(university.user)

    response = client.post(
        reverse("wagtailadmin_pages:edit", args=[page.pk]),
        _resource_form(page, licence, **attach(their_document, their_image)),
    )

    assert response.status_code == 200
    form = response.context["form"]
    assert any("not public" in error or "chưa công khai" in error for error in form.non_field_errors())
    assert f"#{their_document.pk}" in " ".join(form.non_field_errors()) or f"#{their_image.pk}" in " ".join(
        form.non_field_errors()
    )
    page.refresh_from_db()
    assert not page.files.exists() and page.thumbnail_id is None
    assert page.get_latest_revision().content.get("thumbnail") is None


def test_own_files_attach_and_a_file_placed_by_an_editor_survives_the_contributors_edit(
    client, university, department, editor, their_document, make_document
):
    licence = LicenceFactory()
    ours = make_document(corpus.pdf("navy"), "Giáo trình.pdf", "Giáo trình", university.collection)
    page = draft_in(university, title="Bài của trường")
    client.force_login(university.user)
    own_row = {"files": inline_formset([{"document": ours.pk, "label": "", "captions": ""}])}
    response = client.post(
        reverse("wagtailadmin_pages:edit", args=[page.pk]), _resource_form(page, licence, **own_row)
    )
    assert response.status_code == 302

    page = LearningResourcePage.objects.get(pk=page.pk)
    page.thumbnail = None
    page.files.create(document=their_document)  # an editor attached the department's file
    page.save()
    both = inline_formset(
        [
            {"document": ours.pk, "label": "", "captions": ""},
            {"document": their_document.pk, "label": "", "captions": ""},
        ]
    )
    response = client.post(
        reverse("wagtailadmin_pages:edit", args=[page.pk]), _resource_form(page, licence, files=both)
    )
    assert response.status_code == 302


def test_captions_list_offers_only_usable_webvtt_files(client, university, department, make_document):
    theirs = make_document(corpus.vtt(), "phu-de-so.vtt", "Phụ đề của Sở", department.collection)
    ours = make_document(corpus.vtt() + b"\n", "phu-de.vtt", "Phụ đề của trường", university.collection)
    video = make_document(corpus.mp4(), "bai-giang.mp4", "Video bài giảng", university.collection)
    client.force_login(university.user)
    edit = reverse("wagtaildocs:edit", args=[video.pk])

    page = client.get(edit).content.decode()
    assert ours.title in page and theirs.title not in page

    response = client.post(
        edit,
        {"title": video.title, "collection": university.collection.pk, "captions": theirs.pk, "tags": ""},
    )
    assert response.status_code == 200
    assert response.context["form"].errors["captions"]
    video.refresh_from_db()
    assert video.captions_id is None


def test_an_import_stores_its_own_copy_instead_of_reusing_another_organisations_private_file(
    university, department, their_document, tmp_path
):
    from media.validation import validate_upload

    path = Path(tmp_path / "ke-hoach.pdf")
    path.write_bytes(corpus.pdf("maroon"))
    source = SourceFile(path, validate_upload(io.BytesIO(path.read_bytes()), path.name))
    assert source.facts.sha256 == their_document.sha256

    stored = []
    copy = store_file(source, university.collection, "Kế hoạch", stored)
    assert copy.pk != their_document.pk and copy.collection == university.collection
    assert store_file(source, university.collection, "Kế hoạch", stored) == copy  # its own copy is reused

    publish_with(department, their_document)
    other = Path(tmp_path / "khac") / "ke-hoach.pdf"
    other.parent.mkdir()
    other.write_bytes(path.read_bytes())
    public_source = SourceFile(other, source.facts)
    assert store_file(public_source, department.collection, "Kế hoạch", stored) == their_document


def test_uploading_bytes_another_organisation_keeps_privately_is_not_refused_nor_revealed(
    client, university, their_document
):
    client.force_login(university.user)

    response = client.post(
        reverse("wagtaildocs:add"),
        {"title": "Kế hoạch", "file": SimpleUploadedFile("ke-hoach.pdf", corpus.pdf("maroon")), "tags": ""},
    )

    assert response.status_code == 302, response.context["form"].errors
    assert get_document_model().objects.filter(sha256=their_document.sha256).count() == 2
    assert their_document.title not in client.get(reverse("wagtaildocs:index")).content.decode()


def test_renditions_are_not_at_addresses_made_from_the_image_name(their_image):
    rendition = their_image.get_rendition("width-320|format-webp")

    assert re.match(r"^renditions/\d{4}/\d{2}/[A-Za-z0-9_-]{8,}/", rendition.file.name)
    assert not [name for name in storages["public"].listdir("")[0] if name == "images"]


def test_renditions_made_before_at_guessable_addresses_are_removed(their_image):
    old = their_image.get_rendition("width-320|format-webp")
    guessable = f"images/{their_image.title}.width-320.webp"
    storages["public"].save(guessable, ContentFile(b"RIFF"))
    type(old).objects.filter(pk=old.pk).update(file=guessable)
    migration = import_module("media.migrations.0003_drop_renditions_at_guessable_addresses")

    migration.drop_guessable_renditions(django_apps, None)

    assert not their_image.renditions.exists()
    assert not storages["public"].exists(guessable)
    again = their_image.get_rendition("width-320|format-webp")  # made anew, at a random address
    assert again.file.name.startswith("renditions/")


def test_a_download_carries_the_extension_of_what_the_file_really_is(client, editor):
    client.force_login(editor)
    response = client.post(
        reverse("wagtaildocs:add"),
        {
            "title": "Bài học",
            "collection": Collection.get_first_root_node().pk,
            "file": SimpleUploadedFile("lesson.html", corpus.pdf()),
        },
    )
    assert response.status_code == 302, response.context["form"].errors
    document = get_document_model().objects.get(title="Bài học")

    download = client.get(document.url, follow=True)

    assert download["Content-Type"] == "application/pdf"
    assert 'filename="lesson.pdf"' in download["Content-Disposition"]


def test_renaming_an_organisation_keeps_its_group_collection_and_access(client, university, their_document):
    organisation = university.organisation
    organisation.name = "Đại học Thái Nguyên (TNU)"
    organisation.save()

    organisation.refresh_from_db()
    assert organisation.group == university.group and organisation.collection == university.collection
    assert organisation.collection.name == "Đại học Thái Nguyên (TNU)"
    assert "Đại học Thái Nguyên (TNU)" in organisation.group.name
    client.force_login(university.user)
    add_here = reverse(
        "wagtailadmin_pages:add", args=["resources", "learningresourcepage", university.section.pk]
    )
    assert client.get(add_here).status_code == 200
    assert client.get(reverse("wagtaildocs:add_multiple")).status_code == 200
    assert Page.objects.filter(pk=university.section.pk).exists()


def test_every_page_type_checks_the_files_it_carries():
    from wagtail.models import get_page_models

    from portal.core.forms import PortalPageForm

    for model in get_page_models():
        if model is not Page:
            assert issubclass(model.get_edit_handler().get_form_class(), PortalPageForm), model
