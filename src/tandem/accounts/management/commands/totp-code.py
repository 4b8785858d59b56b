"""`tandem totp-code USERNAME`: the current sign-in code of a DEMO user (one whose secret is the public demo
secret). Refused for every other user: a real professional's code comes only from their own app."""
# ruff: noqa: N999  (the command is called `tandem totp-code`)
import time

from django.core.management.base import BaseCommand, CommandError
from django.utils.crypto import constant_time_compare

from tandem.accounts.models import AuthenticatorDevice
from tandem.core.crypto import UnreadableSecret
from tandem.demo.people import DEMO_TOTP_SECRET


class Command(BaseCommand):
    help = "Toon de code van nu voor een demogebruiker (alleen gebruikers met de openbare demosleutel)."

    def add_arguments(self, parser):
        parser.add_argument("username", help="gebruikersnaam van een demogebruiker, bijvoorbeeld sanne.bakker")

    def handle(self, *args, username, **options):
        try:
            device = AuthenticatorDevice.objects.filter(user__username=username, confirmed=True).first()
        except UnreadableSecret as exc:
            raise CommandError(str(exc)) from exc
        demo_key = AuthenticatorDevice.key_from_base32(DEMO_TOTP_SECRET)
        if device is None or not constant_time_compare(device.key, demo_key):
            raise CommandError("Alleen voor demogebruikers met de openbare demosleutel. Andere gebruikers vinden "
                               "hun code in hun eigen authenticator-app.")
        seconds = device.step - int(time.time()) % device.step
        self.stdout.write(f"{device.code_at()}  (nog {seconds} seconden geldig)")
