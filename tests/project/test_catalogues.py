"""The vi and en catalogues are complete and cover every translatable string in the code."""

import shutil
import subprocess
import sys

import polib
import pytest

SOURCES = ["portal", "search", "media", "templates", "manage.py"]


def catalogue(root, language) -> polib.POFile:
    return polib.pofile(str(root / "portal" / "locale" / language / "LC_MESSAGES" / "django.po"))


@pytest.mark.parametrize("language", ["vi", "en"])
def test_catalogue_is_complete(project_root, language):
    entries = [entry for entry in catalogue(project_root, language) if not entry.obsolete]

    untranslated = [entry.msgid for entry in entries if not entry.translated()]
    assert entries and untranslated == []


def test_catalogues_cover_the_code(project_root, tmp_path):
    for source in SOURCES:
        copy = shutil.copytree if (project_root / source).is_dir() else shutil.copy
        copy(project_root / source, tmp_path / source)
    subprocess.run(
        [sys.executable, "manage.py", "makemessages", "-l", "vi", "--no-obsolete", "-v0"],
        cwd=tmp_path,
        check=True,
        env={"PATH": "/usr/bin:/bin", "VAR_DIR": str(tmp_path / "var")},
    )

    in_code = {entry.msgid for entry in catalogue(tmp_path, "vi")}
    for language in ("vi", "en"):
        catalogued = {entry.msgid for entry in catalogue(project_root, language) if not entry.obsolete}
        assert in_code - catalogued == set(), f"missing from {language}: run `make messages` and translate"
