"""`tandem encryption rotate`: re-encrypt every encrypted field with the newest key of TANDEM_ENCRYPTION_KEYS and
recompute its lookup hash; afterwards the old key can be removed from the list (docs/security.md, "Rotation")."""
from django.apps import apps
from django.core.management.base import BaseCommand
from django.db import transaction

from tandem.core import crypto
from tandem.core.crypto import EncryptedTextField

BATCH = 1000


def encrypted_fields():
    for model in apps.get_models():
        fields = [f for f in model._meta.concrete_fields if isinstance(f, EncryptedTextField)]
        if fields:
            yield model, fields


@transaction.atomic
def rotate_model(model, fields) -> int:
    """Every row of `model` under the newest key (values are read decrypted and written encrypted)."""
    names = [f.name for f in fields] + [f.digest_field for f in fields if f.digest_field]
    rows = list(model._default_manager.select_for_update().only("pk", *names))
    for row in rows:
        for field in fields:
            if field.digest_field:
                setattr(row, field.digest_field, crypto.lookup_digest(getattr(row, field.name), field.digest_field))
    model._default_manager.bulk_update(rows, names, batch_size=BATCH)
    return len(rows)


class Command(BaseCommand):
    help = "Versleutel alle versleutelde gegevens opnieuw met de nieuwste sleutel (tandem encryption rotate)."

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["rotate"])

    def handle(self, *args, **options):
        for model, fields in encrypted_fields():
            count = rotate_model(model, fields)
            self.stdout.write(f"{model._meta.label}: {count} rijen opnieuw versleuteld "
                              f"({', '.join(f.name for f in fields)}).")
        self.stdout.write("Klaar. De oude sleutel kan nu uit TANDEM_ENCRYPTION_KEYS.")
