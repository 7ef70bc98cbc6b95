"""Bulk import speed: rows each with its own 100 KB PDF (200 by default), imported and published.

Runs on PostgreSQL (a throw-away database on TEST_DATABASE_URL's server; SQLite when it does not
answer, said so), with files on disk and the database search backend, as ``import_resources``
does it: every row checked (type sniffing, PDF opened, SHA-256), stored, published, indexed in
batches. The baseline, measured in the same run on the same database, is Wagtail alone
publishing the same number of bare pages (``add_child`` + ``save_revision().publish()``), so
the ratio says what our checks and files cost on top of Wagtail's own publishing.
Target: at least 20 rows/s.
"""

import csv
import io
import os
import random
import sys
import tempfile
import time
from pathlib import Path

from support import bare_site, drop_database, engine, postgres_database, record

# 200 keeps `make bench` within its ten minutes; BENCH_IMPORT_ROWS=1000 for the larger run.
ROWS = int(os.environ.get("BENCH_IMPORT_ROWS", "200"))
TARGET_ROWS_PER_SECOND = 20


def _pdf(rng: random.Random) -> bytes:
    """A one-page PDF of about 100 KB whose bytes differ from every other one (noise picture)."""
    from PIL import Image

    side = 310  # a noise picture barely compresses: 310 × 310 pixels make about 100 KB
    picture = Image.frombytes("RGB", (side, side), rng.randbytes(side * side * 3))
    output = io.BytesIO()
    picture.save(output, "PDF", quality=92)
    return output.getvalue()


def _sheet(folder: Path, rows: int) -> Path:
    rng = random.Random(104)
    files = folder / "files"
    files.mkdir()
    sheet = folder / "danh-sach.csv"
    with sheet.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["identifier", "title", "summary", "subjects", "licence", "languages", "file"])
        for number in range(1, rows + 1):
            (files / f"bai-{number}.pdf").write_bytes(_pdf(rng))
            writer.writerow(
                [
                    f"bench-{number}",
                    f"Bài giảng kỹ năng số số {number}",
                    "Hướng dẫn dùng điện thoại thông minh an toàn cho người cao tuổi.",
                    "ky-nang-so",
                    "CC-BY-4.0",
                    "vi",
                    f"bai-{number}.pdf",
                ]
            )
    return sheet


def _setup(workdir: Path, database_url: str):
    # As in production: previews, reference and search indexing are queued for the worker.
    return bare_site(workdir, database_url, TASKS_BACKEND="database")


def _baseline(home, rows: int) -> float:
    """Wagtail alone: the same number of pages published one by one, no files, no checks."""
    from django.db import transaction

    from portal.core.models import StandardPage

    parent = home.add_child(instance=StandardPage(title="Cơ sở so sánh", slug="co-so"))
    started = time.perf_counter()
    for number in range(1, rows + 1):
        with transaction.atomic():
            page = parent.add_child(instance=StandardPage(title=f"Trang {number}", slug=f"trang-{number}"))
            page.save_revision().publish()
    return time.perf_counter() - started


def _import(sheet: Path, organisation) -> tuple[float, object]:
    from portal.resources.importing import import_rows
    from portal.resources.importing_readers import read_rows
    from portal.resources.importing_rows import RowChecker

    rows = read_rows(sheet)
    checker = RowChecker(organisation=organisation, files_dir=sheet.parent / "files")
    done = [0]

    def progress(count: int) -> None:
        done[0] = count
        if count % 100 == 0:
            print(f"  imported {count}/{len(rows)}", file=sys.stderr)

    started = time.perf_counter()
    report = import_rows(rows, checker, publish=True, progress=progress)
    return time.perf_counter() - started, report


def _drain() -> tuple[float, int]:
    """The worker's share: run every task the import queued (previews, indexes), timed."""
    from django.core.management import call_command
    from django_tasks_db.models import DBTaskResult

    queued = DBTaskResult.objects.count()
    started = time.perf_counter()
    call_command("db_worker", "--batch", "--queue-name", "*", verbosity=0)
    return time.perf_counter() - started, queued


def main() -> None:
    with tempfile.TemporaryDirectory(prefix="bench-import-") as folder:
        workdir = Path(folder)
        database_url = postgres_database(workdir, "bench_import")
        try:
            home, organisation = _setup(workdir, database_url)
            print(f"  preparing {ROWS} rows with a ~100 KB PDF each …", file=sys.stderr)
            sheet = _sheet(workdir, ROWS)
            size = sum(path.stat().st_size for path in (workdir / "files").iterdir()) / ROWS / 1024
            seconds, report = _import(sheet, organisation)
            background, tasks = _drain()
            baseline = _baseline(home, ROWS)
            _drain()
            from portal.resources.models import LearningResourcePage
            from search.models import IndexEntry

            live = LearningResourcePage.objects.live().count()
            indexed = IndexEntry.objects.filter(family="resources").count()
        finally:
            drop_database(database_url)
    rate = ROWS / seconds
    print(
        f"import of {ROWS} rows on {engine(database_url)}, files on disk, database search backend "
        f"(PDF ≈ {size:.0f} KB)"
    )
    print(
        f"  created {report.created}, rejected {len(report.rejected)}, live {live}, in the search index {indexed}"
    )
    print(
        f"  {seconds:.1f} s → {rate:.1f} rows/s (target ≥ {TARGET_ROWS_PER_SECOND}: {'met' if rate >= TARGET_ROWS_PER_SECOND else 'NOT met'})"
    )
    total = seconds + background
    print(f"  worker: {tasks} queued tasks (previews, search and reference indexes) in {background:.1f} s")
    print(f"  import and its background work together: {total:.1f} s → {ROWS / total:.1f} rows/s")
    print(
        f"  baseline, Wagtail publishing {ROWS} bare pages: {baseline:.1f} s → {ROWS / baseline:.1f} pages/s"
    )
    print(f"  ratio import / baseline: {seconds / baseline:.2f}×")
    record(
        "import",
        {
            "engine": engine(database_url),
            "rows": ROWS,
            "created": report.created,
            "rejected": len(report.rejected),
            "rows_per_second": round(rate, 1),
            "target_rows_per_second": TARGET_ROWS_PER_SECOND,
            "worker_tasks": tasks,
            "worker_seconds": round(background, 1),
            "rows_per_second_with_worker": round(ROWS / total, 1),
            "baseline_bare_pages_per_second": round(ROWS / baseline, 1),
            "ratio_import_vs_baseline_seconds": round(seconds / baseline, 2),
        },
    )


if __name__ == "__main__":
    main()
