"""Production settings for the benchmark's gunicorn, with the static files collected into a
temporary folder (``BENCH_STATIC_ROOT``) instead of the project's ``static_collected/``."""

import os
from pathlib import Path

from portal.settings import *  # noqa: F403

STATIC_ROOT = Path(os.environ["BENCH_STATIC_ROOT"])
