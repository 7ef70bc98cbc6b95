"""The public site with its S3 server stopped for good: every page keeps answering, every
download says, in Vietnamese, to try again later."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from wagtail.images import get_image_model
from wagtail.models import Collection

from tests.media import corpus
from tests.media.conftest import use_s3
from tests.outage import stop_for_good
from tests.resources.factories import (
    LearningResourcePageFactory,
    LibraryIndexPageFactory,
    OrganisationSectionPageFactory,
    ResourceFileFactory,
)

pytestmark = [pytest.mark.s3, pytest.mark.django_db]

ROUNDS = 25


def image(title: str, name: str):
    return get_image_model().objects.create(
        title=title,
        file=SimpleUploadedFile(name, corpus.image(size=(700, 500))),
        collection=Collection.get_first_root_node(),
    )


def test_s3_stopped_pages_answer_and_downloads_say_try_again(
    settings, own_s3_server, home, client, make_document
):
    use_s3(settings, own_s3_server)
    settings.RATE_LIMITS = dict.fromkeys(settings.RATE_LIMITS, "off")
    library = LibraryIndexPageFactory(parent=home)
    section = OrganisationSectionPageFactory(parent=library, organisation__name="Thư viện tỉnh")
    shown = image("Lớp học cộng đồng", "lop-hoc.png")
    shown.get_renditions("width-320|format-webp", "width-640|format-webp")
    with_picture = LearningResourcePageFactory(parent=section, title="Đọc sách cùng con", thumbnail=shown)
    documents = [
        make_document(corpus.pdf(colour), f"Tài liệu {colour}.pdf", f"Tài liệu {colour}")
        for colour in ("teal", "black")
    ]
    for document in documents:
        ResourceFileFactory(page=with_picture, document=document)
    with_picture.save_revision().publish()
    pages = ["/", library.url, section.url, with_picture.url]
    assert [client.get(address).status_code for address in pages] == [200] * len(pages)
    never_rendered = LearningResourcePageFactory(  # its picture is first asked for with the store down
        parent=section, title="Ảnh chưa xử lý", thumbnail=image("Ảnh mới", "anh-moi.png")
    )
    pages.append(never_rendered.url)

    stop_for_good(own_s3_server.process, own_s3_server.endpoint_url)

    statuses = {address: set() for address in pages}
    for _round in range(ROUNDS):
        for address in pages:
            statuses[address].add(client.get(address).status_code)
    assert statuses == {address: {200} for address in pages}
    placeholder = client.get(never_rendered.url).text
    assert 'class="image-placeholder' in placeholder and "Ảnh chưa xử lý" in placeholder
    assert 'class="image-placeholder' not in client.get(with_picture.url).text
    assert "Đọc sách cùng con" in client.get(section.url).text

    downloads = [client.get(document.url) for document in documents for _round in range(ROUNDS)]
    assert {response.status_code for response in downloads} == {503}
    assert {response["Retry-After"] for response in downloads} == {"120"}
    friendly = downloads[0].content.decode()
    assert "Tạm thời chưa tải được tệp" in friendly and "Thử lại" in friendly
    assert all(document.title in client.get(with_picture.url).text for document in documents)
