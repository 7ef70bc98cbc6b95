"""``manage.py`` in a process of its own, with only the environment a test gives it (the
variables that pick a profile are removed first), to see what start-up itself does."""

import os
import subprocess
import sys

PROFILE_VARIABLES = {"DATABASE_URL", "DJANGO_ENV", "DEBUG", "DJANGO_ALLOW_ASYNC_UNSAFE"}
PROFILE_PREFIXES = ("SECURE_", "RATE_LIMIT_", "LOGIN_", "TRUSTED_PROXY")


def manage(project_root, *args, **env) -> subprocess.CompletedProcess:
    clean = {
        key: value
        for key, value in os.environ.items()
        if key not in PROFILE_VARIABLES and not key.startswith(PROFILE_PREFIXES)
    }
    clean.update(env, VAR_DIR=str(project_root / "var"))
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=project_root,
        env=clean,
        capture_output=True,
        text=True,
        timeout=90,
    )
