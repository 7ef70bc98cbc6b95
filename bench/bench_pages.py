"""Public pages through gunicorn, against a static file served by the same server.

Two sites side by side in one run: the demo content on SQLite (``load_demo``, the embedded
default) and 10,000 generated resources on PostgreSQL (``generate.py``). Each is served by
gunicorn as in production (``DEBUG=0``, 2 sync workers, WhiteNoise for ``/static/``, Redis as
the cache) and loaded over loopback by ``load.py``. Latency is one client's, request after
request; the baseline is the stylesheet the pages link, through the same server, so the ratio
says what a page costs over the cheapest answer that server can give. Targets: uncached resource
page p50 ≤ 6× the static file, library ≤ 8×, cached anonymous page ≤ 2×; and on PostgreSQL,
50 clients for 30 s with no error.
"""

import os
import re
import secrets
import socket
import subprocess
import sys
import tempfile
from contextlib import closing, contextmanager
from pathlib import Path

from load import get, load
from support import bare_site, drop_database, engine, postgres_database, record

PROJECT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
RESOURCES = int(os.environ.get("BENCH_RESOURCES", "10000"))
SECONDS = float(os.environ.get("BENCH_PAGE_SECONDS", "5"))
CROWD, CROWD_SECONDS = 50, float(os.environ.get("BENCH_CROWD_SECONDS", "30"))
WORKERS = 2
REDIS_DB = 7
TARGETS = {"resource": 6, "library": 8, "cached": 2}
BROWSER = {"User-Agent": "Mozilla/5.0 (Linux; Android 10) bench", "Accept-Language": "vi"}
COUNT_QUERIES = {**BROWSER, "X-Bench-Count-Queries": "1"}
LIBRARY = "/hoc-lieu/"
RESOURCE_LINK = re.compile(r'href="(/hoc-lieu/(?!chu-de/)[a-z0-9-]+/[a-z0-9-]+/)"')
STYLESHEET = re.compile(r'<link[^>]+rel="stylesheet"[^>]+href="(/static/[^"]+\.css)"')


def _port() -> int:
    """A free port in 8300–8399."""
    for port in range(8300 + os.getpid() % 50, 8400):
        with closing(socket.socket()) as sock:
            try:
                sock.bind(("127.0.0.1", port))
            except OSError:
                continue
            return port
    raise RuntimeError("no free port in 8300–8399")


def _clear_cache() -> None:
    import redis

    redis.Redis(db=REDIS_DB).flushdb()


@contextmanager
def gunicorn(environment: dict, log: Path):
    from tests import servers

    for attempt in range(3):
        port = _port()
        command = [
            str(BIN / "gunicorn"), "server_wsgi:application", "--pythonpath", str(PROJECT / "bench"),
            "--chdir", str(PROJECT), "--workers", str(WORKERS), "--bind", f"127.0.0.1:{port}",
            "--timeout", "60", "--no-control-socket",
        ]  # fmt: skip
        with open(log, "ab") as output:
            process = subprocess.Popen(
                command, env=environment, stdout=output, stderr=subprocess.STDOUT, start_new_session=True
            )
        try:
            servers.wait_for_http(f"http://127.0.0.1:{port}/robots.txt", 60, process, log)
            break
        except servers.ServerExited:
            if attempt == 2:
                raise
    try:
        yield port
    finally:
        servers.stop(process)


def _environment(site: dict, static_root: Path, cache_seconds: int) -> dict:
    environment = {
        key: value for key, value in os.environ.items() if key not in ("DATABASE_URL", "ELASTICSEARCH_URL")
    }
    environment.update(
        DJANGO_SETTINGS_MODULE="server_settings",
        BENCH_STATIC_ROOT=str(static_root),
        DEBUG="0",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="127.0.0.1,localhost",
        SECURE_SSL_REDIRECT="0",
        VAR_DIR=str(site["var"]),
        REDIS_URL=f"redis://127.0.0.1:6379/{REDIS_DB}",
        PAGE_CACHE_SECONDS=str(cache_seconds),
        TASKS_BACKEND="database",
    )
    if site["database"]:
        environment["DATABASE_URL"] = site["database"]
    return environment


def _queries(port: int, path: str) -> int:
    return int(get(port, path, COUNT_QUERIES)[1].get("X-Bench-Queries", -1))


def _queries_when_built(port: int, path: str) -> int:
    """Queries of the page built anew: an address seen for the first time has no kept fragment."""
    return _queries(port, f"{path}?bench={secrets.token_hex(4)}")


def _warm(port: int, paths: list[str]) -> None:
    """Every worker has rendered every page once (templates compiled, connections open)."""
    load(port, paths, clients=WORKERS, requests=len(paths) * 2, headers=BROWSER)


