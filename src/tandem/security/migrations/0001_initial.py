# Emergency access grants (break the glass).

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('cases', '0003_consent_given_by_optional'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name='EmergencyAccess',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('reason', models.TextField(verbose_name='reden')),
                ('starts_at', models.DateTimeField()),
                ('ends_at', models.DateTimeField()),
                ('household', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='emergency_accesses', to='cases.household')),
                ('user', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='emergency_accesses', to=settings.AUTH_USER_MODEL)),
            ],
            options={
                'ordering': ['-starts_at', '-id'],
                'indexes': [models.Index(fields=['user', 'ends_at'], name='security_em_user_id_b794a0_idx'), models.Index(fields=['household', 'starts_at'], name='security_em_househo_5ea692_idx')],
                'constraints': [models.CheckConstraint(condition=models.Q(('ends_at__gt', models.F('starts_at'))), name='emergency_access_ends_after_start')],
            },
        ),
    ]
