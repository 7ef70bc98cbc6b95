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


# The admin's screens show strings of these apps; Django's own are validation messages, durations
# ("5 phút trước"), password rules and error pages.
ADMIN_APPS = [
    "django.conf",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.messages",
    "django.contrib.sessions",
    "wagtail",
    "wagtail.admin",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.snippets",
    "wagtail.users",
    "wagtail.sites",
    "wagtail.locales",
    "wagtail.embeds",
    "wagtail.search",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.simple_translation",
]


def _upstream_catalogues(domain: str):
    import importlib
    from pathlib import Path

    for app in ADMIN_APPS:
        source = Path(importlib.import_module(app).__file__).parent / "locale" / "en" / "LC_MESSAGES"
        if (source / f"{domain}.po").exists():
            yield source.parent.parent, polib.pofile(str(source / f"{domain}.po"))


def _key(entry):
    key = f"{entry.msgctxt}\x04{entry.msgid}" if entry.msgctxt else entry.msgid
    return (key, 0) if entry.msgid_plural else key


@pytest.mark.parametrize("domain", ["django", "djangojs"])
def test_every_admin_string_has_a_vietnamese_translation(domain):
    """Wagtail's own vi catalogues cover about a fifth of its admin, Django's most of its own; ours
    (``portal/locale_upstream``) ship the rest."""
    from django.utils.translation.trans_real import DjangoTranslation

    missing = []
    for locale_dir, source in _upstream_catalogues(domain):
        # As the admin's JavaScript catalogue is built: the app's folder plus LOCALE_PATHS. The
        # server-side catalogue merges every installed app's folder by itself.
        folders = [str(locale_dir)] if domain == "djangojs" else None
        catalogue = DjangoTranslation("vi", domain=domain, localedirs=folders)._catalog
        missing += [entry.msgid for entry in source if not entry.obsolete and not catalogue.get(_key(entry))]

    assert missing == []


def test_the_admin_javascript_catalogue_is_vietnamese(admin_client):
    from django.urls import reverse

    script = admin_client.get(reverse("wagtailadmin_javascript_catalog")).content.decode()

    assert '"Collapse all": "Thu g\\u1ecdn t\\u1ea5t c\\u1ea3"' in script or "Thu gọn tất cả" in script
