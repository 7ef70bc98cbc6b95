"""What the benchmarks share: a throw-away PostgreSQL database."""

import os
from pathlib import Path


def postgres_database(workdir: Path, prefix: str) -> str:
    """A throw-away PostgreSQL database on TEST_DATABASE_URL's server, or SQLite (said so) when it does not answer."""
    import psycopg

    server = os.environ.get("TEST_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/portal")
    name = f"{prefix}_{os.getpid()}"
    admin = server.rsplit("/", 1)[0] + "/postgres"
    try:
        with psycopg.connect(admin, autocommit=True, connect_timeout=3) as connection:
            connection.execute(f'CREATE DATABASE "{name}"')
    except psycopg.Error as error:
        print(f"PostgreSQL unreachable ({error.__class__.__name__}); measuring on SQLite instead")
        return f"sqlite:///{workdir / 'bench.sqlite3'}"
    return server.rsplit("/", 1)[0] + f"/{name}"


def drop_database(url: str) -> None:
    if not url.startswith("postgres"):
        return
    import psycopg
    from django.db import connections

    connections.close_all()
    server, name = url.rsplit("/", 1)
    with psycopg.connect(server + "/postgres", autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
