"""The episodes index holds the id too, so the monitor reads the quarter's episodes from the index alone."""

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('cases', '0009_monitor_covering_indexes'),
        ('organisations', '0001_initial'),
    ]

    operations = [
        migrations.RemoveIndex(
            model_name='involvement',
            name='involvement_site_end',
        ),
        migrations.AddIndex(
            model_name='involvement',
            index=models.Index(fields=['site', 'end', 'start', 'form', 'household', 'id'], name='involvement_site_dates'),
        ),
    ]
