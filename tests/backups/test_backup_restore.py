"""Back up a portal with real content and restore it into a fresh one: the restored portal serves
the same page, the same file bytes and the same picture, and finds the page in search."""

import hashlib
import json
from io import StringIO

import boto3
import pytest
from django.core.management import call_command

from tests.backups.conftest import TITLE, manage, portal_environment, visit

pytestmark = pytest.mark.django_db(transaction=True)


def back_up(directory) -> tuple:
    out = StringIO()
    call_command("backup_portal", str(directory), stdout=out)
    [folder] = [path for path in directory.iterdir()]
    return folder, json.loads((folder / "manifest.json").read_text(encoding="utf-8")), out.getvalue()


def test_backup_lists_every_stored_file_with_its_checksum(portal_content, media_root, tmp_path):
    folder, manifest, output = back_up(tmp_path / "backups")

    assert folder.name.startswith("portal-backup-")
    assert "Backup complete" in output and "files" in output
    on_disk = {
        ("default" if path.is_relative_to(media_root / "private") else "public", path)
        for root in (media_root / "private", media_root / "public")
        for path in root.rglob("*")
        if path.is_file()
    }
    listed = {(entry["storage"], entry["name"]): entry for entry in manifest["files"]}
    assert len(listed) == len(on_disk) >= 3  # document, image original, rendition
    for alias, path in on_disk:
        root = media_root / ("private" if alias == "default" else "public")
        entry = listed[(alias, path.relative_to(root).as_posix())]
        assert entry["size"] == path.stat().st_size
        assert entry["sha256"] == hashlib.sha256(path.read_bytes()).hexdigest()
        assert (folder / "files" / alias / entry["name"]).read_bytes() == path.read_bytes()
    assert portal_content.document_sha256 in {entry["sha256"] for entry in manifest["files"]}
    assert manifest["database"]["vendor"] in {"postgresql", "sqlite"}
    assert manifest["migrations"]["wagtailcore"].startswith("0")
    assert manifest["migrations"]["resources"].startswith("0")
    assert manifest["portal_version"] and manifest["created"].endswith("+00:00")


def test_restored_portal_serves_the_page_and_the_same_file(portal_content, fresh_database_url, tmp_path):
    folder, _manifest, _output = back_up(tmp_path / "backups")
    env = portal_environment(fresh_database_url, tmp_path / "restored-var")

    result = manage(env, "restore_portal", str(folder), "--rebuild-search-index")

    assert result.returncode == 0, result.stderr[-3000:]
    assert "Restored the database and" in result.stdout
    seen = visit(env, portal_content, "trong che an toan")
    assert seen["page_status"] == 200 and seen["page_shows_title"]
    assert seen["download_status"] == 200
    assert seen["download_sha256"] == portal_content.document_sha256
    assert seen["image_sha256"] == hashlib.sha256(portal_content.image_bytes).hexdigest()
    assert seen["renditions_stored"] and all(seen["renditions_stored"])
    assert TITLE in seen["search_titles"]


def test_restore_with_media_on_s3(bucket, portal_content, fresh_database_url, tmp_path, s3_server):
    folder, manifest, _output = back_up(tmp_path / "backups")
    assert {entry["storage"] for entry in manifest["files"]} == {"default", "public"}
    target_bucket = f"restored-{fresh_database_url.rsplit('_', 1)[-1]}"
    client = boto3.client(
        "s3",
        endpoint_url=s3_server.endpoint_url,
        aws_access_key_id=s3_server.access_key,
        aws_secret_access_key=s3_server.secret_key,
        region_name="us-east-1",
    )
    client.create_bucket(Bucket=target_bucket)
    env = portal_environment(
        fresh_database_url,
        tmp_path / "restored-var",
        S3_ENDPOINT_URL=s3_server.endpoint_url,
        S3_BUCKET=target_bucket,
        S3_ACCESS_KEY_ID=s3_server.access_key,
        S3_SECRET_ACCESS_KEY=s3_server.secret_key,
    )
    try:
        result = manage(env, "restore_portal", str(folder), "--rebuild-search-index")

        assert result.returncode == 0, result.stderr[-3000:]
        keys = {item["Key"] for item in client.list_objects_v2(Bucket=target_bucket).get("Contents", [])}
        expected = {
            f"{'private' if e['storage'] == 'default' else 'public'}/{e['name']}" for e in manifest["files"]
        }
        assert keys == expected
        seen = visit(env, portal_content, "trong che")
        assert seen["page_status"] == 200 and seen["page_shows_title"]
        assert seen["download_status"] == 302  # to a presigned address on the store, fetched by visit()
        assert seen["download_sha256"] == portal_content.document_sha256
        assert seen["image_sha256"] == hashlib.sha256(portal_content.image_bytes).hexdigest()
    finally:
        for item in client.list_objects_v2(Bucket=target_bucket).get("Contents", []):
            client.delete_object(Bucket=target_bucket, Key=item["Key"])
        client.delete_bucket(Bucket=target_bucket)
