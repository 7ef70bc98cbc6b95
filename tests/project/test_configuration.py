"""Bad configuration stops start-up with one clear line, not a traceback wall."""

import pytest

from tests.manage_command import manage


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


MAIL_SETTINGS = (
    "from django.conf import settings as s; "
    "print(s.EMAIL_BACKEND.rsplit('.', 2)[-2], getattr(s, 'EMAIL_FILE_PATH', ''), s.EMAIL_HOST, "
    "getattr(s, 'EMAIL_PORT', ''), getattr(s, 'EMAIL_HOST_USER', ''), getattr(s, 'EMAIL_HOST_PASSWORD', ''), "
    "getattr(s, 'EMAIL_USE_TLS', ''), getattr(s, 'EMAIL_USE_SSL', ''))"
)


@pytest.mark.parametrize(
    ("env", "expected"),
    [
        ({}, "filebased {var}/mail  25   False False"),
        (
            {"EMAIL_URL": "smtp://thu%40so.vn:m%E1%BA%ADt-kh%E1%BA%A9u@mail.thainguyen.gov.vn"},
            "smtp  mail.thainguyen.gov.vn 587 thu@so.vn mật-khẩu True False",
        ),
        ({"EMAIL_URL": "smtps://mail.example.org"}, "smtp  mail.example.org 465   False True"),
        ({"EMAIL_HOST": "relay.local", "EMAIL_PORT": "25"}, "smtp  relay.local 25   False False"),
    ],
)
def test_mail_comes_from_the_environment_or_goes_to_files(project_root, env, expected):
    result = manage(project_root, "shell", "-c", MAIL_SETTINGS, **env)

    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == expected.format(var=project_root / "var")


def test_a_malformed_mail_url_stops_start_up_with_one_line(project_root):
    result = manage(project_root, "check", EMAIL_URL="mail.example.org:25")

    assert result.returncode != 0
    assert "EMAIL_URL='mail.example.org:25' is not a valid URL" in result.stderr


def test_a_caching_proxy_is_told_of_published_pages_only_when_one_is_configured(project_root):
    show = (
        "from django.conf import settings; print('wagtail.contrib.frontend_cache' in settings.INSTALLED_APPS)"
    )
    assert manage(project_root, "shell", "-c", show).stdout.strip().endswith("False")
    configured = manage(project_root, "shell", "-c", show, FRONTEND_CACHE_PURGE_URL="http://varnish:6081")
    assert configured.stdout.strip().endswith("True"), configured.stderr
