"""Run every ``bench/bench_*.py`` module's ``main()``; each prints its figures and ratios."""

import importlib.util
import sys
from pathlib import Path

BENCH_DIR = Path(__file__).resolve().parent


def main() -> int:
    modules = sorted(BENCH_DIR.glob("bench_*.py"))
    if not modules:
        print("no benchmarks yet")
        return 0
    sys.path.insert(0, str(BENCH_DIR.parent))
    for path in modules:
        spec = importlib.util.spec_from_file_location(path.stem, path)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        print(f"== {path.stem}")
        module.main()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
