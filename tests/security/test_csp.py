"""Content-Security-Policy: strict on public pages, workable in the admin, frames only where needed."""

import re
from pathlib import Path

import pytest

from tests.programmes.factories import (
    BroadcastProgrammePageFactory,
    EpisodePageFactory,
    ProgrammeIndexPageFactory,
)

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]


def policy(response) -> dict[str, list[str]]:
    header = response["Content-Security-Policy"]
    directives = {}
    for part in header.split(";"):
        name, *values = part.split()
        directives[name] = values
    return directives


def test_public_pages_run_only_our_own_scripts_and_cannot_be_framed(client, home):
    csp = policy(client.get("/"))

    assert csp["default-src"] == ["'self'"]
    assert csp["script-src"] == ["'self'"] and csp["style-src"] == ["'self'"]
    assert csp["object-src"] == ["'none'"] and csp["frame-src"] == ["'none'"]
    assert csp["frame-ancestors"] == ["'none'"]
    assert csp["base-uri"] == ["'self'"] and csp["form-action"] == ["'self'"]
    assert csp["img-src"] == ["'self'"] and csp["media-src"] == ["'self'"]


def test_json_and_search_answers_carry_the_policy_too(client, home):
    for url in ("/tim-kiem/?q=ky+nang", "/api/search/?q=ky", "/tim-kiem/goi-y/?q=ky"):
        assert "'unsafe-inline'" not in client.get(url)["Content-Security-Policy"]


def test_the_admin_gets_the_policy_wagtail_needs(client, admin_client):
    login = policy(client.get("/admin/login/"))
    editing = policy(admin_client.get("/admin/"))

    for csp in (login, editing):
        assert csp["script-src"] == ["'self'", "'unsafe-inline'"]
        assert csp["frame-ancestors"] == ["'self'"]  # page previews are framed by the admin itself
        assert csp["object-src"] == ["'none'"]


def test_the_x_frame_options_header_denies_framing_except_wagtail_previews(client, home):
    assert client.get("/")["X-Frame-Options"] == "DENY"


def test_files_in_s3_add_the_bucket_and_the_signing_endpoint_to_images_and_media(client, home, settings):
    settings.S3_BUCKET = "hoclieu"
    settings.S3_PUBLIC_URL = "https://media.hoclieu.thainguyen.edu.vn/hoclieu"
    settings.S3_ENDPOINT_URL = "https://s3.hoclieu.thainguyen.edu.vn:9000"

    csp = policy(client.get("/"))

    for directive in ("img-src", "media-src"):
        assert csp[directive] == [
            "'self'",
            "https://media.hoclieu.thainguyen.edu.vn",
            "https://s3.hoclieu.thainguyen.edu.vn:9000",
        ]
    assert csp["script-src"] == ["'self'"] and csp["connect-src"] == ["'self'"]
    # Editors' browsers send uploads straight to the bucket.
    admin = policy(client.get("/admin/login/"))
    assert admin["connect-src"] == ["'self'", *csp["img-src"][1:]]


@pytest.fixture
def episode(home, settings):
    settings.BROADCAST_PLAYER_HOSTS = ["thainguyentv.vn", "vtvgo.vn"]
    programme = BroadcastProgrammePageFactory(parent=ProgrammeIndexPageFactory(parent=home))
    return EpisodePageFactory(parent=programme, player_url="https://thainguyentv.vn/xem/tap-1")


def test_only_the_player_page_may_frame_the_allowed_broadcasters(client, episode):
    player = client.get(episode.url + "xem/")
    page = client.get(episode.url)

    assert player.status_code == 200 and 'src="https://thainguyentv.vn/xem/tap-1"' in player.content.decode()
    assert policy(player)["frame-src"] == ["https://thainguyentv.vn", "https://vtvgo.vn"]
    assert policy(player)["script-src"] == ["'self'"]
    assert policy(page)["frame-src"] == ["'none'"]


INLINE = {
    "inline script": re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*application/(ld\+)?json)[^>]*>", re.I),
    "event handler attribute": re.compile(r"<[^>]+\son[a-z]+\s*=", re.I),
    "style attribute": re.compile(r"<[^>]+\sstyle\s*=", re.I),
    "style element": re.compile(r"<style[\s>]", re.I),
    "javascript: link": re.compile(r"javascript:", re.I),
}


def public_templates():
    for path in sorted((ROOT / "templates").rglob("*.html")):
        relative, text = path.relative_to(ROOT / "templates"), path.read_text()
        if {"admin", "email"} & set(relative.parts) or '{% extends "wagtailadmin/' in text:
            continue  # the admin's pages live under its own policy; e-mails are not pages
        yield relative, text


def test_public_templates_hold_no_inline_code_or_styles():
    found = [
        f"{relative}: {what}"
        for relative, text in public_templates()
        for what, pattern in INLINE.items()
        if pattern.search(text)
    ]

    assert found == []


def test_a_draft_viewed_from_the_admin_gets_the_admin_policy(admin_client, home):
    """Wagtail renders it through the middleware with a made-up request for the public address."""
    response = admin_client.get(f"/admin/pages/{home.pk}/view_draft/")

    assert response.status_code == 200 and home.hero_title in response.content.decode()
    assert policy(response)["frame-ancestors"] == ["'self'"]
