"""Wagtail's document and image forms apply the upload rules, against the real S3 server."""

import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.models import Collection

from media.models import PortalDocument, PortalImage
from tests.media import corpus

pytestmark = [pytest.mark.s3, pytest.mark.django_db]


def add_document(client, filename, data, title="Tài liệu"):
    return client.post(
        reverse("wagtaildocs:add"),
        {
            "title": title,
            "collection": Collection.get_first_root_node().pk,
            "file": SimpleUploadedFile(filename, data, content_type="application/pdf"),
        },
    )


def add_image(client, filename, data):
    return client.post(
        reverse("wagtailimages:add"),
        {
            "title": "Ảnh",
            "collection": Collection.get_first_root_node().pk,
            "file": SimpleUploadedFile(filename, data, content_type="image/png"),
        },
    )


def form_errors(response) -> str:
    return " ".join(str(error) for error in response.context["form"].errors.get("file", []))


@pytest.mark.parametrize("case", [name for name in corpus.hostile() if name != "path traversal"])
def test_hostile_documents_are_refused_and_leave_nothing(bucket, editor_client, case):
    filename, data, _code = corpus.hostile()[case]

    response = add_document(editor_client, filename, data)

    assert response.status_code == 200
    assert form_errors(response)
    assert PortalDocument.objects.count() == 0
    assert bucket.object_keys() == []


def test_oversize_document_is_refused(bucket, editor_client, settings):
    settings.MEDIA_MAX_UPLOAD_SIZE = {key: 4096 for key in settings.MEDIA_MAX_UPLOAD_SIZE}

    response = add_document(editor_client, "lon.pdf", corpus.pdf() + bytes(8192))

    assert re.search(r"4[.,]0\sKB", form_errors(response))
    assert PortalDocument.objects.count() == 0
    assert bucket.object_keys() == []


@pytest.mark.parametrize(
    "case",
    [
        "PNG bomb",
        "SVG with script",
        "mislabelled executable",
        "empty file",
        "truncated JPEG",
        "truncated PNG",
    ],
)
def test_hostile_images_are_refused_and_leave_nothing(bucket, editor_client, case):
    filename, data, _code = corpus.hostile()[case]

    response = add_image(editor_client, filename, data)

    assert response.status_code == 200
    assert form_errors(response)
    assert PortalImage.objects.count() == 0
    assert bucket.object_keys() == []


def test_path_in_the_uploaded_name_never_reaches_the_key(bucket, editor_client):
    response = add_document(editor_client, "../../etc/cron.d/Bài học.pdf", corpus.pdf())

    assert response.status_code == 302
    document = PortalDocument.objects.get()
    assert document.original_filename == "Bài học.pdf"
    assert ".." not in document.file.name


def test_accepted_document_is_stored_privately_with_its_facts(
    bucket, editor_client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = add_document(editor_client, "Bài giảng: Kỹ năng số.pdf", corpus.pdf())

    assert response.status_code == 302
    document = PortalDocument.objects.get()
    assert re.fullmatch(r"documents/\d{4}/\d{2}/[\w-]{11}/bai-giang-ky-nang-so\.pdf", document.file.name)
    assert document.original_filename == "Bài giảng: Kỹ năng số.pdf"
    assert document.content_type == "application/pdf"
    assert document.kind == "document"
    head = bucket.head(f"private/{document.file.name}")
    assert head["ContentType"] == "application/pdf"
    assert head["ContentDisposition"] == "attachment"
    assert (
        head["Metadata"]["original-filename"]
        == "B%C3%A0i%20gi%E1%BA%A3ng%3A%20K%E1%BB%B9%20n%C4%83ng%20s%E1%BB%91.pdf"
    )
    document.refresh_from_db()
    assert document.preview.name.startswith("previews/")  # made by the task after commit
    assert (document.preview_width, document.preview_height) == (480, 672)
    assert f"public/{document.preview.name}" in bucket.object_keys()
    assert document.url == f"/tai-ve/{document.pk}/bai-giang-ky-nang-so.pdf"


def test_duplicate_document_is_reported(bucket, editor_client):
    data = corpus.pdf("olive")
    add_document(editor_client, "ban-dau.pdf", data, title="Bản đầu")

    response = add_document(editor_client, "ban-sao.pdf", data, title="Bản sao")

    assert "Bản đầu" in form_errors(response)
    assert PortalDocument.objects.count() == 1
    assert len([key for key in bucket.object_keys() if key.startswith("private/")]) == 1


def test_accepted_image_gets_public_webp_and_avif_renditions(
    bucket, editor_client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = add_image(editor_client, "Lớp học.png", corpus.image(size=(800, 600)))

    assert response.status_code == 302
    image = PortalImage.objects.get()
    assert image.file.name.startswith("images/")
    assert image.sha256 and image.content_type == "image/png"
    keys = bucket.object_keys()
    assert any(key.startswith("private/images/") for key in keys)
    assert any(key.startswith("public/") and key.endswith(".avif") for key in keys)
    assert any(key.startswith("public/") and key.endswith(".webp") for key in keys)
    rendition_key = next(key for key in keys if key.endswith(".webp"))
    head = bucket.head(rendition_key)
    assert head["CacheControl"] == "public, max-age=31536000, immutable"


@pytest.mark.parametrize("case", ["mislabelled executable", "truncated JPEG", "truncated PDF"])
def test_multiple_upload_screens_refuse_hostile_files_too(bucket, editor_client, case):
    filename, data, _code = corpus.hostile()[case]

    for url in (reverse("wagtaildocs:add_multiple"), reverse("wagtailimages:add_multiple")):
        response = editor_client.post(
            url,
            {
                "collection": Collection.get_first_root_node().pk,
                "files[]": SimpleUploadedFile(filename, data),
            },
        )
        assert response.json()["success"] is False
        assert response.json()["error_message"]

    assert PortalDocument.objects.count() == PortalImage.objects.count() == 0
    assert bucket.object_keys() == []


def test_deleting_a_document_removes_its_files(bucket, editor_client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        add_document(editor_client, "xoa.pdf", corpus.pdf("silver"))
    document = PortalDocument.objects.get()
    assert len(bucket.object_keys()) == 2  # the file and its preview

    with django_capture_on_commit_callbacks(execute=True):
        editor_client.post(reverse("wagtaildocs:delete", args=[document.pk]))

    assert not PortalDocument.objects.exists()
    assert bucket.object_keys() == []


def test_captions_can_only_be_webvtt_documents(editor_client, make_document):
    captions = make_document(corpus.vtt(), filename="phu-de.vtt", title="Phụ đề")
    video = make_document(corpus.mp4(), filename="video.mp4", title="Video")

    form = editor_client.get(reverse("wagtaildocs:edit", args=[video.pk])).context["form"]

    assert list(form.fields["captions"].queryset) == [captions]
