"""Shared actors (healthchecks' alice/bob/charlie pattern) for the whole suite.

- consulent: Anna, consultant of local team Hilversum (owner of the family)
- partner: Bram, Veilig Thuis worker, pulled onto the family's team by the tests that need it
- partner2: Carla, another Veilig Thuis worker (not on the team): handles coercive measures
- outsider: Dirk, worker of a GI, never on the team
- other_site: Eva, consultant of local team Huizen
- coordinator: Fleur, regional coordinator
- expert: Gijs, expert by experience (Samenkracht!)
"""
import datetime as dt
from pathlib import Path

import pytest

from tandem.accounts.testing import TwoFactorClient
from tandem.organisations.models import Organisation, Region, Site, User

PASSWORD = "Tandem-test-2024!"


@pytest.fixture
def password():
    """The password of every test actor (for tests that log in through the login page)."""
    return PASSWORD


@pytest.fixture(scope="session")
def django_db_modify_db_settings(django_db_modify_db_settings_parallel_suffix):
    """On SQLite the test database is a file, not shared-cache memory: then the live server and threads get
    their own connections and SQLite's real locking, as in production (tests/accounts/test_lockout_parallel.py
    fires simultaneous sign-ins at it)."""
    from django.conf import settings

    database = settings.DATABASES["default"]
    if database["ENGINE"].endswith("sqlite3") and not database.get("TEST", {}).get("NAME"):
        name = Path(database["NAME"])
        database.setdefault("TEST", {})["NAME"] = str(name.with_name(f"test-{name.name}"))


@pytest.fixture
def client():
    """pytest-django's `client`, but `force_login` (and `login`) yield a fully signed-in (2FA-verified)
    professional, so view tests need not type codes. The two factors themselves (password, TOTP code,
    lock-out, the middleware that stops unverified sessions) are tested through the real pages in
    tests/accounts."""
    return TwoFactorClient()


