"""`tandem rotate-keys`: re-encrypt every secret in the database with the newest key of TANDEM_ENCRYPTION_KEYS.

Rotation: put the new key in front (`TANDEM_ENCRYPTION_KEYS=new,old`), restart, run this command, then remove
the old key. Values are read with any listed key and written with the first."""
# ruff: noqa: N999  (the command is called `tandem rotate-keys`)
from django.core.management.base import BaseCommand, CommandError

from tandem.core.encryption import UnreadableSecret, encrypted_values_rotate


class Command(BaseCommand):
    help = "Versleutel alle geheimen opnieuw met de nieuwste sleutel uit TANDEM_ENCRYPTION_KEYS."

    def handle(self, *args, **options):
        try:
            count = encrypted_values_rotate()
        except UnreadableSecret as exc:  # nothing changed: it is one transaction
            raise CommandError(str(exc)) from exc
        self.stdout.write(f"{count} versleutelde waarde(n) opnieuw versleuteld met de nieuwste sleutel. "
                          "De oude sleutel kan nu uit TANDEM_ENCRYPTION_KEYS.")
