"""`tandem demo`: load the fictional demo region Gooi en Vechtstreek and print the demo logins."""
from django.core.management.base import BaseCommand, CommandError

from tandem.demo.loader import DemoRefused, load_demo
from tandem.demo.people import DEMO_PASSWORD, DEMO_TOTP_SECRET
from tandem.exchange.importer import ImportFailed


class Command(BaseCommand):
    help = ("Laad de verzonnen demoregio Gooi en Vechtstreek (alleen om uit te proberen; alle gebruikers krijgen "
            f"het wachtwoord '{DEMO_PASSWORD}'). Nog een keer draaien verandert niets.")

    def handle(self, *args, **options):
        try:
            result, logins = load_demo()
        except DemoRefused as refused:
            raise CommandError(str(refused)) from refused
        except ImportFailed as failed:  # a bug in the demo generator: show where
            raise CommandError("De demo kon niet worden geladen:\n" + "\n".join(failed.lines())) from failed
        self.stdout.write("Demoregio Gooi en Vechtstreek: alle gezinnen, namen en verhalen zijn verzonnen.")
        self.stdout.write("Alleen om Tandem uit te proberen, nooit in een database met echte gezinnen.")
        self.stdout.write("Al geladen; er is niets veranderd." if not result.changed else result.summary())
        self.stdout.write(f"\nDemo-logins (wachtwoord voor iedereen: {DEMO_PASSWORD}):")
        width = max(len(login.username) for login in logins)
        for login in logins:
            self.stdout.write(f"  {login.username:<{width}}  {DEMO_PASSWORD}  {login.role}, {login.organisation}")
        self.stdout.write(
            "\nNa het wachtwoord vraagt Tandem een code (tweestapsverificatie). De code van nu: "
            "tandem totp-code GEBRUIKERSNAAM\n"
            f"of zet de openbare demosleutel {DEMO_TOTP_SECRET} in een authenticator-app (6 cijfers, 30 seconden).")
