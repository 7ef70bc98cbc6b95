from django.core.management.base import BaseCommand

from portal.core.reference_data import load_admin_units, load_vocabularies


class Command(BaseCommand):
    help = "Load (or update) the shared vocabularies and the province's administrative units."

    def handle(self, *args, **options):
        for name, count in load_vocabularies().items():
            self.stdout.write(f"  {name}: {count}")
        self.stdout.write(f"  administrative units: {load_admin_units()}")
        self.stdout.write(self.style.SUCCESS("Reference data loaded."))
