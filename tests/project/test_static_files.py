"""Static files as production serves them: names that change with the content, compressed bodies, and
cache headers long enough that a phone on 3G fetches each version of a file once."""

import os
import re
import subprocess
import sys

import pytest
from django.core.management import call_command
from django.templatetags.static import static
from django.test import RequestFactory

PRODUCTION_ENV = {
    "DJANGO_ENV": "production",
    "SECRET_KEY": "5b0e1c7f-static-files-test-key-with-enough-characters-3a9d41f2c8",
    "ALLOWED_HOSTS": "hoclieu.thainguyen.edu.vn",
}
HASHED = re.compile(r"/static/css/portal\.[0-9a-f]{12}\.css")
A_YEAR = 365 * 24 * 3600


def test_production_keeps_hashed_compressed_static_files(project_root):
    env = {key: value for key, value in os.environ.items() if key not in {"DATABASE_URL", "DJANGO_ENV"}}
    result = subprocess.run(
        [sys.executable, "-c", "import portal.settings as s; print(s.STORAGES['staticfiles']['BACKEND'])"],
        cwd=project_root,
        env={**env, **PRODUCTION_ENV},
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )

    assert result.stdout.strip() == "whitenoise.storage.CompressedManifestStaticFilesStorage", result.stderr


@pytest.fixture
def collected(settings, tmp_path):
    """Our own static files collected by the production storage into a temporary folder."""
    settings.STATIC_ROOT = tmp_path / "static"
    settings.STATICFILES_FINDERS = ["django.contrib.staticfiles.finders.FileSystemFinder"]
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
    }
    settings.WHITENOISE_USE_FINDERS = settings.WHITENOISE_AUTOREFRESH = False
    call_command("collectstatic", interactive=False, verbosity=0)
    return settings.STATIC_ROOT


def test_pages_link_hashed_files_served_compressed_with_long_cache_headers(collected, client, home):
    from whitenoise.middleware import WhiteNoiseMiddleware

    page = client.get("/").text
    stylesheet = static("css/portal.css")
    serve = WhiteNoiseMiddleware(get_response=lambda request: pytest.fail(f"not served: {request.path}"))

    response = serve(RequestFactory().get(stylesheet, HTTP_ACCEPT_ENCODING="gzip"))

    assert HASHED.fullmatch(stylesheet) and stylesheet in page
    assert response.status_code == 200
    assert response["Content-Encoding"] == "gzip"
    assert int(response["Content-Length"]) < (collected / "css" / "portal.css").stat().st_size / 2
    max_age = int(re.search(r"max-age=(\d+)", response["Cache-Control"]).group(1))
    assert max_age >= A_YEAR and "immutable" in response["Cache-Control"]
