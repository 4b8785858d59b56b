"""Trajectory.site required, and the monitor's composite indexes (docs/performance.md). Separate from 0004:
PostgreSQL cannot alter a table in the transaction that just updated it with deferred foreign-key checks."""
import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ("cases", "0004_trajectory_site"),
    ]

    operations = [
        migrations.AlterField(
            model_name="trajectory",
            name="site",
            field=models.ForeignKey(editable=False, on_delete=django.db.models.deletion.PROTECT,
                                    related_name="+", to="organisations.site"),
        ),
        migrations.AddIndex(
            model_name="trajectory",
            index=models.Index(fields=["site", "registered_on", "closed_on", "household", "measure_considered"],
                               name="trajectory_site_registered"),
        ),
        migrations.AddIndex(
            model_name="trajectory",
            index=models.Index(fields=["site", "closed_on"], name="trajectory_site_closed"),
        ),
        migrations.AddIndex(
            model_name="involvement",
            index=models.Index(fields=["trajectory", "form", "start", "end"], name="involvement_trajectory_form"),
        ),
        migrations.AddIndex(
            model_name="timeentry",
            index=models.Index(fields=["involvement", "on", "hours"], name="timeentry_involvement_on"),
        ),
        migrations.AddIndex(
            model_name="measure",
            index=models.Index(fields=["trajectory", "initiated_from_site", "on", "type"],
                               name="measure_trajectory_on"),
        ),
    ]
