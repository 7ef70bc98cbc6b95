"""Resumable large uploads: parts, a dropped connection, resume, completion and verification."""

import hashlib
import http.client
import json
import urllib.request
from urllib.parse import urlsplit

import pytest
from django.urls import reverse
from wagtail.models import Collection

from media.models import PortalDocument, UploadSession
from tests.media import corpus

pytestmark = pytest.mark.django_db
PART = 5 * 1024 * 1024
VIDEO = corpus.mp4(payload=2 * PART + 5000)


@pytest.fixture(autouse=True)
def small_parts(settings):
    settings.MEDIA_UPLOAD_PART_SIZE = PART


@pytest.fixture
def run_tasks(django_capture_on_commit_callbacks):
    """Run the verification task the way the immediate backend does after a real commit."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


def call(client, name, *args, data=None, method="post"):
    response = getattr(client, method)(reverse(f"media_uploads:{name}", args=args), data or {})
    return response.status_code, json.loads(response.content)


def start(client, data=VIDEO, filename="Phóng sự: Tuần lễ học tập.mp4", sha256=None):
    return call(
        client,
        "start",
        data={
            "filename": filename,
            "size": len(data),
            "title": "Phóng sự",
            "collection": Collection.get_first_root_node().pk,
            "sha256": hashlib.sha256(data).hexdigest() if sha256 is None else sha256,
        },
    )


def finish(client, session_id, run_tasks) -> dict:
    """Complete the upload, let the verification task run, and read the session's outcome."""
    with run_tasks():
        status, _ = call(client, "complete", session_id)
    assert status in {200, 202}
    return call(client, "status", session_id, method="get")[1]


def part_of(data: bytes, number: int) -> bytes:
    return data[(number - 1) * PART : number * PART]


def send_to_s3(client, session_id, number, data):
    chunk = part_of(data, number)
    status, target = call(
        client, "part", session_id, number, data={"sha256": hashlib.sha256(chunk).hexdigest()}
    )
    assert status == 200 and not target["same_origin"]
    request = urllib.request.Request(target["url"], data=chunk, method="PUT")
    with urllib.request.urlopen(request, timeout=30) as answer:
        assert answer.status == 200


