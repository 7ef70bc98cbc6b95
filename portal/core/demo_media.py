"""Short playable media made with code, so demo content has real videos and recordings.

PyAV (which ships FFmpeg) encodes what Chromium plays without licensed codecs: WebM with VP8
video and Opus sound, Ogg Opus or MP3 for audio; MP4 (H.264/AAC) is there for players that want
it. Pictures are drawn with Pillow (a coloured field, the title in DejaVu Sans, a moving bar), the
sound is a soft chord. Files stay small (a few dozen KB) and are made in a fraction of a second,
and the same arguments always give the same picture and sound.
"""

import functools
import io
import math
import struct
import textwrap
from fractions import Fraction
from functools import cache
from pathlib import Path

import av
from PIL import Image, ImageDraw, ImageFont

FONT_DIRS = ("/usr/share/fonts/truetype/dejavu", "/usr/share/fonts/dejavu", "/usr/local/share/fonts")
SIZE = (320, 180)
FPS = 12
TONE_RATE = 12000  # the chord is made at this rate; the encoder resamples it (fast, and enough for a hum)
# Video codec, audio codec and audio rate per container (Opus works at 48 kHz).
VIDEO_CONTAINERS = {"webm": ("libvpx", "libopus", 48000), "mp4": ("libx264", "aac", 44100)}
AUDIO_CONTAINERS = {"ogg": ("libopus", 48000), "mp3": ("libmp3lame", 24000)}
A_MAJOR = (220.0, 277.18, 329.63)


@cache
def font_file() -> Path | None:
    """DejaVu Sans from the system: it has every Vietnamese letter."""
    return next(
        (
            Path(folder) / "DejaVuSans.ttf"
            for folder in FONT_DIRS
            if (Path(folder) / "DejaVuSans.ttf").exists()
        ),
        None,
    )


@cache
def font(size: int):
    """DejaVu Sans at ``size``; Pillow's own font when it is missing."""
    found = font_file()
    try:
        return ImageFont.truetype(str(found) if found else "DejaVuSans.ttf", size)
    except OSError:
        return ImageFont.load_default(size)


def _background(title: str, colour: tuple[int, int, int]) -> Image.Image:
    """The still part of each frame: the field, soft hills, the title and the portal's name."""
    height = SIZE[1]
    picture = Image.new("RGB", SIZE, colour)
    draw = ImageDraw.Draw(picture)
    for step in range(5):
        shade = tuple(min(255, channel + 16 * step) for channel in colour)
        draw.ellipse([-60 + step * 80, 120 - step * 4, 90 + step * 80, 240], fill=shade)
    y = 28
    for line in textwrap.wrap(title, 26)[:4]:
        draw.text((16, y), line, font=font(17), fill="white")
        y += 24
    draw.text((16, height - 26), "Học liệu mở Thái Nguyên", font=font(11), fill=(240, 240, 240))
    return picture


def _frames(seconds: float, title: str, colour):
    """Frames with a bar that sweeps across once over the clip (a progress line viewers can follow)."""
    width, height = SIZE
    background = _background(title, colour)
    count = max(1, round(seconds * FPS))
    for number in range(count):
        frame = background.copy()
        draw = ImageDraw.Draw(frame)
        x = int((width - 48) * number / max(1, count - 1))
        draw.rectangle([x, height - 42, x + 48, height - 34], fill=(255, 214, 90))
        yield frame


@functools.lru_cache(maxsize=16)  # demo clips share a few tones: each is computed once
def _tone_samples(seconds: float, rate: int, tone: float = A_MAJOR[0]) -> tuple[float, ...]:
    """A soft major chord on ``tone`` with a slow swell, faded in and out (values in -1..1)."""
    chord = (tone, tone * 1.2599, tone * 1.4983)
    total = int(seconds * rate)
    fade = rate // 5
    samples = []
    for n in range(total):
        t = n / rate
        envelope = min(1.0, n / fade, (total - n) / fade) * (0.75 + 0.25 * math.sin(2 * math.pi * 0.5 * t))
        value = sum(math.sin(2 * math.pi * f * t) for f in chord) / len(chord)
        samples.append(0.35 * envelope * value)
    return tuple(samples)


def _audio_frames(samples: tuple[float, ...], rate: int, chunk: int = 1024):
    """Mono 16-bit frames of ``samples``."""
    for start in range(0, len(samples), chunk):
        part = samples[start : start + chunk]
        data = struct.pack(f"<{len(part)}h", *(int(value * 32767) for value in part))
        frame = av.AudioFrame(format="s16", layout="mono", samples=len(part))
        frame.planes[0].update(data)
        frame.sample_rate = rate
        frame.pts = start
        frame.time_base = Fraction(1, rate)
        yield frame


def _encode_audio(output, stream, seconds: float, tone: float) -> None:
    """The chord made at ``TONE_RATE``; PyAV resamples it to the encoder's format and rate."""
    for frame in _audio_frames(_tone_samples(seconds, TONE_RATE, tone), TONE_RATE):
        output.mux(stream.encode(frame))
    output.mux(stream.encode(None))


def video(
    seconds: float = 6,
    *,
    title: str,
    colour: tuple[int, int, int] = (11, 107, 58),
    container: str = "webm",
    tone: float = A_MAJOR[0],
) -> bytes:
    """A short clip showing ``title`` with a moving bar and a soft chord (WebM VP8+Opus or MP4)."""
    video_codec, audio_codec, rate = VIDEO_CONTAINERS[container]
    buffer = io.BytesIO()
    with av.open(buffer, "w", format=container) as output:
        picture = output.add_stream(video_codec, rate=FPS)
        picture.width, picture.height = SIZE
        picture.pix_fmt = "yuv420p"
        if container == "webm":
            picture.bit_rate = 150_000
            picture.options = {"deadline": "realtime", "cpu-used": "8", "auto-alt-ref": "0"}
        else:
            picture.options = {"preset": "ultrafast", "crf": "32"}
        sound = output.add_stream(audio_codec, rate=rate, layout="mono")
        sound.bit_rate = 32_000
        for frame in _frames(seconds, title, colour):
            output.mux(picture.encode(av.VideoFrame.from_image(frame).reformat(format="yuv420p")))
        output.mux(picture.encode(None))
        _encode_audio(output, sound, seconds, tone)
    return buffer.getvalue()


def audio(seconds: float = 6, *, tone: float = A_MAJOR[0], container: str = "ogg") -> bytes:
    """A gentle chord, mono, low bitrate: Opus in Ogg or MP3."""
    codec, rate = AUDIO_CONTAINERS[container]
    buffer = io.BytesIO()
    with av.open(buffer, "w", format="ogg" if container == "ogg" else "mp3") as output:
        sound = output.add_stream(codec, rate=rate, layout="mono")
        sound.bit_rate = 24_000 if container == "ogg" else 32_000
        _encode_audio(output, sound, seconds, tone)
    return buffer.getvalue()


def _stamp(seconds: float) -> str:
    hours, rest = divmod(seconds, 3600)
    return f"{int(hours):02d}:{int(rest // 60):02d}:{rest % 60:06.3f}"


def captions(lines: list[tuple[float, float, str]]) -> bytes:
    """WebVTT captions from (start, end, text) cues, times in seconds."""
    cues = [f"{_stamp(start)} --> {_stamp(end)}\n{text}" for start, end, text in lines]
    return ("WEBVTT\n\n" + "\n\n".join(cues) + "\n").encode()
