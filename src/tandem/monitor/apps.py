from django.apps import AppConfig
from django.db.models.signals import post_migrate


class MonitorConfig(AppConfig):
    name = "tandem.monitor"
    label = "monitor"
    verbose_name = "Kwartaalmonitor"

    def ready(self):
        from tandem.monitor import ledger

        ledger.connect()
        post_migrate.connect(_ledger_after_migrate, sender=self, dispatch_uid="monitor-ledger-migrate")


def _ledger_after_migrate(using, **kwargs):
    from tandem.monitor import ledger

    ledger.start_empty(using=using)
