"""Small demo files drawn with code, so loading demo content downloads nothing.

A one-page PDF cover (Pillow's PDF writer), a PNG illustration, a short WAV tone (``wave``) and
a WebVTT caption file. Each carries its resource's title, so every file's bytes are distinct.
"""

import io
import math
import struct
import textwrap
import wave
from functools import cache

from PIL import Image, ImageDraw, ImageFont

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


@cache
def font(size: int):
    """DejaVu Sans has every Vietnamese letter; Pillow's own font is the fallback."""
    try:
        return ImageFont.truetype("DejaVuSans.ttf", size)
    except OSError:
        return ImageFont.load_default(size)


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


def webvtt(title: str, summary: str) -> bytes:
    return (
        f"WEBVTT\n\n00:00:00.000 --> 00:00:00.750\n{title}\n\n00:00:00.750 --> 00:00:01.500\n{summary}\n"
    ).encode()
