"""Bad configuration stops start-up with one clear line, not a traceback wall."""

import os
import subprocess
import sys

import pytest


def manage(project_root, *args, **env):
    clean = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DATABASE_URL", "DJANGO_ENV", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    }
    clean.update(env, VAR_DIR=str(project_root / "var"))
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=project_root,
        env=clean,
        capture_output=True,
        text=True,
        timeout=60,
    )


@pytest.mark.parametrize(
    ("env", "expected"),
    [
        ({"DATABASE_URL": "mysql-ish:nonsense"}, "DATABASE_URL is malformed"),
        ({"DATABASE_URL": "postgres://postgres@127.0.0.1:5432"}, "DATABASE_URL names no database"),
        ({"DJANGO_ENV": "production", "ALLOWED_HOSTS": "hoclieu.example"}, "needs SECRET_KEY"),
        ({"DJANGO_ENV": "production", "SECRET_KEY": "x" * 50}, "needs ALLOWED_HOSTS"),
        ({"DEBUG": "0"}, "needs SECRET_KEY and ALLOWED_HOSTS"),
        ({"DJANGO_ENV": "production", "SECRET_KEY": "short", "ALLOWED_HOSTS": "x"}, "at least 50 characters"),
        ({"DEBUG": "maybe"}, "DEBUG='maybe' is not a yes/no value"),
        ({"ELASTICSEARCH_URL": "localhost:9200"}, "ELASTICSEARCH_URL='localhost:9200' is not a valid URL"),
        ({"S3_BUCKET": "hoclieu"}, "S3_BUCKET is set but S3_ACCESS_KEY_ID/S3_SECRET_ACCESS_KEY are not"),
    ],
)
def test_bad_configuration_gives_one_clear_line(project_root, env, expected):
    result = manage(project_root, "check", **env)

    assert result.returncode == 2
    assert result.stderr.count("\n") == 1, result.stderr
    assert result.stderr.startswith("Configuration error: ")
    assert expected in result.stderr


def test_unreachable_elasticsearch_is_one_warning_line_and_start_goes_on(project_root):
    result = manage(project_root, "check", ELASTICSEARCH_URL="http://127.0.0.1:9")

    assert result.returncode == 0
    warning = [
        line for line in result.stderr.splitlines() + result.stdout.splitlines() if "search.W001" in line
    ]
    assert len(warning) == 1
    assert "http://127.0.0.1:9 is unreachable" in warning[0]


def test_production_profile_passes_deploy_checks(project_root):
    result = manage(
        project_root,
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        DJANGO_ENV="production",
        SECRET_KEY="9f2c7e1a-production-secret-key-for-the-deploy-check-b41d0e7763aa",
        ALLOWED_HOSTS="hoclieu.thainguyen.edu.vn",
    )

    assert result.returncode == 0, result.stdout + result.stderr
