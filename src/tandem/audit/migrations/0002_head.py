"""The anchor of the access log (AuditHead), initialised from the chain as it stands."""
from django.db import migrations, models
from django.utils import timezone


def anchor(apps, schema_editor):
    AuditEvent = apps.get_model("audit", "AuditEvent")
    AuditHead = apps.get_model("audit", "AuditHead")
    last = AuditEvent.objects.order_by("-id").first()
    AuditHead.objects.create(id=1, count=AuditEvent.objects.count(), last_id=last.id if last else None,
                             last_hash=last.hash if last else "0" * 64, updated_at=timezone.now())


class Migration(migrations.Migration):

    dependencies = [("audit", "0001_initial")]

    operations = [
        migrations.CreateModel(
            name="AuditHead",
            fields=[
                ("id", models.PositiveSmallIntegerField(default=1, primary_key=True, serialize=False)),
                ("count", models.BigIntegerField(default=0)),
                ("last_id", models.BigIntegerField(null=True)),
                ("last_hash", models.CharField(max_length=64)),
                ("updated_at", models.DateTimeField()),
            ],
        ),
        migrations.RunPython(anchor, migrations.RunPython.noop),
    ]
