"""Upload validation: what is accepted, what is refused and with which message."""

import io

import pytest
from django.utils import translation

from media.validation import UploadRejected, clean_filename, validate_upload
from tests.media import corpus

GOOD = {
    "PDF": ("Bài giảng.pdf", corpus.pdf, "document", "application/pdf"),
    "DOCX": (
        "Giáo án.docx",
        corpus.docx,
        "document",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ),
    "PNG": ("ảnh.png", corpus.image, "image", "image/png"),
    "WebP": ("ảnh.webp", lambda: corpus.image("WEBP"), "image", "image/webp"),
    "AVIF": ("ảnh.avif", lambda: corpus.image("AVIF"), "image", "image/avif"),
    "JPEG": ("ảnh.jpg", lambda: corpus.image("JPEG"), "image", "image/jpeg"),
    "WAV": ("bản tin.wav", corpus.wav, "audio", "audio/wav"),
    "MP4": ("phóng sự.mp4", corpus.mp4, "video", "video/mp4"),
    "SCORM": ("khoá học.zip", corpus.scorm, "package", "application/zip"),
    "H5P": (
        "trò chơi.h5p",
        lambda: corpus.zip_of({"h5p.json": b"{}", "content/content.json": b"{}"}),
        "package",
        "application/zip",
    ),
    "ODT": (
        "văn bản.odt",
        lambda: corpus.zip_of({"mimetype": b"application/vnd.oasis.opendocument.text"}),
        "document",
        "application/vnd.oasis.opendocument.text",
    ),
    "WebVTT": ("phụ đề.vtt", corpus.vtt, "captions", "text/vtt"),
}


@pytest.mark.parametrize("label", GOOD)
def test_accepted_kinds_are_described(label):
    filename, make, kind, content_type = GOOD[label]
    data = make()

    facts = validate_upload(io.BytesIO(data), filename)

    assert (facts.kind, facts.content_type, facts.size) == (kind, content_type, len(data))
    assert len(facts.sha256) == 64
    assert facts.original_name == filename


def test_xlsx_from_openpyxl_is_a_document():
    from openpyxl import Workbook

    output = io.BytesIO()
    Workbook().save(output)
    facts = validate_upload(io.BytesIO(output.getvalue()), "chỉ tiêu.xlsx")
    assert facts.file_type.key == "xlsx"


@pytest.mark.parametrize("case", corpus.hostile())
def test_hostile_corpus_is_refused_with_a_message(case):
    filename, data, code = corpus.hostile()[case]

    with pytest.raises(UploadRejected) as refused:
        validate_upload(io.BytesIO(data), filename)

    assert refused.value.code == code
    assert len(str(refused.value)) > 10


def test_oversize_file_is_refused_before_reading(settings):
    settings.MEDIA_MAX_UPLOAD_SIZE = {**settings.MEDIA_MAX_UPLOAD_SIZE, "document": 1000}
    with pytest.raises(UploadRejected, match="1000") as refused:  # the limit, in either language
        validate_upload(io.BytesIO(corpus.pdf() + bytes(2000)), "lon.pdf", kind="document")
    assert refused.value.code == "size"


def test_expected_kind_is_enforced():
    with pytest.raises(UploadRejected) as refused:
        validate_upload(io.BytesIO(corpus.pdf()), "anh.png", kind="image")
    assert refused.value.code == "kind"
    assert "PNG" in str(refused.value)


def test_image_over_the_pixel_limit_is_refused(settings):
    settings.MEDIA_MAX_IMAGE_PIXELS = 1000
    with pytest.raises(UploadRejected) as refused:
        validate_upload(io.BytesIO(corpus.image(size=(100, 100))), "anh.png")
    assert refused.value.code == "pixels"
    assert "100×100" in str(refused.value)


def test_truncated_image_is_refused():
    data = corpus.image(size=(200, 200))
    with pytest.raises(UploadRejected) as refused:
        validate_upload(io.BytesIO(data[: len(data) // 2]), "anh.png")
    assert refused.value.code == "damaged"


def test_office_file_with_macros_is_refused():
    data = corpus.zip_of(
        {"[Content_Types].xml": b"<T/>", "word/document.xml": b"<d/>", "word/vbaProject.bin": b"x"}
    )
    with pytest.raises(UploadRejected) as refused:
        validate_upload(io.BytesIO(data), "giao-an.docx")
    assert refused.value.code == "macros"


def test_message_follows_the_active_language():
    with translation.override("en"), pytest.raises(UploadRejected) as refused:
        validate_upload(io.BytesIO(b""), "rong.pdf")
    assert str(refused.value) == "The file is empty."


def test_name_is_cleaned_and_extension_follows_the_content():
    data = corpus.image()  # a PNG named as a JPEG, with a right-to-left override and a control character
    facts = validate_upload(io.BytesIO(data), "Ảnh\u202e lớp 5\x07?.jpg")

    assert facts.clean_name == "Ảnh lớp 5.png"
    assert facts.original_name == "Ảnh lớp 5?.jpg"


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Bài 1: Số học.PDF", "Bài 1 Số học.pdf"),
        ("...", "tai-lieu.pdf"),
        ("  .ẩn ", "ẩn.pdf"),
        ("a" * 300, "a" * 120 + ".pdf"),
    ],
)
def test_clean_filename(name, expected):
    assert clean_filename(name, "pdf") == expected


def test_file_position_is_rewound():
    stream = io.BytesIO(corpus.pdf())
    validate_upload(stream, "a.pdf")
    assert stream.tell() == 0


@pytest.mark.django_db
def test_duplicates_are_reported():
    from wagtail.models import Collection

    from media.models import PortalDocument

    data = corpus.pdf("maroon")
    facts = validate_upload(io.BytesIO(data), "a.pdf")
    existing = PortalDocument.objects.create(
        title="Bản đầu",
        file="documents/a.pdf",
        sha256=facts.sha256,
        collection=Collection.get_first_root_node(),
    )

    assert facts.duplicates() == [existing]
    assert facts.duplicates(exclude=existing) == []
