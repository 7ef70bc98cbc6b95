"""``manage.py scheduler``: enqueue the periodic tasks of ``portal/schedule.py`` on time."""

from django.core.management.base import BaseCommand
from django.utils import timezone

from portal.core.scheduling import build_scheduler, schedule


class Command(BaseCommand):
    help = "Run the scheduler in the foreground: enqueue each periodic task when its cron time comes."

    def add_arguments(self, parser):
        parser.add_argument(
            "--list", action="store_true", help="Print the schedule and the next runs, then stop."
        )

    def handle(self, *args, **options):
        if options["list"]:
            now = timezone.localtime()
            for entry in schedule():
                next_run = entry.trigger().get_next_fire_time(None, now)
                self.stdout.write(f"{entry.name:28} {entry.cron:16} next {next_run:%Y-%m-%d %H:%M %Z}")
            return
        scheduler = build_scheduler()
        self.stdout.write(f"scheduler: {len(scheduler.get_jobs())} periodic tasks; Ctrl-C stops")
        try:
            scheduler.start()
        except (KeyboardInterrupt, SystemExit):
            scheduler.shutdown(wait=False)
