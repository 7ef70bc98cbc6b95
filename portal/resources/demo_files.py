"""Small demo files made with code, so loading demo content downloads nothing.

PDFs with real text (fpdf2 with DejaVu Sans, which has every Vietnamese letter: a cover, then a
page per section), a Word document (python-docx), a PNG illustration, a short WAV tone (``wave``)
and WebVTT captions (videos come from ``portal.core.demo_media``). Each carries its resource's
title, so every file's bytes are distinct.
Without DejaVu Sans on the machine, a PDF is a picture of its cover (Pillow's PDF writer).
"""

import datetime
import io
import math
import struct
import textwrap
import wave

from PIL import Image, ImageDraw

from portal.core.demo_media import captions, font, font_file

BRAND = (11, 107, 58)
PALETTE = [
    (11, 107, 58),
    (20, 90, 140),
    (150, 60, 30),
    (110, 40, 120),
    (30, 110, 110),
    (140, 100, 10),
    (70, 80, 90),
    (160, 40, 70),
    (40, 70, 150),
    (90, 110, 30),
]


def _draw_lines(draw, lines, x, y, size, fill, width_chars):
    for paragraph in lines:
        for line in textwrap.wrap(paragraph, width_chars) or [""]:
            draw.text((x, y), line, font=font(size), fill=fill)
            y += int(size * 1.4)
        y += size // 2
    return y


def pdf_cover(title: str, organisation: str, summary: str, licence: str) -> bytes:
    page = Image.new("RGB", (620, 877), "white")
    draw = ImageDraw.Draw(page)
    draw.rectangle([0, 0, 620, 150], fill=BRAND)
    draw.text((40, 50), "Học liệu mở Thái Nguyên", font=font(22), fill="white")
    draw.text((40, 90), organisation, font=font(16), fill="white")
    y = _draw_lines(draw, [title], 40, 200, 30, (20, 20, 20), 34)
    y = _draw_lines(draw, [summary], 40, y + 20, 17, (60, 60, 60), 60)
    draw.text((40, 820), f"Giấy phép: {licence}", font=font(14), fill=(60, 60, 60))
    buffer = io.BytesIO()
    page.save(buffer, "PDF", resolution=72.0, title=title, author=organisation)
    return buffer.getvalue()


def text_pdf(title: str, organisation: str, summary: str, licence: str, sections=()) -> bytes:
    """A PDF whose words are text (found by search, read aloud by screen readers)."""
    if font_file() is None:
        return pdf_cover(title, organisation, summary, licence)
    from fpdf import FPDF

    pdf = FPDF(format=(148, 210))  # A5
    pdf.set_title(title)
    pdf.set_author(organisation)
    pdf.set_creation_date(datetime.datetime(2025, 1, 1, tzinfo=datetime.UTC))  # same bytes each load
    pdf.add_font("DejaVu", fname=str(font_file()))
    pdf.set_margins(14, 14)
    pdf.add_page()
    pdf.set_fill_color(*BRAND)
    pdf.rect(0, 0, pdf.w, 34, style="F")
    pdf.set_text_color(255, 255, 255)
    pdf.set_font("DejaVu", size=13)
    pdf.set_xy(14, 10)
    pdf.cell(text="Học liệu mở Thái Nguyên")
    pdf.set_font("DejaVu", size=9)
    pdf.set_xy(14, 19)
    pdf.cell(text=organisation)
    pdf.set_text_color(20, 20, 20)
    pdf.set_xy(14, 48)
    pdf.set_font("DejaVu", size=18)
    pdf.multi_cell(0, 9, title)
    pdf.ln(4)
    pdf.set_font("DejaVu", size=10)
    pdf.multi_cell(0, 6, summary)
    pdf.set_xy(14, pdf.h - 24)
    pdf.cell(text=f"Giấy phép: {licence}")
    for heading, text in sections:
        pdf.add_page()
        pdf.set_font("DejaVu", size=13)
        pdf.multi_cell(0, 8, heading)
        pdf.ln(2)
        pdf.set_font("DejaVu", size=10)
        pdf.multi_cell(0, 6, text)
    return bytes(pdf.output())


def word_document(title: str, summary: str, sections=()) -> bytes:
    """A .docx with a heading per section."""
    import docx

    document = docx.Document()
    document.core_properties.title = title
    document.add_heading(title, level=1)
    document.add_paragraph(summary)
    for heading, text in sections:
        document.add_heading(heading, level=2)
        document.add_paragraph(text)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def illustration(label: str, index: int) -> bytes:
    """A 480×270 picture: a coloured field, an open book and the subject's name."""
    colour = PALETTE[index % len(PALETTE)]
    picture = Image.new("RGB", (480, 270), colour)
    draw = ImageDraw.Draw(picture)
    for step in range(6):
        shade = tuple(min(255, channel + 18 * step) for channel in colour)
        draw.ellipse([-75 + step * 98, 188 - step * 5, 105 + step * 98, 345], fill=shade)
    draw.polygon([(172, 52), (240, 68), (240, 158), (172, 142)], fill=(253, 250, 240))
    draw.polygon([(240, 68), (308, 52), (308, 142), (240, 158)], fill=(243, 236, 214))
    draw.text((30, 215), label, font=font(22), fill="white")
    buffer = io.BytesIO()
    picture.save(buffer, "PNG", optimize=True)
    return buffer.getvalue()


def wav_tone(seed: int, seconds: float = 1.5, rate: int = 8000) -> bytes:
    """A short two-note chime (8 kHz, 8-bit mono): a stand-in for a radio programme."""
    frequency = 330 + (seed % 12) * 30
    frames = bytearray()
    total = int(seconds * rate)
    for n in range(total):
        note = frequency if n < total // 2 else frequency * 1.25
        fade = min(1.0, n / 400, (total - n) / 800)
        frames += struct.pack("B", int(128 + 90 * fade * math.sin(2 * math.pi * note * n / rate)))
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as output:
        output.setnchannels(1)
        output.setsampwidth(1)
        output.setframerate(rate)
        output.writeframes(bytes(frames))
    return buffer.getvalue()


def webvtt(lines: list[str], seconds_each: float = 3.0) -> bytes:
    """Captions showing ``lines`` one after another."""
    return captions(
        [(number * seconds_each, (number + 1) * seconds_each, line) for number, line in enumerate(lines)]
    )
