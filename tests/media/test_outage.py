"""With the S3 server stopped mid-test: pages still 200, downloads a friendly 503, uploads a clear no."""

import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.template import Context, Template
from django.urls import reverse
from wagtail.images import get_image_model
from wagtail.models import Collection

from media.models import PortalDocument, UploadSession
from tests import servers
from tests.factories import StandardPageFactory
from tests.media import corpus
from tests.media.conftest import use_s3

pytestmark = [pytest.mark.s3, pytest.mark.django_db]


def test_s3_down(settings, own_s3_server, home, client, editor_client, make_document, page_using):
    use_s3(settings, own_s3_server)
    document = make_document(corpus.pdf("teal"))
    page_using(document)
    image = get_image_model().objects.create(
        title="Lớp học cộng đồng",
        file=SimpleUploadedFile("lop-hoc.png", corpus.image(size=(700, 500))),
        collection=Collection.get_first_root_node(),
    )
    image.get_renditions("width-320|format-webp", "width-640|format-webp")
    unrendered = get_image_model().objects.create(
        title="Ảnh chưa xử lý",
        file=SimpleUploadedFile("moi.png", corpus.image()),
        collection=image.collection,
    )
    with_image = StandardPageFactory(
        parent=home, slug="co-anh", body=[("image", {"image": image, "decorative": True})]
    )
    assert client.get(with_image.url).status_code == 200

    servers.stop(own_s3_server.process)

    assert client.get("/").status_code == 200
    assert client.get(with_image.url).status_code == 200
    picture = Template("{% load media_tags %}{% picture image alt='Lớp học' %}|{% picture other %}").render(
        Context({"image": image, "other": unrendered})
    )
    ready, waiting = picture.split("|")
    assert "<img " in ready and 'srcset="' in ready and 'alt="Lớp học"' in ready
    assert 'class="image-placeholder"' in waiting and "Ảnh chưa xử lý" in waiting

    download = client.get(document.url)
    assert download.status_code == 503
    assert download["Retry-After"] == "120"
    assert "try again" in download.content.decode().lower() or "thử lại" in download.content.decode().lower()

    refused = editor_client.post(
        reverse("wagtaildocs:add"),
        {
            "title": "Mới",
            "collection": Collection.get_first_root_node().pk,
            "file": SimpleUploadedFile("moi.pdf", corpus.pdf("black")),
        },
    )
    assert refused.status_code == 200
    assert refused.context["form"].errors["file"]
    assert PortalDocument.objects.count() == 1

    start = editor_client.post(
        reverse("media_uploads:start"),
        {"filename": "video.mp4", "size": 10_000_000, "collection": Collection.get_first_root_node().pk},
    )
    assert start.status_code == 503
    assert json.loads(start.content)["error"]
    assert not UploadSession.objects.exists()


def test_s3_down_with_a_previewed_document_on_a_resource_page(
    settings, own_s3_server, home, client, make_document
):
    """The preview is a public file on S3: listing or showing it must not need S3 to answer."""
    from media.previews import make_document_preview
    from tests.resources.factories import (
        LearningResourcePageFactory,
        LibraryIndexPageFactory,
        OrganisationSectionPageFactory,
        ResourceFileFactory,
    )

    use_s3(settings, own_s3_server)
    document = make_document(corpus.pdf("teal"), "Hướng dẫn trồng lúa.pdf", "Hướng dẫn trồng lúa")
    assert make_document_preview.call(document.pk)
    section = OrganisationSectionPageFactory(parent=LibraryIndexPageFactory(parent=home))
    resource = LearningResourcePageFactory(parent=section, title="Trồng lúa nước vụ xuân")
    ResourceFileFactory(page=resource, document=document)
    resource.save_revision().publish()
    PortalDocument.objects.filter(pk=document.pk).update(preview_width=None, preview_height=None)
    before = client.get(resource.url)
    assert before.status_code == 200 and b'class="preview"' in before.content

    servers.stop(own_s3_server.process)

    for address in ("/", resource.url, section.url, section.get_parent().url):
        response = client.get(address)
        assert response.status_code == 200, address
    assert "Hướng dẫn trồng lúa" in client.get(resource.url).content.decode()
    download = client.get(document.url)
    assert download.status_code == 503 and download["Retry-After"] == "120"
    assert client.get(f"/documents/{document.pk}/{document.filename}", follow=True).status_code == 503
