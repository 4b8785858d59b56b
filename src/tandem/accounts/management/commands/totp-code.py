"""`tandem totp-code USERNAME`: the current sign-in code of a DEMO user (one whose secret is the public demo
secret). Refused for every other user: a real professional's code comes only from their own app."""
# ruff: noqa: N999  (the command is called `tandem totp-code`)
import time

from django.core.management.base import BaseCommand, CommandError

from tandem.accounts import totp
from tandem.accounts.models import TotpDevice
from tandem.demo.people import DEMO_TOTP_SECRET


class Command(BaseCommand):
    help = "Toon de code van nu voor een demogebruiker (alleen gebruikers met de openbare demosleutel)."

    def add_arguments(self, parser):
        parser.add_argument("username", help="gebruikersnaam van een demogebruiker, bijvoorbeeld sanne.bakker")

    def handle(self, *args, username, **options):
        device = TotpDevice.objects.filter(user__username=username, confirmed_at__isnull=False).first()
        if device is None or device.secret != DEMO_TOTP_SECRET:
            raise CommandError("Alleen voor demogebruikers met de openbare demosleutel. Andere gebruikers vinden "
                               "hun code in hun eigen authenticator-app.")
        seconds = totp.STEP - int(time.time()) % totp.STEP
        self.stdout.write(f"{totp.code_at(device.secret)}  (nog {seconds} seconden geldig)")
