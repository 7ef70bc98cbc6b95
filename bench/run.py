"""Run every ``bench/bench_*.py`` in a process of its own; each prints its figures and ratios.

A process each, because each benchmark sets Django up with its own database and settings.
"""

import subprocess
import sys
from pathlib import Path

BENCH_DIR = Path(__file__).resolve().parent


def main() -> int:
    modules = sorted(BENCH_DIR.glob("bench_*.py"))
    if not modules:
        print("no benchmarks yet")
        return 0
    failed = 0
    for path in modules:
        print(f"== {path.stem}", flush=True)
        failed += subprocess.run([sys.executable, str(path)], cwd=BENCH_DIR.parent).returncode != 0
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
