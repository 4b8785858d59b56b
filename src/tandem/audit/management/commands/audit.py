"""`tandem audit verify`: check that no entry of the access log was changed or removed."""
from django.core.management.base import BaseCommand, CommandError

from tandem.audit.models import AuditEvent
from tandem.audit.services import audit_verify


class Command(BaseCommand):
    help = "Controleer het toegangslogboek (tandem audit verify)."

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["verify"])

    def handle(self, *args, **options):
        problems = audit_verify()
        if problems:
            for problem in problems:
                self.stderr.write(problem)
            raise CommandError(f"Het toegangslogboek is niet intact: {len(problems)} probleem/problemen.")
        self.stdout.write(f"Het toegangslogboek is intact ({AuditEvent.objects.count()} regels).")
