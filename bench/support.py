"""What the benchmarks share: a throw-away PostgreSQL database, a bare site, and the results file.

``record`` keeps a benchmark's figures for ``bench/results.json``: ``run.py`` points
``BENCH_RESULTS_DIR`` at a folder, each benchmark writes its section there, and ``run.py`` merges
them. A benchmark run on its own only prints.
"""

import json
import os
from contextlib import contextmanager
from pathlib import Path


def postgres_database(workdir: Path, prefix: str) -> str:
    """A throw-away PostgreSQL database on TEST_DATABASE_URL's server, or SQLite (said so) when it does not answer."""
    import psycopg

    server = os.environ.get("TEST_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/portal")
    name = f"{prefix}_{os.getpid()}"
    admin = server.rsplit("/", 1)[0] + "/postgres"
    template = os.environ.get("BENCH_POSTGRES_TEMPLATE")  # migrated once by run.py: a copy is instant
    try:
        with psycopg.connect(admin, autocommit=True, connect_timeout=3) as connection:
            connection.execute(f'CREATE DATABASE "{name}"' + (f' TEMPLATE "{template}"' if template else ""))
    except psycopg.Error as error:
        print(f"PostgreSQL unreachable ({error.__class__.__name__}); measuring on SQLite instead")
        return f"sqlite:///{workdir / 'bench.sqlite3'}"
    return server.rsplit("/", 1)[0] + f"/{name}"


def drop_database(url: str) -> None:
    if not url.startswith("postgres"):
        return
    import psycopg
    from django.conf import settings
    from django.db import connections

    if settings.configured:
        connections.close_all()
    server, name = url.rsplit("/", 1)
    with psycopg.connect(server + "/postgres", autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@contextmanager
def migrated_template(workdir: Path):
    """A migrated PostgreSQL database for the benchmarks to copy (its name), None without PostgreSQL."""
    import subprocess
    import sys

    url = postgres_database(workdir, "bench_template")
    if not url.startswith("postgres"):
        yield None
        return
    try:
        environment = {**os.environ, "DATABASE_URL": url, "VAR_DIR": str(workdir)}
        subprocess.run([sys.executable, "manage.py", "migrate", "-v0"], env=environment, check=True)
        yield url.rsplit("/", 1)[1]
    finally:
        drop_database(url)


def engine(url: str) -> str:
    return "PostgreSQL" if url.startswith("postgres") else "SQLite"


def bare_site(workdir: Path, database_url: str, **environment: str):
    """Django set up on ``database_url``, migrated, with the vocabularies, a home page and one
    contributor (its section under the library); returns (home page, organisation)."""
    os.environ["DJANGO_SETTINGS_MODULE"] = "portal.settings"
    os.environ["VAR_DIR"] = str(workdir)
    os.environ["DATABASE_URL"] = database_url
    os.environ.pop("ELASTICSEARCH_URL", None)
    os.environ.update(environment)
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0)
    from portal.core.reference_data import load_vocabularies

    load_vocabularies()
    from wagtail.models import Locale, Page, Site

    from portal.core.models import HomePage
    from portal.resources.contributors import setup_contributor

    root = Page.get_first_root_node()
    home = root.add_child(
        instance=HomePage(
            title="Trang chủ",
            slug="trang-chu",
            hero_title="Học tập suốt đời",
            locale=Locale.objects.get(language_code="vi"),
        )
    )
    Site.objects.update(root_page=home)
    return home, setup_contributor("Đại học Thái Nguyên", "thuvien@tnu.edu.vn").organisation


def percentiles(timings: list[float]) -> tuple[float, float]:
    """p50 and p95 of ``timings``."""
    import statistics

    timings = sorted(timings)
    return statistics.median(timings), timings[max(0, int(len(timings) * 0.95) - 1)]


def record(section: str, figures: dict) -> None:
    """Keep ``figures`` as ``section`` of ``bench/results.json`` (when run by ``run.py``)."""
    folder = os.environ.get("BENCH_RESULTS_DIR")
    if folder:
        Path(folder, f"{section}.json").write_text(json.dumps(figures, indent=2, ensure_ascii=False))
