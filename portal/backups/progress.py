"""Progress of long copies for the operator: a line rewritten in place on a terminal, otherwise a
line every few seconds (logs of a cron job or a container stay short)."""

import time

EVERY_SECONDS = 5


def human_size(size: int) -> str:
    for unit in ("bytes", "KB", "MB", "GB"):
        if size < 1024 or unit == "GB":
            return f"{size} {unit}" if unit == "bytes" else f"{size:.1f} {unit}"
        size /= 1024
    return f"{size} bytes"


class ProgressLine:
    def __init__(self, stdout, label: str):
        self.stdout, self.label = stdout, label
        self.interactive = stdout.isatty()
        self.last = 0.0

    def __call__(self, done: int, total: int, size: int) -> None:
        now = time.monotonic()
        if done < total and now - self.last < (0.2 if self.interactive else EVERY_SECONDS):
            return
        self.last = now
        line = f"  {self.label}: {done}/{total} files ({human_size(size)})"
        if self.interactive:
            self.stdout.write(f"\r{line}", ending="\n" if done >= total else "")
        else:
            self.stdout.write(line)
