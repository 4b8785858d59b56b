"""The copied household required; indexes that hold everything the monitor reads (index-only scans), and no
separate index on the copied site (every monitor index starts with it)."""
import django.db.models.deletion
from django.db import migrations, models


def _household_field():
    return models.ForeignKey(db_index=False, editable=False, on_delete=django.db.models.deletion.CASCADE,
                             related_name="+", to="cases.household")


def _site_field():
    return models.ForeignKey(db_index=False, editable=False, on_delete=django.db.models.deletion.PROTECT,
                            related_name="+", to="organisations.site")


class Migration(migrations.Migration):

    dependencies = [
        ("cases", "0008_household_on_dated_rows"),
    ]

    operations = [
        migrations.AlterField(model_name="involvement", name="household", field=_household_field()),
        migrations.AlterField(model_name="measure", name="household", field=_household_field()),
        *[migrations.AlterField(model_name=model, name="site", field=_site_field())
          for model in ("trajectory", "involvement", "timeentry", "measure")],
        migrations.RemoveIndex(model_name="involvement", name="involvement_site_end"),
        migrations.AddIndex(
            model_name="involvement",
            index=models.Index(fields=["site", "end", "start", "form", "household"], name="involvement_site_end"),
        ),
        migrations.RemoveIndex(model_name="measure", name="measure_site_on"),
        migrations.AddIndex(
            model_name="measure",
            index=models.Index(fields=["site", "on", "type", "household", "initiated_from_site"],
                               name="measure_site_on"),
        ),
        migrations.AddIndex(
            model_name="member",
            index=models.Index(fields=["household", "is_network", "birth_date", "minor"],
                               name="member_household_age"),
        ),
    ]
