"""Run every ``bench/bench_*.py`` in a process of its own; each prints its figures and ratios.

A process each, because each benchmark sets Django up with its own database and settings.
PostgreSQL is migrated once into a template that every benchmark copies. The figures each
benchmark records are gathered into ``bench/results.json``.
"""

import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

from support import migrated_template

BENCH_DIR = Path(__file__).resolve().parent
RESULTS = BENCH_DIR / "results.json"


def main() -> int:
    modules = sorted(BENCH_DIR.glob("bench_*.py"))
    if not modules:
        print("no benchmarks yet")
        return 0
    failed, started, durations = 0, time.perf_counter(), {}
    load_before = os.getloadavg()[0]  # other work on the machine makes every figure worse
    print(f"== load average before: {load_before:.1f} on {os.cpu_count()} CPUs", flush=True)
    with tempfile.TemporaryDirectory(prefix="bench-run-") as folder:
        results = Path(folder, "results")
        results.mkdir()
        print("== preparing: PostgreSQL migrated once for every benchmark", flush=True)
        with migrated_template(Path(folder)) as template:
            environment = {**os.environ, "BENCH_RESULTS_DIR": str(results)}
            if template:
                environment["BENCH_POSTGRES_TEMPLATE"] = template
            for path in modules:
                print(f"== {path.stem}", flush=True)
                begun = time.perf_counter()
                command = [sys.executable, str(path)]
                failed += subprocess.run(command, cwd=BENCH_DIR.parent, env=environment).returncode != 0
                durations[path.stem] = round(time.perf_counter() - begun, 1)
                print(f"   ({durations[path.stem]:.0f} s)", flush=True)
        sections = {item.stem: json.loads(item.read_text()) for item in sorted(results.glob("*.json"))}
    total = time.perf_counter() - started
    RESULTS.write_text(
        json.dumps(
            {
                "measured_at": datetime.now(UTC).isoformat(timespec="seconds"),
                "machine": {
                    "cpus": os.cpu_count(),
                    "python": platform.python_version(),
                    "load_average_before": round(load_before, 2),
                    "load_average_after": round(os.getloadavg()[0], 2),
                },
                "seconds": {**durations, "total": round(total, 1)},
                **sections,
            },
            indent=2,
            ensure_ascii=False,
        )
        + "\n"
    )
    print(
        f"== {len(modules)} benchmarks in {total:.0f} s (load average after: {os.getloadavg()[0]:.1f}); "
        f"figures written to {RESULTS.relative_to(BENCH_DIR.parent)}"
    )
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
