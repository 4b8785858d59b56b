"""`tandem budget import FILE --region CODE` and `tandem budget report --region CODE --format json|xlsx|pdf
[--output FILE]` (`spec/budget.md`)."""
import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from tandem.budget import exports, services
from tandem.budget.importer import BudgetImportFailed
from tandem.budget.selectors import budget_report
from tandem.core.exceptions import RuleViolation
from tandem.core.output import deliver, require_output_for_binary
from tandem.organisations.models import Region


class Command(BaseCommand):
    help = ("De programmabegroting van een regio. 'import BESTAND': lees een CSV- of XLSX-bestand in (alles of "
            "niets; elk jaar in het bestand wordt vervangen). 'report': de begroting als JSON, Excel of PDF.")

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["import", "report"], help="import of report")
        parser.add_argument("file", nargs="?", metavar="BESTAND", help="bij import: het CSV- of XLSX-bestand")
        parser.add_argument("--region", required=True, metavar="CODE", help="code van de regio, bijvoorbeeld GV")
        parser.add_argument("--format", choices=("json", "xlsx", "pdf"), default="json", help="bij report (json)")
        parser.add_argument("--output", metavar="BESTAND", help="bij report: schrijf naar dit bestand")

    def handle(self, *args, action, file=None, region, format="json", output=None, **options):
        found = Region.objects.filter(code=region.strip()).first()
        if found is None:
            raise CommandError(f"Onbekende regio '{region}'. Controleer de code.")
        if action == "import":
            self._import(found, file)
        else:
            self._report(found, format, output)

    def _import(self, region: Region, file: str | None) -> None:
        if not file:
            raise CommandError("Geef het bestand op: tandem budget import BESTAND --region CODE.")
        path = Path(file)
        try:
            data = path.read_bytes()
        except OSError as error:
            raise CommandError(f"Kan '{file}' niet lezen: {error.strerror or error}.") from error
        try:
            change = services.budget_import(actor=None, region=region, filename=path.name, data=data)
        except BudgetImportFailed as failed:
            for problem in failed.problems:
                self.stderr.write(problem)
            count = len(failed.problems)
            raise CommandError(f"Niets ingelezen: {count} probleem/problemen in {path.name}.") from failed
        except RuleViolation as refused:
            raise CommandError(f"Niets ingelezen: {refused.message}") from refused
        for warning in change.warnings:
            self.stderr.write(f"Let op: {warning}")
        years = ", ".join(map(str, change.years))
        self.stdout.write(f"Begroting van {region.name} ingelezen: {change.lines} regels voor {years}.")

    def _report(self, region: Region, format: str, output: str | None) -> None:
        require_output_for_binary(format, output)
        if format == "json":
            content = json.dumps(budget_report(region), ensure_ascii=False, indent=1)
        else:
            data = exports.budget_report_data(region)
            content = exports.xlsx_bytes(data) if format == "xlsx" else exports.pdf_bytes(data)
        deliver(self, content, output, "Begroting")