@pytest.fixture(autouse=True, scope="session")
def _flush_through_the_owners_path():
    """Transactional tests end with Django emptying every table; the access log's triggers refuse that, as they
    should. The suite empties them as the tables' owner would: through `triggers_suspended` (docs/security.md)."""
    from django.db.backends.base.operations import BaseDatabaseOperations

    from tandem.audit.database import triggers_suspended

    original = BaseDatabaseOperations.execute_sql_flush

    def execute_sql_flush(self, sql_list):
        with triggers_suspended(self.connection.alias):
            original(self, sql_list)

    BaseDatabaseOperations.execute_sql_flush = execute_sql_flush
    yield
    BaseDatabaseOperations.execute_sql_flush = original


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    """Argon2 is for production; the suite hashes many test passwords."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def region(db):
    return Region.objects.create(code="GV", name="Gooi en Vechtstreek", programme_start=dt.date(2024, 6, 1))


@pytest.fixture
def site(region):
    return Site.objects.create(region=region, code="HLV", name="Toekomsttuin Hilversum", municipality="Hilversum")


@pytest.fixture
def other_site(region):
    return Site.objects.create(region=region, code="HZN", name="Toekomsttuin Huizen", municipality="Huizen")


@pytest.fixture
def orgs(region, site, other_site):
    make = Organisation.objects.create
    return {
        "local": make(code="GEM-HLV", name="Gemeente Hilversum, lokaal team", kind="local_team", site=site),
        "local_hzn": make(code="GEM-HZN", name="Gemeente Huizen, lokaal team", kind="local_team", site=other_site),
        "vt": make(code="VT-GV", name="Veilig Thuis Gooi en Vechtstreek", kind="veilig_thuis", region=region),
        "rvdk": make(code="RVDK", name="Raad voor de Kinderbescherming", kind="rvdk"),
        "gi": make(code="DJGB", name="De Jeugd- en Gezinsbeschermers", kind="gi"),
        "ed": make(code="SK", name="Samenkracht!", kind="experience_experts", region=region),
        "coord": make(code="REG-GV", name="Regio Gooi en Vechtstreek", kind="other", region=region),
    }


def make_user(username, first, last, organisation, role):
    return User.objects.create_user(
        username=username, password=PASSWORD, first_name=first, last_name=last, organisation=organisation, role=role
    )


@pytest.fixture
def actors(orgs):
    return {
        "consulent": make_user("anna", "Anna", "de Wit", orgs["local"], "consulent"),
        "partner": make_user("bram", "Bram", "Visser", orgs["vt"], "beschermpartner"),
        "partner2": make_user("carla", "Carla", "Smit", orgs["vt"], "beschermpartner"),
        "outsider": make_user("dirk", "Dirk", "Jansen", orgs["gi"], "beschermpartner"),
        "other_site": make_user("eva", "Eva", "Bos", orgs["local_hzn"], "consulent"),
        "coordinator": make_user("fleur", "Fleur", "Peters", orgs["coord"], "coordinator"),
        "expert": make_user("gijs", "Gijs", "Mulder", orgs["ed"], "ervaringsdeskundige"),
        "rvdk": make_user("hanna", "Hanna", "Kok", orgs["rvdk"], "beschermpartner"),
    }


@pytest.fixture
def family(actors, site):
    """A household registered by the consultant: mother Fatima (adult) and son Daan (minor)."""
    from tandem.cases.services import MemberData, household_register

    return household_register(
        actor=actors["consulent"],
        site=site,
        members=[
            MemberData(given_names="Fatima", prefix="el", family_name="Amrani", birth_date=dt.date(1988, 11, 30)),
            MemberData(given_names="Daan", prefix="de", family_name="Vries", birth_date=dt.date(2016, 5, 2),
                       bsn="111222333"),
        ],
        registered_on=dt.date(2025, 1, 14),
        measure_considered=True,
        reason="Zorgen over veiligheid thuis na ruzies.",
    )


@pytest.fixture
def mother(family):
    return family.household.members.get(given_names="Fatima")


@pytest.fixture
def child(family):
    return family.household.members.get(given_names="Daan")


def make_plan_version(trajectory, author):
    """A first safety-plan version for `trajectory`, made through the service as `author` would."""
    from tandem.safetyplan import services as plans

    situation = plans.SituationData(
        rank=1, in_family_words="Als er ruzie is, is Daan bang.", conditions=["Daan is veilig als er ruzie is."],
        agreements=[plans.AgreementData(who="Fatima", what="Belt oma als het misgaat", due_on=dt.date(2025, 3, 1),
                                        if_not_kept="De consulent belt dezelfde dag")])
    scores = [plans.ScoreData(participant="Fatima", participant_kind="family", score=7),
              plans.ScoreData(participant="Anna de Wit", participant_kind="professional", score=3)]
    data = plans.PlanData(phase="direct_safety", dated_on=dt.date(2025, 2, 10), evaluation_on=dt.date(2025, 4, 1),
                          monitored_by="Oma Truus", situations=[situation], scores=scores)
    return plans.plan_version_create(actor=author, trajectory=trajectory, data=data)


@pytest.fixture
def plan_for(actors):
    """Makes a first safety-plan version for a trajectory (one situation, two scores that disagree)."""
    return lambda trajectory: make_plan_version(trajectory, actors["consulent"])


@pytest.fixture
def plan_version(plan_for, family):
    return plan_for(family)


@pytest.fixture
def rights_team(family, mother, child, orgs, actors, site):
    """A team with a person in every position of the rights matrix (tests/rights_world.py)."""
    from rights_world import build

    return build(family, mother, child, orgs, actors, site)


@pytest.fixture
def owner_sql(db):
    """Runs SQL as someone with the database owner's rights would: past the ORM and past the access log's
    triggers (tandem.audit.database.triggers_suspended). For tests that tamper with the log."""
    from django.db import connection

    from tandem.audit.database import triggers_suspended

    def run(sql: str, params=None) -> None:
        with triggers_suspended(), connection.cursor() as cursor:
            cursor.execute(sql, params)

    return run


@pytest.fixture
def oidc_provider():
    """A real OpenID Connect provider on 127.0.0.1 in this process (tests/oidc_provider.py)."""
    from oidc_provider import Provider

    from tandem.core import openid_connect

    openid_connect._discovered.clear()
    with Provider() as provider:
        yield provider
    openid_connect._discovered.clear()