def drop_mid_part(url: str, chunk: bytes) -> None:
    """Send half a part, then hang up, as a phone losing its connection would."""
    parts = urlsplit(url)
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=10)
    connection.putrequest("PUT", f"{parts.path}?{parts.query}", skip_accept_encoding=True)
    connection.putheader("Content-Length", str(len(chunk)))
    connection.endheaders()
    connection.send(chunk[: len(chunk) // 2])
    connection.sock.close()


@pytest.mark.s3
def test_multipart_upload_resumes_after_a_drop_and_is_verified(bucket, editor_client, run_tasks):
    status, session = start(editor_client)
    assert status == 201
    assert (session["part_count"], session["part_size"]) == (3, PART)

    send_to_s3(editor_client, session["id"], 1, VIDEO)
    send_to_s3(editor_client, session["id"], 2, VIDEO)
    _, target = call(editor_client, "part", session["id"], 3)
    drop_mid_part(target["url"], part_of(VIDEO, 3))

    _, resumed = call(editor_client, "status", session["id"], method="get")
    assert resumed["parts_done"] == [1, 2]
    status, refused = call(editor_client, "complete", session["id"])
    assert status == 409 and "3" in refused["error"]
    assert not PortalDocument.objects.exists()

    send_to_s3(editor_client, session["id"], 3, VIDEO)
    finished = finish(editor_client, session["id"], run_tasks)

    assert finished["status"] == "done", finished
    document = PortalDocument.objects.get(pk=finished["document"]["id"])
    assert document.sha256 == hashlib.sha256(VIDEO).hexdigest()
    assert (document.content_type, document.kind, document.file_size) == ("video/mp4", "video", len(VIDEO))
    assert document.original_filename == "Phóng sự: Tuần lễ học tập.mp4"
    assert document.file.name.startswith("video/")
    assert bucket.object_keys() == [f"private/{document.file.name}"]
    assert bucket.multipart_uploads() == []
    with document.file.open("rb") as stored:
        assert hashlib.sha256(stored.read()).hexdigest() == document.sha256


@pytest.mark.s3
def test_checksum_mismatch_refuses_and_removes_the_file(bucket, editor_client, run_tasks):
    _, session = start(editor_client, sha256="0" * 64)
    for number in (1, 2, 3):
        send_to_s3(editor_client, session["id"], number, VIDEO)

    finished = finish(editor_client, session["id"], run_tasks)

    assert finished["status"] == "failed"
    assert "checksum" in finished["message"].lower() or "kiểm tra" in finished["message"].lower()
    assert not PortalDocument.objects.exists()
    assert bucket.object_keys() == []


@pytest.mark.s3
def test_hostile_content_found_after_assembly_is_removed(bucket, editor_client, run_tasks):
    program = b"MZ" + bytes(PART + 10)
    _, session = start(editor_client, data=program, filename="video.mp4")
    for number in (1, 2):
        send_to_s3(editor_client, session["id"], number, program)

    finished = finish(editor_client, session["id"], run_tasks)

    assert finished["status"] == "failed" and finished["message"]
    assert not PortalDocument.objects.exists()
    assert bucket.object_keys() == []


def test_too_large_or_badly_named_uploads_never_start(editor_client, settings):
    status, refused = call(
        editor_client,
        "start",
        data={"filename": "phim.mp4", "size": 3 * 1024**3, "collection": Collection.get_first_root_node().pk},
    )
    assert status == 400 and refused["error"]
    status, refused = start(editor_client, filename="../phim.mp4")
    assert status == 400 and refused["error"]
    status, refused = start(editor_client, sha256="not-a-checksum")
    assert status == 400 and "SHA-256" in refused["error"]
    status, refused = start(editor_client, filename="a" * 300 + ".mp4")
    assert status == 400 and refused["error"]
    assert not UploadSession.objects.exists()


def test_chunked_upload_on_the_filesystem_profile(editor_client, run_tasks, media_root):
    _, session = start(editor_client)
    url = lambda number: reverse("media_uploads:chunk", args=[session["id"], number])  # noqa: E731

    for number in (1, 2):
        _, target = call(editor_client, "part", session["id"], number)
        assert target["same_origin"] and target["url"] == url(number)
        response = editor_client.put(
            url(number), part_of(VIDEO, number), content_type="application/octet-stream"
        )
        assert response.status_code == 200
    cut = editor_client.put(url(3), part_of(VIDEO, 3)[:1000], content_type="application/octet-stream")
    assert cut.status_code == 400

    _, resumed = call(editor_client, "status", session["id"], method="get")
    assert resumed["parts_done"] == [1, 2]

    editor_client.put(url(3), part_of(VIDEO, 3), content_type="application/octet-stream")
    finished = finish(editor_client, session["id"], run_tasks)

    assert finished["status"] == "done", finished
    document = PortalDocument.objects.get()
    assert document.sha256 == hashlib.sha256(VIDEO).hexdigest()
    assert document.file.path.startswith(str(media_root / "private" / "video"))
    assert not (media_root / "uploads" / session["id"]).exists()


def test_sessions_belong_to_their_editor(editor_client, client, django_user_model):
    _, session = start(editor_client)
    other = django_user_model.objects.create_superuser("khac", "khac@example.org", "mat-khau-dai-123")
    client.force_login(other)

    assert client.get(reverse("media_uploads:status", args=[session["id"]])).status_code == 404


def test_upload_screen_is_listed_for_editors_and_explains_itself_without_javascript(editor_client):
    response = editor_client.get(reverse("media_uploads:page"))

    assert response.status_code == 200
    html = response.content.decode()
    assert 'id="large-upload"' in html and "<noscript>" in html and "js/upload.js" in html
    assert reverse("media_uploads:page") in editor_client.get(reverse("wagtailadmin_home")).content.decode()
