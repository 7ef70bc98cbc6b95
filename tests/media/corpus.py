"""Sample files, made in code: good ones of each accepted kind, and a hostile corpus."""

import functools
import io
import random
import struct
import time
import wave
import zipfile
import zlib

from PIL import Image

_FIXED = time.gmtime(1_767_225_600)  # 2026-01-01: a PDF otherwise records the second it was made


def pdf(text_colour: str = "navy") -> bytes:
    """The same bytes on every call (fixed dates), so tests can rely on its SHA-256."""
    output = io.BytesIO()
    Image.new("RGB", (300, 420), text_colour).save(output, "PDF", creationDate=_FIXED, modDate=_FIXED)
    return output.getvalue()


def image(fmt: str = "PNG", size=(64, 48), colour="teal") -> bytes:
    output = io.BytesIO()
    Image.new("RGB", size, colour).save(output, fmt)
    return output.getvalue()


def wav(seconds: float = 0.1) -> bytes:
    output = io.BytesIO()
    with wave.open(output, "wb") as sound:
        sound.setnchannels(1)
        sound.setsampwidth(2)
        sound.setframerate(8000)
        sound.writeframes(b"\x00\x00" * int(8000 * seconds))
    return output.getvalue()


def mp4(payload: int = 1024) -> bytes:
    """A real two-second video (64×48, MPEG-4), padded with a ``free`` box to ``payload`` bytes
    or more: players skip the padding, large-upload tests get their size cheaply."""
    video = _encoded("mp4", "mpeg4", "video")
    return video + struct.pack(">I", payload + 8) + b"free" + bytes(payload)


def mp3(seconds: int = 4) -> bytes:
    return _encoded("mp3", "libmp3lame", "audio", seconds)


@functools.cache
def _encoded(container: str, codec: str, kind: str, seconds: int = 2) -> bytes:
    """Noise encoded with PyAV (its own FFmpeg), the same bytes on every call."""
    import av

    noise = random.Random(104)
    output = io.BytesIO()
    with av.open(output, "w", format=container) as media:
        if kind == "video":
            stream = media.add_stream(codec, rate=25)
            stream.width, stream.height, stream.pix_fmt = 64, 48, "yuv420p"
            frames = [
                av.VideoFrame.from_image(Image.frombytes("RGB", (64, 48), noise.randbytes(64 * 48 * 3)))
                for _ in range(25 * seconds)
            ]
        else:
            stream = media.add_stream(codec, rate=48000, layout="mono")
            frames = []
            for number in range(48000 * seconds // 1152):
                frame = av.AudioFrame(format="s16p", layout="mono", samples=1152)
                frame.planes[0].update(noise.randbytes(1152 * 2))
                frame.sample_rate, frame.pts = 48000, number * 1152
                frames.append(frame)
        for frame in [*frames, None]:
            media.mux(stream.encode(frame))
    return output.getvalue()


def zip_of(members: dict[str, bytes]) -> bytes:
    output = io.BytesIO()
    with zipfile.ZipFile(output, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return output.getvalue()


def docx() -> bytes:
    return zip_of({"[Content_Types].xml": b"<Types/>", "word/document.xml": b"<w:document/>"})


def scorm() -> bytes:
    return zip_of({"imsmanifest.xml": b"<manifest/>", "index.html": b"<p>Bai hoc</p>", "app.js": b"1"})


def vtt() -> bytes:
    return "WEBVTT\n\n00:00.000 --> 00:02.000\nXin chào\n".encode()


@functools.cache
def png_bomb(side: int = 50_000) -> bytes:
    """A real PNG of side×side 1-bit pixels (≈300 MB unpacked) that compresses to a few hundred KB."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", side, side, 1, 0, 0, 0, 0)
    compressor, row = zlib.compressobj(9), bytes(1 + side // 8 + 1)
    body = b"".join(compressor.compress(row * 1000) for _ in range(side // 1000)) + compressor.flush()
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", body) + chunk(b"IEND", b"")


def hostile() -> dict[str, tuple[str, bytes, str]]:
    """name → (filename, bytes, refusal code)."""
    return {
        "mislabelled executable": ("bai-giang.pdf", b"MZ\x90\x00" + bytes(2000), "program"),
        "ELF as video": ("video.mp4", b"\x7fELF\x02\x01\x01" + bytes(2000), "program"),
        "PDF/ZIP polyglot": (
            "tai-lieu.pdf",
            pdf() + zip_of({"run.html": b"<script>alert(1)</script>"}),
            "polyglot",
        ),
        "PNG bomb": ("anh.png", png_bomb(), "pixels"),
        "SVG with script": (
            "logo.svg",
            b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
            "svg",
        ),
        "empty file": ("rong.pdf", b"", "empty"),
        "path traversal": ("../../etc/cron.d/tai-lieu.pdf", pdf(), "path"),
        "plain ZIP": ("goi.zip", zip_of({"readme.txt": b"hello"}), "zip"),
        "ZIP slip": (
            "goi.zip",
            zip_of({"imsmanifest.xml": b"<m/>", "../../evil.html": b"x"}),
            "unsafe_member",
        ),
        "program in package": (
            "goi.zip",
            zip_of({"imsmanifest.xml": b"<m/>", "setup.exe": b"MZ"}),
            "program_member",
        ),
        "PHP script": ("bai.pdf", b"<?php system($_GET['c']); ?>", "program"),
        "unknown type": ("ghi-chu.txt", "Ghi chú".encode() * 100, "type"),
        **damaged(),
    }


def photo(fmt: str = "JPEG", size=(640, 480)) -> bytes:
    """A picture with detail in it (a flat colour compresses to almost nothing)."""
    picture = Image.radial_gradient("L").resize(size).convert("RGB")
    output = io.BytesIO()
    picture.save(output, fmt)
    return output.getvalue()


def damaged() -> dict[str, tuple[str, bytes, str]]:
    """Files cut off in transfer: each starts right, so only decoding them shows the damage."""
    jpeg, png, document = photo("JPEG"), photo("PNG"), pdf()
    video, sound = _encoded("mp4", "mpeg4", "video"), mp3()
    return {
        "truncated JPEG": ("anh-chup.jpg", jpeg[: len(jpeg) * 2 // 3], "damaged"),
        "truncated PNG": ("anh-chup.png", png[:-40], "damaged"),
        "truncated PDF": ("tai-lieu.pdf", document[: len(document) // 2], "damaged"),
        "truncated MP4": ("phong-su.mp4", video[: len(video) * 2 // 3], "damaged"),
        "truncated MP3": ("ban-tin.mp3", sound[: len(sound) * 3 // 5], "damaged"),
        "truncated WAV": ("ban-tin.wav", wav(1.0)[:6000], "damaged"),
    }
