"""`tandem loadtest-data [--consultants 60] [--partners 30] [--coordinators 10] [--families 3] [--output FILE]`:
the load test's users and families in a demo database (`tandem.operations.loadusers`); writes a manifest of ids."""
# ruff: noqa: N999  (the command is called `tandem loadtest-data`)
import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from tandem.demo.loader import DemoRefused
from tandem.operations.loadusers import make_load_users


class Command(BaseCommand):
    help = ("Maakt gebruikers en gezinnen voor de belastingtest in een demodatabase (openbaar demowachtwoord en "
            "demosleutel) en schrijft hun kenmerken als JSON.")

    def add_arguments(self, parser):
        parser.add_argument("--consultants", type=int, default=60)
        parser.add_argument("--partners", type=int, default=30)
        parser.add_argument("--coordinators", type=int, default=10)
        parser.add_argument("--families", type=int, default=3, help="gezinnen per consulent")
        parser.add_argument("--output", metavar="BESTAND", help="schrijf de kenmerken hierheen (anders het scherm)")

    def handle(self, *args, consultants, partners, coordinators, families, output, **options):
        if min(consultants, partners, coordinators, families) < 1:
            raise CommandError("Kies van alles minstens één.")
        try:
            manifest = make_load_users(consultants=consultants, partners=partners, coordinators=coordinators,
                                       families=families)
        except DemoRefused as refused:
            raise CommandError(str(refused)) from refused
        text = json.dumps(manifest, indent=1)
        if output:
            Path(output).write_text(text, encoding="utf-8")
        else:
            self.stdout.write(text)
