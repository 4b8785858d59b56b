"""`tandem monitor --site CODE|--region CODE --quarter YYYY-Qn --format json|csv|xlsx|pdf [--output FILE]
[--disclosure cbs]` (spec/monitor.md; XLSX and PDF in `tandem.monitor.exports`; the CBS rule in
`tandem.monitor.disclosure`)."""
import csv
import io
import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from tandem.core.routers import replica_reads
from tandem.monitor.queries import compute_monitor
from tandem.monitor.report import CSV_HEADER, csv_rows
from tandem.monitor.rules import MonitorError

BINARY_FORMATS = ("xlsx", "pdf")


class Command(BaseCommand):
    help = ("Maakt de kwartaalmonitor van een toekomsttuin of een regio: JSON of CSV (lang formaat) op het scherm "
            "of in een bestand, Excel (xlsx) of PDF in een bestand (--output).")

    def add_arguments(self, parser):
        scope = parser.add_mutually_exclusive_group(required=True)
        scope.add_argument("--site", metavar="CODE", help="code van de toekomsttuin, bijvoorbeeld HLV")
        scope.add_argument("--region", metavar="CODE", help="code van de regio, bijvoorbeeld GV")
        parser.add_argument("--quarter", required=True, metavar="JJJJ-Qn", help="kwartaal, bijvoorbeeld 2025-Q1")
        parser.add_argument("--format", choices=("json", "csv", *BINARY_FORMATS), default="json",
                            help="uitvoer (standaard json)")
        parser.add_argument("--output", metavar="BESTAND",
                            help="schrijf naar dit bestand (verplicht voor xlsx en pdf)")
        parser.add_argument("--disclosure", choices=("none", "cbs"), default="none",
                            help="cbs: geheimhouding voor gebruik buiten de regio (afronden op vijftallen, "
                                 "0 tot en met 7 als 'geheim')")

    def handle(self, *args, site=None, region=None, quarter=None, format="json", output=None,
               disclosure="none", **options):
        if format in BINARY_FORMATS and not output:
            raise CommandError(f"Voor --format {format} is --output BESTAND verplicht, "
                               f"bijvoorbeeld --output monitor.{format}.")
        try:
            with replica_reads():
                report = compute_monitor(site=site, region=region, quarter=quarter)
        except MonitorError as error:
            raise CommandError(str(error)) from error
        if disclosure == "cbs":
            from tandem.monitor.disclosure import apply_cbs

            report = apply_cbs(report)
        content = self._render(report, format)
        if output is None:
            self.stdout.write(content)
            return
        path = Path(output)
        try:
            if isinstance(content, bytes):
                path.write_bytes(content)
            else:
                path.write_text(content + "\n", encoding="utf-8")
        except OSError as error:
            raise CommandError(f"Kan niet schrijven naar '{output}': {error.strerror or error}.") from error
        self.stderr.write(f"Kwartaalmonitor geschreven naar {output}.")

    def _render(self, report: dict, format: str):
        if format == "csv":
            buffer = io.StringIO()
            writer = csv.writer(buffer, lineterminator="\n")
            writer.writerow(CSV_HEADER)
            writer.writerows(csv_rows(report))
            return buffer.getvalue().rstrip("\n")
        if format == "xlsx":
            from tandem.monitor.exports import xlsx_bytes

            return xlsx_bytes(report)
        if format == "pdf":
            from tandem.monitor.exports import pdf_bytes

            return pdf_bytes(report)
        return json.dumps(report, ensure_ascii=False, indent=1)
