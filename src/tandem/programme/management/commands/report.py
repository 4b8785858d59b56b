"""`tandem report progress --region CODE --quarter YYYY-Qn --format json|docx|pdf [--output FILE]`: the quarterly
progress report of a region to its steering groups (`spec/progress.md`)."""
import json

from django.core.management.base import BaseCommand, CommandError

from tandem.core.output import deliver, require_output_for_binary
from tandem.monitor.rules import MonitorError
from tandem.organisations.models import Region
from tandem.programme import exports
from tandem.programme.progress import progress_report


class Command(BaseCommand):
    help = ("Maakt een rapport. 'progress': de voortgangsrapportage van een regio over een kwartaal, als JSON "
            "(scherm of bestand), Word (docx) of PDF (in een bestand).")

    def add_arguments(self, parser):
        parser.add_argument("report", choices=["progress"], help="welk rapport: progress (voortgangsrapportage)")
        parser.add_argument("--region", required=True, metavar="CODE", help="code van de regio, bijvoorbeeld GV")
        parser.add_argument("--quarter", required=True, metavar="JJJJ-Qn", help="kwartaal, bijvoorbeeld 2025-Q3")
        parser.add_argument("--format", choices=("json", "docx", "pdf"), default="json", help="standaard json")
        parser.add_argument("--output", metavar="BESTAND", help="schrijf naar dit bestand (verplicht voor docx, pdf)")

    def handle(self, *args, report, region, quarter, format, output=None, **options):
        require_output_for_binary(format, output)
        found = Region.objects.filter(code=region.strip()).first()
        if found is None:
            raise CommandError(f"Onbekende regio '{region}'. Controleer de code.")
        try:
            data = progress_report(found, quarter)
        except MonitorError as error:
            raise CommandError(str(error)) from error
        if format == "docx":
            content = exports.docx_bytes(data)
        elif format == "pdf":
            content = exports.pdf_bytes(data)
        else:
            content = json.dumps(data.as_json(), ensure_ascii=False, indent=1)
        deliver(self, content, output, "Voortgangsrapportage")
