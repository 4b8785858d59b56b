"""`tandem retention [--dry-run] [--today YYYY-MM-DD]`: remove dossiers whose retention period has passed.

Prints counts and household ids, never names. The access log is kept (it has no foreign keys)."""
import datetime as dt

from django.core.management.base import BaseCommand
from django.utils import timezone

from tandem.security.services import retention_apply


class Command(BaseCommand):
    help = "Verwijder dossiers waarvan de bewaartermijn voorbij is (tandem retention --dry-run om te kijken)."

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="alleen tonen, niets verwijderen")
        parser.add_argument("--today", type=dt.date.fromisoformat, default=None, help="peildatum (JJJJ-MM-DD)")

    def handle(self, *args, **options):
        today = options["today"] or timezone.localdate()
        result = retention_apply(today=today, dry_run=options["dry_run"])
        verb = "zou verwijderen" if result.dry_run else "verwijderd"
        self.stdout.write(f"Bewaartermijn {result.years} jaar na de laatste afsluiting, peildatum {today:%d-%m-%Y}: "
                          f"{len(result.household_ids)} huishouden(s) {verb}.")
        for household_id in result.household_ids:
            self.stdout.write(f"  {household_id}")
