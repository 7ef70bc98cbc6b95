"""The large-upload screen in headless Chromium: parts, progress, verification, the new document."""

import hashlib
import os
from concurrent.futures import ThreadPoolExecutor

import pytest

from media.models import PortalDocument
from tests.browser import CHROMIUM, CHROMIUM_ARGS
from tests.media import corpus

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PART = 5 * 1024 * 1024


def drive_upload(base_url: str, video: bytes) -> dict:
    """Log in and upload through the page; runs in a thread of its own, so this Chromium never
    meets the event loop of the session's shared browser in the main thread."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page()
        chunks = []
        page.on("request", lambda request: "/chunks/" in request.url and chunks.append(request.url))
        page.goto(base_url + "/admin/login/")
        page.fill("#id_username", "bien-tap")
        page.fill("#id_password", "mat-khau-dai-123")
        page.click("button[type=submit]")
        page.goto(base_url + "/admin/media/uploads/")
        page.set_input_files(
            "#large-upload-file", files=[{"name": "Phóng sự.mp4", "mimeType": "video/mp4", "buffer": video}]
        )
        page.fill("#large-upload-title", "Phóng sự Tuần lễ học tập suốt đời")
        page.click("#large-upload button[type=submit]")
        page.wait_for_selector("#large-upload-status a", timeout=60_000)
        result = {"chunks": len(chunks), "progress": page.locator("progress").get_attribute("value")}
        browser.close()
    return result


def test_editor_uploads_a_large_video_in_parts(live_server, wagtail_basics, django_user_model, settings):
    if not os.path.exists(CHROMIUM):
        pytest.skip("Chromium is not installed; `make test` installs it")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    settings.MEDIA_UPLOAD_PART_SIZE = PART
    django_user_model.objects.create_superuser("bien-tap", "bien-tap@example.org", "mat-khau-dai-123")
    video = corpus.mp4(payload=2 * PART + 12345)

    with ThreadPoolExecutor(max_workers=1) as thread:
        result = thread.submit(drive_upload, live_server.url, video).result(timeout=120)

    document = PortalDocument.objects.get()
    assert document.title == "Phóng sự Tuần lễ học tập suốt đời"
    assert document.sha256 == hashlib.sha256(video).hexdigest()
    assert document.original_filename == "Phóng sự.mp4"
    assert result == {"chunks": 3, "progress": "100"}
