"""pytest plugin (registered in pyproject.toml): pick the test database before Django starts.

PostgreSQL at ``TEST_DATABASE_URL`` (default: the local server) when it answers; otherwise
SQLite with a notice, except under ``CI=true`` where a missing PostgreSQL is an error. This must
run before pytest-django reads the settings, because some models take their shape from the
database vendor at import time.
"""

import os
import sys

import pytest

DEFAULT_TEST_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/portal"


def _postgres_problem(url: str) -> str | None:
    import dj_database_url
    import psycopg

    config = dj_database_url.parse(url)
    try:
        psycopg.connect(
            host=config["HOST"] or "127.0.0.1",
            port=config["PORT"] or 5432,
            user=config["USER"] or "postgres",
            password=config["PASSWORD"] or None,
            dbname="postgres",
            connect_timeout=3,
        ).close()
    except psycopg.Error as error:
        return str(error).strip().splitlines()[0]
    return None


@pytest.hookimpl(tryfirst=True)
def pytest_load_initial_conftests(early_config, parser, args):
    if os.environ.get("DJANGO_SETTINGS_MODULE", "portal.settings") != "portal.settings":
        return
    # Tests see every change at once; the caches' own tests turn them on.
    os.environ.setdefault("PAGE_CACHE_SECONDS", "0")
    if os.environ.get("DATABASE_URL"):
        return  # chosen explicitly
    url = os.environ.get("TEST_DATABASE_URL", DEFAULT_TEST_DATABASE_URL)
    problem = _postgres_problem(url)
    if problem is None:
        os.environ["DATABASE_URL"] = url
    elif os.environ.get("CI") == "true":
        raise pytest.UsageError(f"PostgreSQL at {url} is required under CI but unreachable: {problem}")
    else:
        print(f"NOTICE: PostgreSQL unreachable ({problem}); tests run on SQLite.", file=sys.stderr)
