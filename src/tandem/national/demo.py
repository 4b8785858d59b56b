"""`tandem national demo`: a national installation to try out, comparing two regions — the fictional demo region
Gooi en Vechtstreek and Centraal Gelderland (seed 003) — over four quarters.

The regions' hand-overs travel the real way: each region gets a key pair (its private key exists only while the
demo is built), its quarter's figures go through the CBS rule, its lessons through the pseudonymiser, the document
is signed and read in by `services.handover_import`. The figures and lessons are invented. One demo login for the
national programme team, with the public demo password and two-factor secret of `tandem demo`.
"""
import random
from fractions import Fraction

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from django.contrib.auth.hashers import make_password
from django.db import transaction
from django.utils import timezone

from tandem.accounts.models import AuthenticatorDevice
from tandem.cases.models import Household
from tandem.core.exceptions import RuleViolation
from tandem.demo.people import DEMO_PASSWORD, DEMO_TOTP_SECRET
from tandem.monitor import rules as monitor_rules
from tandem.monitor.disclosure import apply_cbs
from tandem.monitor.report import Counts, build_report
from tandem.national import rules, services, signing
from tandem.national.models import Handover, Pilot
from tandem.organisations.models import Organisation, Role, User
from tandem.privacy.pseudonymise import Pseudonymiser

QUARTERS = ("2025-Q1", "2025-Q2", "2025-Q3", "2025-Q4")
REGIONS = {
    "GV": {"name": "Toekomsttuinen Gooi en Vechtstreek", "region": "Gooi en Vechtstreek (demo)", "size": 30},
    "CG": {"name": "Toekomsttuin Centraal Gelderland", "region": "Centraal Gelderland", "size": 12},
}
LESSONS = [
    ("content", "Het netwerkberaad binnen twee weken na aanmelding houdt het gezin erbij.", ["netwerk"]),
    ("process", "De Raad voor de Kinderbescherming sluit aan bij het casusoverleg: minder dubbele gesprekken.",
     ["Borgen rechtsbescherming"]),
    ("content", "Bij een complexe scheiding eerst met beide ouders apart praten werkte beter; moeder Sanne de Wit "
                "zei op 12 maart dat ze zich voor het eerst gehoord voelde.", ["Aanpak complexe scheidingen"]),
    ("process", "Het Zorg- en Veiligheidshuis kan sneller meedenken als de verklarende analyse er al ligt.",
     ["Verbinding zorg en veiligheid/ZVH", "Verklarende/integrale analyse"]),
]
TEAM_USER = {"username": "nora.landelijk", "first_name": "Nora", "last_name": "Landman"}


def _counts(rng: random.Random, size: int, step: int) -> Counts:
    active = size + step * size // 3 + rng.randint(0, 4)
    forms = {"consult": rng.randint(0, size // 2), "green": rng.randint(size // 3, size),
             "orange": rng.randint(2, size // 2), "red": rng.randint(0, size // 3)}
    hours = {form: [Fraction(rng.randint(2, 60), 10) for _ in range(n)] for form, n in forms.items()}
    measures = {"ots": rng.randint(0, 9), "restraining_order": rng.randint(0, 4), "rvdk_request": rng.randint(3, 12)}
    return Counts(active=active, A=rng.randint(size // 4, size // 2), B=rng.randint(1, size // 3),
                  C=rng.randint(0, 6), E=rng.randint(2, 10), form_households=forms, form_hours=hours, F=measures,
                  F_cumulative={kind: n * (step + 1) for kind, n in measures.items()})


def _document(code: str, quarter: str, counts: Counts, pseudonymiser: Pseudonymiser, rng: random.Random) -> dict:
    report = build_report({"region": code}, monitor_rules.parse_quarter(quarter), counts)
    lessons = rng.sample(LESSONS, 2)
    approved = monitor_rules.parse_quarter(quarter).end
    return {
        "format": rules.FORMAT, "version": rules.VERSION, "region": {"code": code, "name": REGIONS[code]["region"]},
        "quarter": quarter, "approved": True,
        "approved_at": f"{approved.isoformat()}T12:00:00+00:00",
        "created_at": timezone.now().isoformat(timespec="seconds"),
        "monitor": apply_cbs(report),
        "lessons": [{"kind": "lesson", "aspect": aspect, "site": "", "themes": themes,
                     "text": pseudonymiser.text(text)} for aspect, text, themes in lessons],
        "improvements": [],
    }


def _team_member() -> User:
    organisation, _ = Organisation.objects.get_or_create(
        code="LANDELIJK", defaults={"name": "Landelijk programmateam Toekomstscenario", "kind": "other"})
    user, _ = User.objects.update_or_create(username=TEAM_USER["username"], defaults={
        "first_name": TEAM_USER["first_name"], "last_name": TEAM_USER["last_name"], "organisation": organisation,
        "role": Role.LANDELIJK, "password": make_password(DEMO_PASSWORD)})
    AuthenticatorDevice.objects.update_or_create(user=user, defaults={
        "key": AuthenticatorDevice.key_from_base32(DEMO_TOTP_SECRET), "confirmed": True, "name": "Demo"})
    return user


@transaction.atomic
def load_national_demo() -> list[str]:
    """Idempotent: a region whose demo hand-overs are there is left alone. Refused in a database that holds
    households (a region's installation) or hand-overs of other pilots (a real national installation)."""
    services.require_national()
    if Household.objects.exists() or Handover.objects.exclude(pilot__code__in=REGIONS).exists():
        raise RuleViolation("demo_refused", "Deze database bevat al echte gegevens. De demo geeft een gebruiker een "
                                            "bekend wachtwoord; laad hem alleen in een lege landelijke installatie.")
    services.pilots_load()
    lines = []
    for code, data in REGIONS.items():
        if not Pilot.objects.filter(code=code).exists():
            services.pilot_create(code=code, name=data["name"], region_name=data["region"])
        if Handover.objects.filter(pilot__code=code).exists():
            continue
        key = Ed25519PrivateKey.generate()
        services.pilot_key_register(pilot=code, public_pem=key.public_key().public_bytes(
            serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo))
        rng, pseudonymiser = random.Random(code), Pseudonymiser()
        for step, quarter in enumerate(QUARTERS):
            document = _document(code, quarter, _counts(rng, data["size"], step), pseudonymiser, rng)
            lines.append(services.handover_import(data=signing.sign(document, key)).message)
    user = _team_member()
    lines.append(f"Demo-login landelijk programmateam: {user.username}, wachtwoord {DEMO_PASSWORD}.")
    return lines
