"""`tandem import FILE`: import a file in the exchange format, all or nothing.

`tandem import FILE --spreadsheet --site CODE` imports a site's spreadsheet (CSV or XLSX, one row per trajectory;
docs/spreadsheet-import.md) instead. A .csv or .xlsx file is taken as a spreadsheet without --spreadsheet.
"""  # noqa: N999 (the command is called `import`)
import zipfile

from django.core.management.base import BaseCommand, CommandError

from tandem.exchange.files import read_json
from tandem.exchange.importer import ImportFailed, import_document
from tandem.exchange.spreadsheet import import_spreadsheet

# Show progress on standard error for files with at least this many households.
PROGRESS_FROM = 50


class Command(BaseCommand):
    help = "Importeer een uitwisselbestand (formaat tandem-exchange, versie 1). Alles of niets."

    def add_arguments(self, parser):
        parser.add_argument("file", help="pad naar het JSON-bestand, of - voor standaardinvoer")
        parser.add_argument("--spreadsheet", action="store_true",
                            help="het bestand is een spreadsheet (CSV of XLSX, één rij per traject)")
        parser.add_argument("--site", help="code van de toekomsttuin waarvan de spreadsheet is (verplicht daarbij)")

    def handle(self, *args, **options):
        name = options["file"]
        try:
            if options["spreadsheet"] or name.lower().endswith((".csv", ".xlsx")):
                result = self.spreadsheet(name, options["site"])
            else:
                data = self.read(name)
                result = import_document(data, progress=self.progress if self.is_large(data) else None)
        except ImportFailed as failed:
            raise CommandError("Het bestand is niet geïmporteerd; er is niets gewijzigd. Problemen:\n"
                               + "\n".join(failed.lines()), returncode=1) from failed
        self.stdout.write(result.summary())

    def spreadsheet(self, name: str, site: str | None):
        if not site:
            raise CommandError("Geef met --site de code van de toekomsttuin waarvan de spreadsheet is.")
        try:
            return import_spreadsheet(name, site_code=site)
        except OSError as error:
            raise CommandError(f"Kan {name} niet lezen: {error.strerror}.") from error
        except (UnicodeDecodeError, zipfile.BadZipFile) as error:
            raise CommandError(f"{name} is geen leesbare CSV (UTF-8) of XLSX.", returncode=1) from error

    def read(self, name: str) -> dict:
        """Size, encoding and nesting checked before parsing (tandem.exchange.files)."""
        return read_json(name)

    def is_large(self, data) -> bool:
        return isinstance(data, dict) and len(data.get("households") or []) >= PROGRESS_FROM

    def progress(self, done: int, total: int) -> None:
        if done == total or done % max(1, total // 20) == 0:
            self.stderr.write(f"{done} van {total} gezinnen verwerkt")
