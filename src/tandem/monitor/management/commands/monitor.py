"""`tandem monitor --site CODE|--region CODE --quarter YYYY-Qn --format json|csv` (spec/monitor.md)."""
import csv
import json

from django.core.management.base import BaseCommand, CommandError

from tandem.monitor.queries import compute_monitor
from tandem.monitor.report import CSV_HEADER, csv_rows
from tandem.monitor.rules import MonitorError


class Command(BaseCommand):
    help = "Drukt de kwartaalmonitor van een toekomsttuin of een regio af, als JSON of als CSV (lang formaat)."

    def add_arguments(self, parser):
        scope = parser.add_mutually_exclusive_group(required=True)
        scope.add_argument("--site", metavar="CODE", help="code van de toekomsttuin, bijvoorbeeld HLV")
        scope.add_argument("--region", metavar="CODE", help="code van de regio, bijvoorbeeld GV")
        parser.add_argument("--quarter", required=True, metavar="JJJJ-Qn", help="kwartaal, bijvoorbeeld 2025-Q1")
        parser.add_argument("--format", choices=("json", "csv"), default="json", help="uitvoer (standaard json)")

    def handle(self, *args, site=None, region=None, quarter=None, format="json", **options):
        try:
            report = compute_monitor(site=site, region=region, quarter=quarter)
        except MonitorError as error:
            raise CommandError(str(error)) from error
        if format == "csv":
            writer = csv.writer(self.stdout, lineterminator="\n")
            writer.writerow(CSV_HEADER)
            writer.writerows(csv_rows(report))
        else:
            self.stdout.write(json.dumps(report, ensure_ascii=False, indent=1))
