"""What keeps an operator from losing data: a damaged backup is reported and not restored, an
occupied portal is not overwritten, and a failed backup leaves nothing that looks complete."""

import json
import re
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from media.models import PortalDocument
from portal.backups import archive
from tests.resources.import_support import PDF

pytestmark = pytest.mark.django_db


@pytest.fixture
def backup_folder(make_document, tmp_path):
    make_document(PDF, filename="Sổ tay trồng chè.pdf")
    make_document(PDF + b"%second", filename="Phụ lục.pdf")
    call_command("backup_portal", str(tmp_path / "backups"), stdout=StringIO())
    [folder] = list((tmp_path / "backups").iterdir())
    return folder


def test_restore_reports_a_tampered_file_and_restores_nothing(backup_folder):
    manifest = json.loads((backup_folder / "manifest.json").read_text(encoding="utf-8"))
    tampered = next(entry for entry in manifest["files"] if entry["name"].endswith(".pdf"))
    path = backup_folder / "files" / tampered["storage"] / tampered["name"]
    path.write_bytes(path.read_bytes().replace(b"%PDF", b"%PDX"))
    documents = list(PortalDocument.objects.values_list("file", flat=True))

    with pytest.raises(CommandError) as refused:
        call_command("restore_portal", str(backup_folder), stdout=StringIO())

    message = str(refused.value)
    assert "1 file(s) of the backup do not match the manifest" in message
    assert f"default:{tampered['name']}: sha256 differs" in message
    assert "--skip-damaged" in message
    assert list(PortalDocument.objects.values_list("file", flat=True)) == documents


def test_restore_reports_a_file_missing_from_the_backup(backup_folder):
    manifest = json.loads((backup_folder / "manifest.json").read_text(encoding="utf-8"))
    missing = manifest["files"][0]
    (backup_folder / "files" / missing["storage"] / missing["name"]).unlink()

    with pytest.raises(CommandError, match=re.escape(f"{missing['name']}: missing from the backup")):
        call_command("restore_portal", str(backup_folder), stdout=StringIO())


def test_restore_refuses_a_portal_that_has_content(backup_folder, media_root):
    before = sorted(path for path in media_root.rglob("*") if path.is_file())
    PortalDocument.objects.all().delete()  # the database differs from the backup; it must stay so

    with pytest.raises(CommandError) as refused:
        call_command("restore_portal", str(backup_folder), stdout=StringIO())

    assert "the target portal is not empty" in str(refused.value)
    assert "files in the 'default' storage" in str(refused.value)
    assert "nothing was changed" in str(refused.value) and "--force" in str(refused.value)
    assert PortalDocument.objects.count() == 0
    assert sorted(path for path in media_root.rglob("*") if path.is_file()) == before


def test_a_failed_backup_leaves_no_folder_behind(make_document, tmp_path, monkeypatch):
    make_document(PDF)
    make_document(PDF + b"%second", filename="Phụ lục.pdf")

    def broken_copy(source, target):
        raise OSError("No space left on device")

    monkeypatch.setattr(archive, "_copy", broken_copy)
    with pytest.raises(CommandError, match="backup failed, nothing was kept: No space left on device"):
        call_command("backup_portal", str(tmp_path / "backups"), stdout=StringIO())

    assert list((tmp_path / "backups").iterdir()) == []


def test_restore_refuses_a_folder_without_manifest(tmp_path):
    (tmp_path / ".portal-backup-20260101T000000Z.partial").mkdir()

    with pytest.raises(CommandError, match=r"is not a complete backup: it has no manifest\.json"):
        call_command("restore_portal", str(tmp_path / ".portal-backup-20260101T000000Z.partial"))
