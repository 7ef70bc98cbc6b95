from django.core.management.base import BaseCommand
from wagtail import hooks


class Command(BaseCommand):
    help = (
        "Load Vietnamese demo content drawn from plan 104/KH-UBND. Idempotent: what exists is kept. "
        "Each app adds its part through the 'load_demo_content' hook."
    )

    def handle(self, *args, **options):
        for loader in hooks.get_hooks("load_demo_content"):
            loader(self.stdout.write)
        self.stdout.write(self.style.SUCCESS("Demo content ready."))
