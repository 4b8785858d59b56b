"""`load_demo`: the demo region into the database, once (running it again changes nothing but passwords)."""
from dataclasses import dataclass

from django.contrib.auth.hashers import make_password
from django.db import transaction

from tandem.accounts.models import AuthenticatorDevice
from tandem.cases.models import Household
from tandem.demo import journal
from tandem.demo.experts import load_experts_demo
from tandem.demo.generator import build_document
from tandem.demo.people import DEMO_PASSWORD, DEMO_TOTP_SECRET, PROFESSIONALS, REGION
from tandem.demo.programme import load_programme_demo
from tandem.exchange.importer import ImportResult, import_document
from tandem.organisations.models import Region, User

DEMO_PREFIX = "demo-"


class DemoRefused(Exception):
    """The database holds households but no demo: demo logins with a known password must not be able to see
    them. (Households that people entered while trying out the demo are fine: the demo is already there.)"""


@dataclass
class Login:
    username: str
    role: str
    organisation: str


def load_demo() -> tuple[ImportResult, list[Login]]:
    demo_loaded = Household.objects.filter(ref__startswith=DEMO_PREFIX).exists()
    if not demo_loaded and Household.objects.exists():
        raise DemoRefused("Deze database bevat al gezinnen die niet uit de demo komen. De demo geeft gebruikers een "
                          "bekend wachtwoord; laad hem alleen in een lege database om Tandem uit te proberen.")
    with transaction.atomic():
        result = import_document(build_document(), extra_steps=journal.extra_steps)
        load_programme_demo(Region.objects.get(code=REGION["code"]))
        load_experts_demo(Region.objects.get(code=REGION["code"]))
        logins, hashed = [], make_password(DEMO_PASSWORD)  # hashed once: the password is shared and documented
        demo_key = AuthenticatorDevice.key_from_base32(DEMO_TOTP_SECRET)
        for data in PROFESSIONALS:
            user = User.objects.select_related("organisation").get(ref=data["ref"])
            user.password = hashed
            user.save(update_fields=["password"])
            AuthenticatorDevice.objects.update_or_create(  # the second factor with the public demo secret
                user=user, defaults={"key": demo_key, "confirmed": True, "name": "Demo"})
            logins.append(Login(user.username, user.get_role_display(), user.organisation.name))
    return result, logins
