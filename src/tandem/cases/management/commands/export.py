"""`tandem export [--region CODE] [--site CODE]`: print a region or site in the exchange format."""
import json

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from tandem.exchange.exporter import ExportError, export_document


class Command(BaseCommand):
    help = "Schrijf een regio of toekomsttuin als uitwisselbestand (JSON) naar standaarduitvoer."

    def add_arguments(self, parser):
        parser.add_argument("--region", help="code van de regio (nodig als er meer dan één is)")
        parser.add_argument("--site", help="code van één toekomsttuin")

    def handle(self, *args, **options):
        try:
            with transaction.atomic():  # one consistent picture, and the access log entries with it
                document = export_document(region_code=options["region"], site_code=options["site"])
        except ExportError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(json.dumps(document, ensure_ascii=False, indent=1))
