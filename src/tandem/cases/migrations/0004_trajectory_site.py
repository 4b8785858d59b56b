"""Trajectory.site: the household's site, copied onto each trajectory for the monitor (docs/performance.md)."""
import django.db.models.deletion
from django.db import migrations, models
from django.db.models import OuterRef, Subquery


def copy_household_site(apps, schema_editor):
    """Fill the new column from household.site: one UPDATE, not a loop over rows."""
    Household = apps.get_model("cases", "Household")
    Trajectory = apps.get_model("cases", "Trajectory")
    site = Household.objects.filter(pk=OuterRef("household_id")).values("site_id")[:1]
    Trajectory.objects.filter(site__isnull=True).update(site_id=Subquery(site))


class Migration(migrations.Migration):

    dependencies = [
        ("cases", "0003_consent_given_by_optional"),
        ("organisations", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="trajectory",
            name="site",
            field=models.ForeignKey(editable=False, null=True, on_delete=django.db.models.deletion.PROTECT,
                                    related_name="+", to="organisations.site"),
        ),
        migrations.RunPython(copy_household_site, migrations.RunPython.noop, elidable=True),
    ]
