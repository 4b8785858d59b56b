"""The keyed chain (issue 11): a mac per entry, seals in commit order, the old SHA-256 chain re-chained.

Re-chaining, not a switch-over point: the old chain is checked once more, every old entry gets its keyed mac
and seal, and one entry `audit_rechain` records what the check found (tandem.audit.legacy). Needs the key
(TANDEM_AUDIT_KEY) at migration time. Not reversible: the unkeyed chain is not worth going back to.
"""
from django.conf import settings
from django.db import migrations, models
from django.utils import timezone

from tandem.audit import chain, legacy

BATCH = 2000


def rechain_existing(apps, schema_editor):
    Event = apps.get_model("audit", "AuditEvent")
    Head = apps.get_model("audit", "AuditHead")
    Seal = apps.get_model("audit", "AuditSeal")
    events = list(Event.objects.order_by("id"))
    if not events:
        return
    key = chain.make_key(settings.TANDEM_AUDIT_KEYS[0])
    result = legacy.rechain(events, Head.objects.filter(pk=1).first(), key)
    for event in events:
        event.key_id, event.mac = result.macs[event.id]
    Event.objects.bulk_update(events, ["key_id", "mac"], batch_size=BATCH)
    switch = Event(at=timezone.now(), actor_id=None, actor_name="systeem", action="audit_rechain",
                   detail=legacy.switch_detail(result, len(events)))
    switch.key_id, switch.mac = key.id, chain.event_mac(key, switch)
    switch.save()
    now, prev_hash, seals = timezone.now(), chain.GENESIS, []
    for seq, event in enumerate([*events, switch], start=1):
        digest = chain.seal_hash(key, seq=seq, event_id=event.id, mac=event.mac, prev_hash=prev_hash)
        seals.append(Seal(seq=seq, event_id=event.id, sealed_at=now, key_id=key.id, prev_hash=prev_hash,
                          hash=digest))
        prev_hash = digest
    Seal.objects.bulk_create(seals, batch_size=BATCH)


class Migration(migrations.Migration):

    dependencies = [("audit", "0002_head")]

    operations = [
        migrations.AddField("auditevent", "key_id", models.CharField(default="", max_length=16),
                            preserve_default=False),
        migrations.AddField("auditevent", "mac", models.CharField(default="", max_length=64),
                            preserve_default=False),
        migrations.CreateModel(
            name="AuditSeal",
            fields=[
                ("seq", models.BigIntegerField(primary_key=True, serialize=False)),
                ("event_id", models.BigIntegerField(unique=True)),
                ("sealed_at", models.DateTimeField()),
                ("key_id", models.CharField(max_length=16)),
                ("prev_hash", models.CharField(max_length=64)),
                ("hash", models.CharField(db_index=True, max_length=64)),
            ],
            options={"ordering": ["seq"]},
        ),
        migrations.CreateModel(
            name="AuditPending",
            fields=[("event_id", models.BigIntegerField(primary_key=True, serialize=False))],
        ),
        migrations.RunPython(rechain_existing),
        migrations.RemoveField("auditevent", "prev_hash"),
        migrations.RemoveField("auditevent", "hash"),
        migrations.DeleteModel("AuditHead"),
    ]
