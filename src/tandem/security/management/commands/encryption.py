"""`tandem encryption rotate`: re-encrypt every encrypted field (the BSN, the two-factor keys) with the newest key of
TANDEM_ENCRYPTION_KEYS and recompute its lookup hash; afterwards the old key can be removed from the list
(docs/security.md, "Rotation"). A value no listed key opens is named in Dutch, without a traceback."""
from django.core.management.base import BaseCommand, CommandError

from tandem.core.crypto import UnreadableSecret, encrypted_fields, rotate_model


class Command(BaseCommand):
    help = "Versleutel alle versleutelde gegevens opnieuw met de nieuwste sleutel (tandem encryption rotate)."

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["rotate"])

    def handle(self, *args, **options):
        try:
            for model, fields in encrypted_fields():
                count = rotate_model(model, fields)
                self.stdout.write(f"{model._meta.label}: {count} rijen opnieuw versleuteld "
                                  f"({', '.join(f.name for f in fields)}).")
        except UnreadableSecret as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write("Klaar. De oude sleutel kan nu uit TANDEM_ENCRYPTION_KEYS.")
