"""Previews and renditions are made by tasks after upload; the templates only look them up."""

import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.template import Context, Template
from wagtail.images import get_image_model
from wagtail.models import Collection

from media.previews import make_document_preview, picture_specs
from tests.media import corpus

pytestmark = pytest.mark.django_db


def render(source: str, **context) -> str:
    return Template("{% load media_tags %}" + source).render(Context(context))


def new_image(size=(1000, 750)):
    return get_image_model().objects.create(
        title="Ngày hội đọc sách",
        file=SimpleUploadedFile("doc-sach.png", corpus.image(size=size)),
        collection=Collection.get_first_root_node(),
    )


def test_pdf_preview_is_made_after_commit(make_document, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        document = make_document(corpus.pdf("orange"))
    assert not document.preview  # nothing happens inside the request

    for callback in callbacks:
        callback()
    document.refresh_from_db()

    assert document.preview.name.endswith(".webp")
    assert (document.preview_width, document.preview_height) == (480, 672)
    assert document.preview.url.startswith("/media/previews/")
    assert document.preview_source == document.file.name


def test_image_document_gets_a_preview_and_other_kinds_do_not(make_document):
    image_document = make_document(corpus.image(size=(960, 540)), filename="so-do.png")
    sound = make_document(corpus.wav(), filename="ban-tin.wav")

    assert make_document_preview.call(image_document.pk) is True
    assert make_document_preview.call(sound.pk) is False
    image_document.refresh_from_db()
    assert (image_document.preview_width, image_document.preview_height) == (480, 270)


def test_picture_offers_avif_and_webp_srcsets(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        image = new_image()
    assert image.renditions.count() == len(picture_specs())

    html = render("{% picture image sizes='(min-width: 60em) 50vw, 100vw' %}", image=image)

    assert html.startswith("<picture>")
    avif, webp = re.findall(r'<source type="image/(\w+)" srcset="([^"]+)"', html)
    assert avif[0] == "avif" and webp[0] == "webp"
    assert [entry.split()[-1] for entry in webp[1].split(", ")] == ["320w", "640w", "960w", "1000w"]
    assert 'sizes="(min-width: 60em) 50vw, 100vw"' in html
    assert re.search(
        r'<img src="/media/[^"]+\.webp" width="640" height="480" alt="Ngày hội đọc sách" loading="lazy"', html
    )


def test_picture_of_a_new_image_asks_for_renditions_once(django_assert_max_num_queries):
    image = new_image(size=(400, 300))  # created inside the test transaction: the task has not run

    html = render("{% picture image alt='' widths='320,640' %}", image=image)

    assert "<img " in html  # the immediate backend made them on request
    assert "640w" not in html and "400w" in html
    with django_assert_max_num_queries(2):
        render("{% picture image alt='' widths='320,640' %}", image=image)


def test_picture_without_image_is_a_placeholder():
    assert 'class="image-placeholder"' in render("{% picture None alt='Ảnh minh hoạ' %}")


def test_player_has_captions_track(make_document):
    captions = make_document(corpus.vtt(), filename="phu-de.vtt", title="Phụ đề")
    video = make_document(corpus.mp4(), filename="Phóng sự.mp4", title="Phóng sự")
    video.captions = captions
    video.save()

    html = render("{% media_player video %}", video=video)

    assert "<video controls" in html
    assert f'<source src="{video.url}" type="video/mp4">' in html
    assert f'<track kind="captions" src="{captions.url}"' in html
    assert render("{% media_player document %}", document=captions).strip() == ""


def pdf_with_page(width_pt: float, height_pt: float) -> bytes:
    import io

    import pypdfium2 as pdfium

    document = pdfium.PdfDocument.new()
    document.new_page(width_pt, height_pt)
    output = io.BytesIO()
    document.save(output)
    return output.getvalue()


@pytest.mark.parametrize("shape", [(1, 400), (1, 14_400), (14_400, 1), (595, 842)])
def test_pdf_preview_stays_small_whatever_the_page_shape(make_document, shape):
    """A few hundred bytes of PDF must not make the preview allocate hundreds of megabytes."""
    document = make_document(pdf_with_page(*shape), "trang-la.pdf")

    make_document_preview.call(document.pk)

    document.refresh_from_db()
    assert document.preview
    assert 0 < document.preview_width <= 480 and 0 < document.preview_height <= 1920
    assert document.preview_width * document.preview_height * 4 <= 50 * 1024 * 1024
