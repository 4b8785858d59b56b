"""Building monitor data straight in the database: the monitor only reads, so its tests need rows, not the
dossier services and their guardrails (those have their own tests). Rows written past the services are not in
the monitor's ledger, so the builder turns it off: these tests check the direct computation (the reference);
tests/monitor/test_ledger.py builds through the services and compares both."""
import datetime as dt
from decimal import Decimal

import pytest

from tandem.cases.models import Household, Involvement, Measure, Member, TimeEntry, Trajectory
from tandem.monitor import ledger
from tandem.organisations.models import Organisation


class Builder:
    def __init__(self, organisation: Organisation):
        self.organisation = organisation

    def household(self, site, *, members=((dt.date(1985, 1, 1), None, False),)) -> Household:
        """`members` are (birth_date, minor, is_network)."""
        ledger.invalidate("rijen van een test")
        household = Household.objects.create(site=site)
        for i, (birth_date, minor, is_network) in enumerate(members):
            Member.objects.create(household=household, given_names=f"Lid {i}", family_name="Test",
                                  birth_date=birth_date, minor=minor, is_network=is_network)
        return household

    def trajectory(self, household, registered_on, closed_on=None, *, measure_considered=False) -> Trajectory:
        ledger.invalidate("rijen van een test")
        return Trajectory.objects.create(household=household, registered_on=registered_on, closed_on=closed_on,
                                         measure_considered=measure_considered)

    def episode(self, trajectory, form, start, end=None, *, hours=()) -> Involvement:
        """`hours` are (date, hours) time entries on the episode."""
        ledger.invalidate("rijen van een test")
        episode = Involvement.objects.create(trajectory=trajectory, organisation=self.organisation, form=form,
                                             start=start, end=end)
        for on, amount in hours:
            TimeEntry.objects.create(involvement=episode, on=on, hours=Decimal(str(amount)))
        return episode

    def measure(self, trajectory, type, on, *, initiated_from_site=True) -> Measure:
        ledger.invalidate("rijen van een test")
        return Measure.objects.create(trajectory=trajectory, type=type, on=on,
                                      initiated_from_site=initiated_from_site)


@pytest.fixture
def build(region, site):
    organisation = Organisation.objects.create(code="VT-GV", name="Veilig Thuis", kind="veilig_thuis", region=region)
    return Builder(organisation)


@pytest.fixture(autouse=True)
def fast_passwords(settings):
    """The shared actors are created with Argon2 (seconds per test); the monitor's tests do not log in."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
