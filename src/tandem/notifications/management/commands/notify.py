"""`tandem notify`: the daily run (cron or a systemd timer) that tells the family's consultant and lead when a
measure (OTS, provisional OTS, restraining order) enters the region's window before its end. Once per measure and
person; an e-mail only by setting, without personal data."""
from django.core.management.base import BaseCommand

from tandem.notifications.services import measures_expiring_notify


class Command(BaseCommand):
    help = "Meldt maatregelen die binnenkort aflopen (eenmaal per maatregel en persoon). Draai dit dagelijks."

    def handle(self, *args, **options):
        told = measures_expiring_notify()
        self.stdout.write(f"{told} {'bericht' if told == 1 else 'berichten'} gemaakt.")
