"""The household copied onto episodes and measures, so the monitor counts households from an index alone."""
import django.db.models.deletion
from django.db import migrations, models
from django.db.models import OuterRef, Subquery


def _household_field(null: bool):
    return models.ForeignKey(db_index=False, editable=False, null=null, on_delete=django.db.models.deletion.CASCADE,
                             related_name="+", to="cases.household")


def copy_households(apps, schema_editor):
    """One UPDATE per table from the trajectory."""
    Trajectory = apps.get_model("cases", "Trajectory")
    for model in (apps.get_model("cases", "Involvement"), apps.get_model("cases", "Measure")):
        household = Trajectory.objects.filter(pk=OuterRef("trajectory_id")).values("household_id")[:1]
        model.objects.filter(household__isnull=True).update(household_id=Subquery(household))


class Migration(migrations.Migration):

    dependencies = [
        ("cases", "0007_site_on_dated_rows_required"),
    ]

    operations = [
        migrations.AddField(model_name="involvement", name="household", field=_household_field(True)),
        migrations.AddField(model_name="measure", name="household", field=_household_field(True)),
        migrations.RunPython(copy_households, migrations.RunPython.noop, elidable=True),
    ]
