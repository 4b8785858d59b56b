"""The site copied onto episodes, time entries and measures as well, for the monitor (docs/performance.md)."""
import django.db.models.deletion
from django.db import migrations, models
from django.db.models import OuterRef, Subquery


def _site_field(null: bool):
    return models.ForeignKey(editable=False, null=null, on_delete=django.db.models.deletion.PROTECT,
                             related_name="+", to="organisations.site")


def copy_sites(apps, schema_editor):
    """One UPDATE per table from the parent row, parents first."""
    Trajectory = apps.get_model("cases", "Trajectory")
    Involvement = apps.get_model("cases", "Involvement")
    for model, parent, key in ((Involvement, Trajectory, "trajectory_id"),
                               (apps.get_model("cases", "Measure"), Trajectory, "trajectory_id"),
                               (apps.get_model("cases", "TimeEntry"), Involvement, "involvement_id")):
        site = parent.objects.filter(pk=OuterRef(key)).values("site_id")[:1]
        model.objects.filter(site__isnull=True).update(site_id=Subquery(site))


class Migration(migrations.Migration):

    dependencies = [
        ("cases", "0005_monitor_indexes"),
    ]

    operations = [
        migrations.AddField(model_name="involvement", name="site", field=_site_field(True)),
        migrations.AddField(model_name="measure", name="site", field=_site_field(True)),
        migrations.AddField(model_name="timeentry", name="site", field=_site_field(True)),
        migrations.RunPython(copy_sites, migrations.RunPython.noop, elidable=True),
    ]
