"""The download view on the filesystem profile: permission, counting, headers, Range."""

import pytest
from django.urls import reverse
from wagtail.models import PageViewRestriction

from media.models import DownloadCounter
from tests.media import corpus

pytestmark = pytest.mark.django_db
BODY = corpus.pdf("purple")


def count_of(document) -> int:
    return DownloadCounter.objects.filter(document=document).values_list("count", flat=True).first() or 0


def body_of(response) -> bytes:
    return b"".join(response.streaming_content)


def test_document_on_a_live_public_page_is_served_with_its_vietnamese_name(client, make_document, page_using):
    document = make_document(BODY)
    page_using(document)

    response = client.get(document.url)

    assert response.status_code == 200
    assert body_of(response) == BODY
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Length"] == str(len(BODY))
    assert response["Accept-Ranges"] == "bytes"
    assert response["Content-Disposition"] == (
        "attachment; filename=\"Bai giang so 1.pdf\"; filename*=UTF-8''B%C3%A0i%20gi%E1%BA%A3ng%20s%E1%BB%91%201.pdf"
    )
    assert count_of(document) == 1


def test_unused_document_is_for_editors_only(client, editor_client, django_user_model, make_document):
    document = make_document(BODY)

    anonymous = client.get(document.url)
    assert anonymous.status_code == 302
    assert anonymous["Location"].startswith(reverse("wagtailadmin_login"))

    reader = django_user_model.objects.create_user("doc-gia", password="mat-khau-dai-123")
    client.force_login(reader)
    assert client.get(document.url).status_code == 404

    assert editor_client.get(document.url).status_code == 200
    assert count_of(document) == 1


def test_document_on_a_draft_page_is_not_public(client, make_document, page_using):
    document = make_document(BODY)
    page_using(document, live=False)

    assert client.get(document.url).status_code == 302
    assert count_of(document) == 0


def test_document_on_a_private_page_is_not_public(client, make_document, page_using):
    document = make_document(BODY)
    page = page_using(document)
    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)

    assert client.get(document.url).status_code == 302


def test_range_requests(client, make_document, page_using):
    document = make_document(BODY)
    page_using(document)

    middle = client.get(document.url, headers={"Range": "bytes=10-19"})
    assert middle.status_code == 206
    assert middle["Content-Range"] == f"bytes 10-19/{len(BODY)}"
    assert middle["Content-Length"] == "10"
    assert body_of(middle) == BODY[10:20]

    tail = client.get(document.url, headers={"Range": "bytes=-5"})
    assert tail.status_code == 206
    assert body_of(tail) == BODY[-5:]

    open_ended = client.get(document.url, headers={"Range": "bytes=0-"})
    assert open_ended.status_code == 206
    assert body_of(open_ended) == BODY

    beyond = client.get(document.url, headers={"Range": f"bytes={len(BODY)}-"})
    assert beyond.status_code == 416
    assert beyond["Content-Range"] == f"bytes */{len(BODY)}"

    assert count_of(document) == 1  # only the request that began at byte 0


def test_head_is_not_counted(client, make_document, page_using):
    document = make_document(BODY)
    page_using(document)

    assert client.head(document.url).status_code == 200
    assert count_of(document) == 0


def test_wrong_filename_redirects_to_the_right_one(client, make_document):
    document = make_document(BODY)

    response = client.get(reverse("media:download", args=[document.pk, "khac.pdf"]))

    assert response.status_code == 302
    assert response["Location"] == document.url


def test_unknown_document_is_404(client, db):
    assert client.get("/tai-ve/999999/khong-co.pdf").status_code == 404


def test_wagtail_document_route_goes_through_the_same_checks(client, make_document, page_using):
    document = make_document(BODY)
    wagtail_url = reverse("wagtaildocs_serve", args=[document.pk, document.filename])

    assert (
        client.get(wagtail_url, follow=True).redirect_chain[-1][0].startswith("/admin/login/")
    )  # not public
    page_using(document)
    response = client.get(wagtail_url, follow=True)
    assert response.status_code == 200
    assert body_of(response) == BODY
    assert count_of(document) == 1


def test_private_files_are_not_under_media_root(make_document, settings):
    document = make_document(BODY)

    assert document.file.path.startswith(str(settings.PRIVATE_MEDIA_ROOT))
    assert not document.file.path.startswith(str(settings.MEDIA_ROOT))


def test_captions_are_served_inline_for_the_player(client, make_document, page_using):
    captions = make_document(corpus.vtt(), filename="phụ đề.vtt", title="Phụ đề")
    page_using(captions)

    response = client.get(captions.url)

    assert response.status_code == 200
    assert response["Content-Type"] == "text/vtt; charset=utf-8"
    assert response["Content-Disposition"].startswith("inline;")
    assert response.content == corpus.vtt()
