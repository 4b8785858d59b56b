"""Users and families for the load test (`scripts/loadtest`, docs/performance.md), on top of the demo region.

Like the demo, these accounts have the public demo password and TOTP secret, so they are made only in a database
that holds the demo and nothing else real (`demo.loader.DemoRefused`'s rule). Families are registered through the
services, as a consultant would. Usernames start with `load-`. Running it again adds nothing that is there.
"""
import datetime as dt
import random

from django.contrib.auth.hashers import make_password
from django.db import transaction
from django.utils import timezone

from tandem.accounts.models import AuthenticatorDevice
from tandem.cases import services
from tandem.cases.models import Household, Involvement, Trajectory
from tandem.demo.loader import DEMO_PREFIX, DemoRefused
from tandem.demo.people import DEMO_PASSWORD, DEMO_TOTP_SECRET
from tandem.organisations.models import Organisation, Role, User

PREFIX = "load-"
LOCAL_TEAMS, PARTNER_ORG, REGION_ORG = ("GEM-HLV", "GEM-GMR", "GEM-HZN"), "VT-GV", "REG-GV"


def _check_demo_only() -> None:
    if not Household.objects.filter(ref__startswith=DEMO_PREFIX).exists():
        raise DemoRefused("Laad eerst de demo (tandem demo): de gebruikers van de belastingtest horen alleen in een "
                          "demodatabase, want ze hebben het openbare demowachtwoord.")


def _user(username: str, organisation: Organisation, role: str, password: str) -> User:
    user, made = User.objects.get_or_create(username=username, defaults={
        "first_name": "Belasting", "last_name": username, "organisation": organisation, "role": role,
        "password": password})
    if made:
        AuthenticatorDevice.objects.create(user=user, key=AuthenticatorDevice.key_from_base32(DEMO_TOTP_SECRET),
                                           confirmed=True, name="Belastingtest")
    return user


def _family(rng, consultant: User, partner: User, today: dt.date) -> dict:
    registered_on = today - dt.timedelta(days=rng.randrange(10, 300))
    member = services.MemberData(given_names="Test", family_name=f"Belasting {rng.randrange(10**6)}",
                                 birth_date=dt.date(rng.randrange(1975, 2000), rng.randrange(1, 13), 1))
    child = services.MemberData(given_names="Kind", family_name=member.family_name,
                                birth_date=dt.date(rng.randrange(2010, 2022), rng.randrange(1, 13), 1))
    trajectory = services.household_register(actor=consultant, site=consultant.organisation.site,
                                             members=[member, child], registered_on=registered_on,
                                             measure_considered=False, reason="Belastingtest")
    services.team_member_add(actor=consultant, trajectory=trajectory, professional=partner, joined_on=registered_on)
    episode = services.involvement_start(actor=consultant, trajectory=trajectory, organisation=partner.organisation,
                                         form="consult", start=registered_on)
    return {"household": str(trajectory.household_id), "trajectory": str(trajectory.pk), "involvement": episode.pk}


def _existing(consultant: User) -> list[tuple[dict, str]]:
    """(family, partner's username) of a consultant made by an earlier run."""
    found = []
    for trajectory in Trajectory.objects.filter(lead_periods__professional=consultant).order_by("registered_on"):
        episode = Involvement.objects.filter(trajectory=trajectory).order_by("pk").first()
        partner = trajectory.team.filter(professional__username__startswith=f"{PREFIX}partner-").first()
        if episode and partner:
            found.append(({"household": str(trajectory.household_id), "trajectory": str(trajectory.pk),
                           "involvement": episode.pk}, partner.professional.username))
    return found


@transaction.atomic
def make_load_users(*, consultants: int, partners: int, coordinators: int, families: int, seed: int = 16) -> dict:
    """The load test's users with their families, as a manifest of ids for the load test (no personal data)."""
    _check_demo_only()
    rng, password, today = random.Random(seed), make_password(DEMO_PASSWORD), timezone.localdate()
    orgs = {org.code: org for org in Organisation.objects.filter(code__in=(*LOCAL_TEAMS, PARTNER_ORG, REGION_ORG))}
    partner_users = [_user(f"{PREFIX}partner-{i:03d}", orgs[PARTNER_ORG], Role.BESCHERMPARTNER, password)
                     for i in range(1, partners + 1)]
    manifest = {"consultants": {}, "partners": {p.username: [] for p in partner_users}, "coordinators": [],
                "region": orgs[REGION_ORG].region.code,
                "sites": [orgs[code].site.code for code in LOCAL_TEAMS]}
    for i in range(1, consultants + 1):
        consultant = _user(f"{PREFIX}consultant-{i:03d}", orgs[LOCAL_TEAMS[i % len(LOCAL_TEAMS)]], Role.CONSULENT,
                           password)
        mine = _existing(consultant)
        for j in range(len(mine), families):
            partner = partner_users[(i * families + j) % len(partner_users)]
            mine.append((_family(rng, consultant, partner, today), partner.username))
        manifest["consultants"][consultant.username] = [family for family, _ in mine]
        for family, partner in mine:
            manifest["partners"].setdefault(partner, []).append(family)
    manifest["coordinators"] = [_user(f"{PREFIX}coordinator-{i:03d}", orgs[REGION_ORG], Role.COORDINATOR,
                                      password).username for i in range(1, coordinators + 1)]
    return manifest
