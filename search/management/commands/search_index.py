"""``manage.py search_index --rebuild`` (all families, new index, atomic swap), ``--check`` (drift)
or ``--fix`` (index again just the drifted pages)."""

import time

from django.core.management.base import BaseCommand, CommandError

from search import indexing, query
from search.backends import SearchUnavailable, active_backends, get_backend
from search.families import families

BAR_WIDTH = 30


class Command(BaseCommand):
    help = "Rebuild the public search indexes, or report drift between pages and indexes."

    def add_arguments(self, parser):
        action = parser.add_mutually_exclusive_group(required=True)
        action.add_argument("--rebuild", action="store_true", help="build new indexes and swap them in")
        action.add_argument("--check", action="store_true", help="compare pages with what is indexed")
        action.add_argument("--fix", action="store_true", help="index again the pages --check finds drifted")
        parser.add_argument("--family", action="append", choices=sorted(families()), help="only this family")
        parser.add_argument(
            "--backend", choices=["database", "elasticsearch"], help="only this backend (default: all in use)"
        )

    def handle(self, *args, **options):
        names = options["family"] or sorted(families())
        try:
            backends = [get_backend(options["backend"])] if options["backend"] else active_backends()
            if options["rebuild"]:
                for backend in backends:
                    for name in names:
                        self._rebuild(backend, name)
                query.reset_availability()
            else:
                self._check(backends, names, fix=options["fix"])
        except SearchUnavailable as error:
            raise CommandError(f"search backend unavailable: {error}") from None

    def _rebuild(self, backend, name: str) -> None:
        started, total = time.monotonic(), indexing.family_size(name)
        interactive = self.stdout.isatty()

        def progress(count: int) -> None:
            if interactive:
                rate = count / max(time.monotonic() - started, 1e-6)
                filled = BAR_WIDTH * min(count, total) // max(total, 1)
                bar = "#" * filled + "." * (BAR_WIDTH - filled)
                self.stdout.write(
                    f"\r  {backend.name}/{name} [{bar}] {count}/{total} {rate:.0f} docs/s", ending=""
                )

        count = indexing.rebuild(backend, name, progress)
        elapsed = max(time.monotonic() - started, 1e-6)
        if interactive:
            self.stdout.write("")
        self.stdout.write(
            f"{backend.name}/{name}: {count} documents in {elapsed:.1f}s ({count / elapsed:.0f} docs/s)"
        )

    def _check(self, backends, names, fix: bool = False) -> None:
        drifted = False
        for backend in backends:
            for name in names:
                found = indexing.drift(backend, name)
                counts = ", ".join(f"{len(ids)} {kind}" for kind, ids in found.items())
                self.stdout.write(f"{backend.name}/{name}: {counts}")
                for kind, ids in found.items():
                    if ids:
                        drifted = True
                        self.stdout.write(f"  {kind}: {' '.join(ids[:20])}{' …' if len(ids) > 20 else ''}")
                if fix:
                    drifted_ids = sorted({int(pk) for ids in found.values() for pk in ids})
                    indexing.update_pages(drifted_ids, backends=[backend])
                    self.stdout.write(f"  fixed: {len(drifted_ids)} pages indexed again or removed")
        if drifted and not fix:
            raise CommandError("the search index differs from the pages: run search_index --rebuild")