def _uncached(port: int) -> dict:
    status, _headers, body = get(port, LIBRARY, BROWSER)
    assert status == 200, status
    html = body.decode()
    resources = list(dict.fromkeys(RESOURCE_LINK.findall(html)))[:20]
    stylesheet = STYLESHEET.search(html).group(1)
    assert resources, "the library lists no resource"
    _warm(port, [LIBRARY, stylesheet, *resources])
    runs = {
        "static": load(port, [stylesheet], seconds=SECONDS, headers=BROWSER),
        "resource": load(port, resources, seconds=SECONDS, headers=BROWSER),
        "library": load(port, [LIBRARY], seconds=SECONDS, headers=BROWSER),
    }
    queries = {
        "resource": max(_queries(port, path) for path in resources[:5]),
        "library": _queries(port, LIBRARY),
        "resource_built": max(_queries_when_built(port, path) for path in resources[:5]),
        "library_built": _queries_when_built(port, LIBRARY),
    }
    return {"paths": {"static": stylesheet, "resources": resources}, "runs": runs, "queries": queries}


def _cached(port: int, paths: dict, crowd: bool) -> dict:
    stylesheet, resources = paths["static"], paths["resources"]
    pages = ["/", LIBRARY, *resources]
    _warm(port, [stylesheet, *pages])
    hit = get(port, resources[0], BROWSER)[1].get("X-Page-Cache")
    assert hit == "hit", f"the page cache did not answer ({hit})"
    runs = {
        "cached": load(port, resources, seconds=SECONDS, headers=BROWSER),
        "static": load(port, [stylesheet], seconds=SECONDS, headers=BROWSER),
        "cached_4_clients": load(port, resources, clients=4, seconds=SECONDS, headers=BROWSER),
        "static_4_clients": load(port, [stylesheet], clients=4, seconds=SECONDS, headers=BROWSER),
    }
    if crowd:
        print(f"  {CROWD} clients for {CROWD_SECONDS:.0f} s …", file=sys.stderr, flush=True)
        runs["crowd"] = load(
            port, [*pages, stylesheet], clients=CROWD, seconds=CROWD_SECONDS, headers=BROWSER
        )
    return {"runs": runs, "queries": {"cached": _queries(port, resources[0])}}


def measure(site: dict, static_root: Path, log: Path) -> dict:
    print(f"  measuring {site['name']} …", file=sys.stderr, flush=True)
    _clear_cache()  # nothing left from another run may answer as a hit
    with gunicorn(_environment(site, static_root, 0), log) as port:
        uncached = _uncached(port)
    _clear_cache()
    with gunicorn(_environment(site, static_root, 600), log) as port:
        cached = _cached(port, uncached["paths"], crowd=site["crowd"])
    _clear_cache()
    return {**uncached, "runs": {**uncached["runs"], **{f"c_{k}": v for k, v in cached["runs"].items()}},
            "queries": {**uncached["queries"], **cached["queries"]}}  # fmt: skip


def _prepare_demo(folder: Path) -> subprocess.Popen:
    """Migrate and load the demo content into SQLite, in the background."""
    environment = {
        key: value for key, value in os.environ.items() if key not in ("DATABASE_URL", "ELASTICSEARCH_URL")
    }
    environment.update(VAR_DIR=str(folder), DJANGO_SETTINGS_MODULE="portal.settings")
    command = f"'{sys.executable}' manage.py migrate -v0 && '{sys.executable}' manage.py load_demo"
    with open(folder.parent / "demo.log", "wb") as output:
        return subprocess.Popen(
            ["sh", "-c", command], cwd=PROJECT, env=environment, stdout=output, stderr=subprocess.STDOUT
        )


