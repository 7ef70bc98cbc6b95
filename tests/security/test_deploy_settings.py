"""The production profile passes Django's deployment checks with nothing silenced; the embedded
default (plain HTTP on 127.0.0.1) keeps working."""

import pytest

from tests.manage_command import manage

PRODUCTION = {
    "DJANGO_ENV": "production",
    "SECRET_KEY": "4c1f9b2e-a-long-random-production-secret-for-the-deploy-check-77d0e",
    "ALLOWED_HOSTS": "hoclieu.thainguyen.edu.vn",
}
SHOW = (
    "from django.conf import settings as s; "
    "print(s.SECURE_SSL_REDIRECT, s.SECURE_PROXY_SSL_HEADER, s.SECURE_HSTS_SECONDS, s.SESSION_COOKIE_SECURE, "
    "s.TRUSTED_PROXY_COUNT, s.RATE_LIMITS['search_api'], s.AXES_FAILURE_LIMIT, s.AXES_COOLOFF_TIME)"
)


def test_deploy_check_has_no_warnings_and_silences_nothing(project_root):
    result = manage(project_root, "check", "--deploy", "--fail-level", "WARNING", **PRODUCTION)

    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.strip() == "System check identified no issues (0 silenced).", (
        result.stdout + result.stderr
    )
    assert "WARNING" not in result.stderr


def test_deploy_check_behind_the_compose_proxy_is_clean_too(project_root):
    result = manage(project_root, "check", "--deploy", **PRODUCTION, TRUSTED_PROXY_COUNT="1")

    assert result.stdout.strip() == "System check identified no issues (0 silenced).", (
        result.stdout + result.stderr
    )


@pytest.mark.parametrize(
    ("env", "expected"),
    [
        (PRODUCTION, "True None 31536000 True 0 300/m 5 0:30:00"),
        (
            {
                **PRODUCTION,
                "TRUSTED_PROXY_COUNT": "1",
                "RATE_LIMIT_SEARCH_API": "1000/m",
                "LOGIN_LOCKOUT_MINUTES": "10",
            },
            "True ('HTTP_X_FORWARDED_PROTO', 'https') 31536000 True 1 1000/m 5 0:10:00",
        ),
        ({}, "False None 0 False 0 300/m 5 0:30:00"),  # the embedded default: plain HTTP
    ],
)
def test_security_settings_come_from_the_environment(project_root, env, expected):
    result = manage(project_root, "shell", "-c", SHOW, **env)

    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == expected


@pytest.mark.parametrize(
    ("env", "expected"),
    [
        ({"TRUSTED_PROXY_COUNT": "one"}, "TRUSTED_PROXY_COUNT='one' is not a whole number"),
        ({"RATE_LIMIT_DOWNLOADS": "lots"}, "RATE_LIMIT_DOWNLOADS='lots' is not a limit"),
        ({"LOGIN_FAILURE_LIMIT": "-1"}, "LOGIN_FAILURE_LIMIT='-1' is not a whole number"),
    ],
)
def test_bad_security_values_give_one_clear_line(project_root, env, expected):
    result = manage(project_root, "check", **env)

    assert result.returncode == 2
    assert result.stderr.startswith("Configuration error: ") and expected in result.stderr


@pytest.mark.django_db
def test_the_embedded_default_serves_plain_http_without_redirects(client, home):
    response = client.get("/")

    assert response.status_code == 200
    assert "Strict-Transport-Security" not in response
