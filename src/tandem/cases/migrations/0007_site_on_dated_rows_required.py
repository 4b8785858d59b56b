"""The copied site required on episodes, time entries and measures, with the monitor's indexes on it."""
import django.db.models.deletion
from django.db import migrations, models


def _site_field():
    return models.ForeignKey(editable=False, on_delete=django.db.models.deletion.PROTECT,
                             related_name="+", to="organisations.site")


class Migration(migrations.Migration):

    dependencies = [
        ("cases", "0006_site_on_dated_rows"),
    ]

    operations = [
        migrations.AlterField(model_name="involvement", name="site", field=_site_field()),
        migrations.AlterField(model_name="measure", name="site", field=_site_field()),
        migrations.AlterField(model_name="timeentry", name="site", field=_site_field()),
        migrations.AddIndex(
            model_name="involvement",
            index=models.Index(fields=["site", "end", "start"], name="involvement_site_end"),
        ),
        migrations.AddIndex(
            model_name="timeentry",
            index=models.Index(fields=["site", "on", "involvement", "hours"], name="timeentry_site_on"),
        ),
        migrations.AddIndex(
            model_name="measure",
            index=models.Index(fields=["site", "on", "type", "trajectory"], name="measure_site_on"),
        ),
    ]
