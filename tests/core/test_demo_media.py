"""Demo media are real recordings: accepted by the upload checks and decodable to the end."""

import io

import av
import pytest

from media.validation import validate_upload
from portal.core import demo_media


def _streams(data: bytes) -> tuple[float, dict[str, str]]:
    with av.open(io.BytesIO(data)) as container:
        codecs = {stream.type: stream.codec_context.name for stream in container.streams}
        frames = sum(1 for _ in container.decode(container.streams[0]))
        assert frames > 10
        return container.duration / av.time_base, codecs


@pytest.mark.parametrize(
    ("container", "content_type", "codecs"),
    [
        ("webm", "video/webm", {"video": "vp8", "audio": "opus"}),
        ("mp4", "video/mp4", {"video": "h264", "audio": "aac"}),
    ],
)
def test_a_demo_video_passes_the_upload_checks_and_lasts_as_asked(container, content_type, codecs):
    data = demo_media.video(
        4, title="Chế biến chè xanh Thái Nguyên", colour=(20, 90, 140), container=container
    )

    facts = validate_upload(io.BytesIO(data), f"che-xanh.{container}", "video")
    duration, found = _streams(data)

    assert facts.content_type == content_type
    assert found == codecs
    assert 3.8 <= duration <= 4.3
    assert len(data) < 300_000


@pytest.mark.parametrize(("container", "content_type"), [("ogg", "audio/ogg"), ("mp3", "audio/mpeg")])
def test_demo_audio_passes_the_upload_checks_and_lasts_as_asked(container, content_type):
    data = demo_media.audio(5, tone=262.0, container=container)

    facts = validate_upload(io.BytesIO(data), f"tieng-chuong.{container}", "audio")
    duration, found = _streams(data)

    assert facts.content_type == content_type and set(found) == {"audio"}
    assert 4.8 <= duration <= 5.3
    assert len(data) < 60_000


def test_different_titles_give_different_files_and_the_same_title_the_same_picture():
    first = demo_media.video(2, title="Bài một", colour=(11, 107, 58))
    second = demo_media.video(2, title="Bài hai", colour=(11, 107, 58))

    assert first != second
    with av.open(io.BytesIO(first)) as container:
        picture = next(container.decode(video=0)).to_image()
    assert picture.size == demo_media.SIZE


def test_captions_are_webvtt_cues_the_upload_checks_accept():
    data = demo_media.captions([(0, 2.5, "Xin chào"), (2.5, 65, "Học tập suốt đời")])

    facts = validate_upload(io.BytesIO(data), "phu-de.vtt", "captions")

    assert facts.content_type == "text/vtt"
    assert data.decode().splitlines() == [
        "WEBVTT",
        "",
        "00:00:00.000 --> 00:00:02.500",
        "Xin chào",
        "",
        "00:00:02.500 --> 00:01:05.000",
        "Học tập suốt đời",
    ]