def _collect_static(static_root: Path) -> subprocess.Popen:
    environment = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "server_settings",
        "BENCH_STATIC_ROOT": str(static_root),
        "DEBUG": "0",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "127.0.0.1",
        "PYTHONPATH": str(PROJECT / "bench"),
    }
    command = [sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"]
    return subprocess.Popen(command, cwd=PROJECT, env=environment)


def _generate(folder: Path, database_url: str) -> dict:
    import generate

    _home, organisation = bare_site(folder, database_url)
    from portal.resources.models import OrganisationSectionPage

    section = OrganisationSectionPage.objects.get(organisation=organisation)
    pages = generate.add_resources(section, organisation, RESOURCES)
    indexing = generate.index_resources()
    from django.db import connection, connections

    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("ANALYZE")
    connections.close_all()
    return {"pages_per_second": round(RESOURCES / pages), "indexed_per_second": round(RESOURCES / indexing)}


def main() -> None:
    sys.path.insert(0, str(PROJECT))
    with tempfile.TemporaryDirectory(prefix="bench-pages-") as folder:
        workdir = Path(folder)
        (workdir / "demo").mkdir()
        (workdir / "big").mkdir()
        static_root, log = workdir / "static", workdir / "gunicorn.log"
        print("  loading the demo content (SQLite) and collecting static files …", file=sys.stderr)
        demo, collecting = _prepare_demo(workdir / "demo"), _collect_static(static_root)
        database_url = postgres_database(workdir, "bench_pages")
        try:
            print(f"  generating {RESOURCES:,} resources ({engine(database_url)}) …", file=sys.stderr)
            generated = _generate(workdir / "big", database_url)
            if demo.wait() or collecting.wait():
                raise SystemExit(
                    f"demo content or static files failed: {(workdir / 'demo.log').read_text()[-2000:]}"
                )
            sites = [
                {"key": "demo", "name": "demo content, SQLite", "var": workdir / "demo", "database": "", "crowd": False},
                {"key": "large", "name": f"{RESOURCES:,} resources, {engine(database_url)}",
                 "var": workdir / "big", "database": database_url, "crowd": True},
            ]  # fmt: skip
            figures = {site["key"]: measure(site, static_root, log) for site in sites}
        finally:
            for process in (demo, collecting):
                if process.poll() is None:
                    process.kill()
                    process.wait()
            drop_database(database_url)
    _report(sites, figures, generated)


def _verdict(ratio: float, target: float) -> str:
    return f"{ratio:.1f}× (≤ {target}×: {'met' if ratio <= target else 'NOT met'})"


def _rows(figures: dict) -> dict[str, str]:
    runs, queries = figures["runs"], figures["queries"]
    static, cached_static = runs["static"], runs["c_static"]

    def cell(run, baseline=None, target=None, sql=None) -> str:
        text = f"{run.p50:6.1f} / {run.p95:6.1f}"
        if baseline is not None:
            text += f"  {_verdict(run.p50 / baseline.p50, target)}"
        return text + (f"  {sql} SQL" if sql is not None else "")

    def built(name: str) -> str:
        return f"{queries[name]} SQL kept, {queries[name + '_built']} built"

    return {
        "static file (uncached server)": cell(static),
        "resource page, uncached": cell(runs["resource"], static, TARGETS["resource"], built("resource")),
        "library /hoc-lieu/, uncached": cell(runs["library"], static, TARGETS["library"], built("library")),
        "static file (cached server)": cell(cached_static),
        "resource page, cached": cell(runs["c_cached"], cached_static, TARGETS["cached"], queries["cached"]),
        "req/s, 4 clients: cached / static": (
            f"{runs['c_cached_4_clients'].rate:,.0f} / {runs['c_static_4_clients'].rate:,.0f}"
            f"  ({runs['c_cached_4_clients'].rate / runs['c_static_4_clients'].rate:.2f}×)"
        ),
    }


def _summary(figures: dict) -> dict:
    runs, queries = figures["runs"], figures["queries"]
    return {
        "static_file": figures["paths"]["static"],
        "runs": {name: run.figures() for name, run in runs.items()},
        "sql_queries": queries,
        "ratios_p50": {
            "resource_uncached_vs_static": round(runs["resource"].p50 / runs["static"].p50, 2),
            "library_uncached_vs_static": round(runs["library"].p50 / runs["static"].p50, 2),
            "resource_cached_vs_static": round(runs["c_cached"].p50 / runs["c_static"].p50, 2),
        },
        "ratio_req_per_s_cached_vs_static": round(
            runs["c_cached_4_clients"].rate / runs["c_static_4_clients"].rate, 2
        ),
    }


def _report(sites: list[dict], figures: dict, generated: dict) -> None:
    print(
        f"pages through gunicorn ({WORKERS} sync workers, DEBUG=0, Redis cache, WhiteNoise static), "
        "one client over loopback, p50 / p95 ms"
    )
    rows = {site["key"]: _rows(figures[site["key"]]) for site in sites}
    width = max(len(text) for columns in rows.values() for text in columns.values()) + 2
    print(f"  {'':36}" + "".join(f"{site['name']:{width}}" for site in sites))
    for label in rows[sites[0]["key"]]:
        print(f"  {label:36}" + "".join(f"{rows[site['key']][label]:{width}}" for site in sites))
    crowd_site = next(site for site in sites if site["crowd"])
    crowd = figures[crowd_site["key"]]["runs"]["c_crowd"]
    print(f"  {CROWD} clients for {crowd.seconds:.0f} s on {WORKERS} workers ({crowd_site['name']}, cached pages, "
          f"library, home, stylesheet): {crowd.line()}")  # fmt: skip
    print(
        f"  {RESOURCES:,} resources generated at {generated['pages_per_second']:,} pages/s, "
        f"indexed (database backend) at {generated['indexed_per_second']:,} docs/s"
    )
    record(
        "pages",
        {
            "server": f"gunicorn, {WORKERS} sync workers, DEBUG=0, Redis cache",
            "targets_p50_vs_static": TARGETS,
            "generation": {"resources": RESOURCES, **generated},
            **{site["key"]: {"name": site["name"], **_summary(figures[site["key"]])} for site in sites},
        },
    )


if __name__ == "__main__":
    main()
