"""`tandem monitor-ledger [--rebuild] [--compact] [--check YYYY-Qn]`: the monitor's ledger
(`tandem.monitor.ledger`, docs/architecture.md). Without options it prints its state as JSON."""
import json

from django.core.management.base import BaseCommand, CommandError

from tandem.monitor import ledger
from tandem.monitor.queries import compute_regions
from tandem.monitor.rules import MonitorError, parse_quarter
from tandem.organisations.models import Region


class Command(BaseCommand):
    help = ("Het grootboek van de kwartaalmonitor: de cijfers per toekomsttuin en kwartaal, bijgehouden bij elke "
            "wijziging. Zonder opties: de stand als JSON.")

    def add_arguments(self, parser):
        parser.add_argument("--rebuild", action="store_true",
                            help="opnieuw opbouwen uit de dossiers (na wijzigingen buiten Tandem om)")
        parser.add_argument("--compact", action="store_true", help="de regels per toekomsttuin optellen")
        parser.add_argument("--check", metavar="JJJJ-Qn",
                            help="vergelijk de cijfers van alle regio's met de rechtstreekse berekening")

    def handle(self, *args, rebuild, compact, check, **options):
        if rebuild:
            entries = ledger.rebuild(lambda text: self.stderr.write(text))
            self.stderr.write(f"Opgebouwd: {entries} regels.")
        if compact:
            self.stderr.write(f"Opgeteld: {ledger.compact()} regels over.")
        if check:
            self._check(check)
        self.stdout.write(json.dumps(ledger.status(), ensure_ascii=False))

    def _check(self, quarter: str) -> None:
        try:
            parse_quarter(quarter)
        except MonitorError as error:
            raise CommandError(str(error)) from error
        if not ledger.is_ready():
            raise CommandError("Het grootboek is niet compleet; de monitor rekent rechtstreeks. Gebruik --rebuild.")
        regions = list(Region.objects.values_list("code", flat=True))
        fast = compute_regions(regions=regions, quarter=quarter)
        direct = compute_regions(regions=regions, quarter=quarter, direct=True)
        different = sorted(code for code in regions if fast[code] != direct[code])
        if different:
            raise CommandError("Het grootboek wijkt af van de rechtstreekse berekening voor: " + ", ".join(different)
                               + ". Gebruik --rebuild.")
        self.stderr.write(f"Gelijk aan de rechtstreekse berekening voor {len(regions)} regio's in {quarter}.")
