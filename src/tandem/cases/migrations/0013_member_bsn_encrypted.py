"""The BSN encrypted at rest, with a keyed hash to find a member by it (issue 11; tandem.core.crypto).

Existing values are encrypted with the newest key of TANDEM_ENCRYPTION_KEYS; reversing decrypts them again."""
from django.db import migrations, models

import tandem.core.crypto
from tandem.core import crypto

BATCH = 1000


def _convert(apps, change) -> None:
    Member = apps.get_model("cases", "Member")
    members = list(Member.objects.exclude(bsn="").only("id", "bsn"))
    for member in members:
        change(member)
    Member.objects.bulk_update(members, ["bsn", "bsn_digest"], batch_size=BATCH)


def encrypt_existing(apps, schema_editor):
    def change(member):
        member.bsn_digest = crypto.lookup_digest(member.bsn, "bsn_digest")
        member.bsn = crypto.encrypt(member.bsn)

    _convert(apps, change)


def decrypt_existing(apps, schema_editor):
    def change(member):
        member.bsn, member.bsn_digest = crypto.decrypt(member.bsn), ""

    _convert(apps, change)


class Migration(migrations.Migration):

    dependencies = [("cases", "0012_rights_inside_the_dossier")]

    operations = [
        migrations.AlterField("member", "bsn", models.TextField(blank=True, default="", verbose_name="BSN")),
        migrations.AddField("member", "bsn_digest", models.CharField(blank=True, db_default="", db_index=True,
                                                                     default="", editable=False, max_length=64)),
        migrations.RunPython(encrypt_existing, decrypt_existing),
        migrations.AlterField("member", "bsn", tandem.core.crypto.EncryptedTextField(
            blank=True, default="", digest_field="bsn_digest", verbose_name="BSN")),
    ]
