from django.core.management.base import BaseCommand

from portal.indicators.loading import load_indicators


class Command(BaseCommand):
    help = "Create or update the plan's indicators and their 2025 and 2030 targets."

    def handle(self, *args, **options):
        count = load_indicators()
        self.stdout.write(f"{count} indicators")
