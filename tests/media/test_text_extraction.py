"""Text is extracted from PDF, Word, OpenDocument, PowerPoint and captions files for search,
as written, bounded in size; damaged or hostile files give no text and never fail the task."""

import io

import pptx
import pytest
from odf import text as odf_text
from odf.opendocument import OpenDocumentText

from media import text_extraction
from media.text_extraction import extract_document_text, extract_text
from portal.resources import demo_files
from tests.media import corpus

SECTIONS = [
    ("1. Chuẩn bị", "Chọn đất tơi xốp, thoát nước tốt."),
    ("2. Chăm sóc", "Hái một tôm hai lá non vào buổi sáng."),
]
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
PPTX = "application/vnd.openxmlformats-officedocument.presentationml.presentation"
ODT = "application/vnd.oasis.opendocument.text"


def _pptx() -> bytes:
    presentation = pptx.Presentation()
    slide = presentation.slides.add_slide(presentation.slide_layouts[1])
    slide.shapes.title.text = "Chuyển đổi số cấp xã"
    slide.placeholders[1].text = "Hái một tôm hai lá non vào buổi sáng."
    buffer = io.BytesIO()
    presentation.save(buffer)
    return buffer.getvalue()


def _odt() -> bytes:
    document = OpenDocumentText()
    document.text.addElement(odf_text.H(outlinelevel=1, text="Quy chế câu lạc bộ"))
    document.text.addElement(odf_text.P(text="Hái một tôm hai lá non vào buổi sáng."))
    buffer = io.BytesIO()
    document.write(buffer)
    return buffer.getvalue()


FILES = {
    "PDF, second page": (
        lambda: demo_files.text_pdf("Kỹ thuật trồng chè", "Sở NN", "Tóm tắt", "CC BY 4.0", SECTIONS),
        "application/pdf",
    ),
    "Word": (lambda: demo_files.word_document("Kỹ thuật trồng chè", "Tóm tắt", SECTIONS), DOCX),
    "PowerPoint": (_pptx, PPTX),
    "OpenDocument": (_odt, ODT),
    "captions": (
        lambda: demo_files.webvtt(["Xin chào bà con.", "Hái một tôm hai lá non vào buổi sáng."]),
        "text/vtt",
    ),
}


@pytest.mark.skipif(demo_files.font_file() is None, reason="DejaVu Sans is not installed")
@pytest.mark.parametrize("kind", FILES)
def test_the_text_of_each_kind_is_extracted_as_written(kind):
    make, content_type = FILES[kind]

    text = extract_text(make(), content_type)

    assert "Hái một tôm hai lá non vào buổi sáng." in text


@pytest.mark.parametrize("name", [*sorted(corpus.damaged()), "mislabelled executable", "PHP script"])
def test_damaged_or_hostile_files_give_no_text_and_no_error(name):
    _filename, data, _code = corpus.hostile()[name]

    for content_type in text_extraction.EXTRACTORS:
        assert isinstance(extract_text(data, content_type), str)


def test_an_office_file_that_would_unpack_too_large_is_not_opened(monkeypatch, caplog):
    monkeypatch.setattr(text_extraction, "MAX_UNPACKED", 1_000)
    bomb = corpus.zip_of({"[Content_Types].xml": b"<Types/>", "word/document.xml": b"0" * 5_000})

    assert extract_text(bomb, DOCX) == ""
    assert "unpacks to more than" in caplog.text


def test_text_is_bounded_per_file():
    sections = [(f"Phần {number}", "Học tập suốt đời cho mọi người dân. " * 60) for number in range(30)]
    data = demo_files.word_document("Sách dài", "Tóm tắt", sections)

    assert 0 < len(extract_text(data, DOCX)) <= text_extraction.TEXT_LIMIT


@pytest.mark.django_db
def test_the_text_is_stored_on_the_document_after_upload(make_document, django_capture_on_commit_callbacks):
    data = demo_files.word_document("Giáo trình tin học", "Tóm tắt", SECTIONS)
    with django_capture_on_commit_callbacks(execute=True):
        document = make_document(data, "giao-trinh.docx")

    document.refresh_from_db()
    assert "Hái một tôm hai lá non" in document.text and document.text_source == document.file.name
    assert extract_document_text.call(document.pk) == len(document.text)  # again: the same text
