"""The monitor's ledger against the direct computation: random dossiers built and changed through the services
(refused changes included), then every quarter, site, region, trend and national figure compared both ways, also
after a quarter was approved and changed afterwards, after compaction and after a rebuild."""
import datetime as dt
import random

import pytest
from django.db import transaction

from tandem.cases import services
from tandem.cases.models import Household, Involvement, Reopening, Trajectory
from tandem.core import changes
from tandem.core.exceptions import DomainError
from tandem.monitor import contributions, ledger, ledger_counts, rules
from tandem.monitor import services as monitor_services
from tandem.monitor.models import HouseholdLedger, LedgerEntry, QuarterClosure
from tandem.monitor.queries import compute_monitor, compute_monitor_many, compute_regions, programme_starts
from tandem.monitor.trends import trend_reports
from tandem.organisations.models import Site
from tandem.security.services import erase_household

pytestmark = pytest.mark.django_db
D = dt.date
FIRST, LAST = D(2024, 3, 1), D(2026, 11, 30)
QUARTERS = rules.quarters_from(rules.Quarter(2024, 1), rules.Quarter(2027, 2))


def day(rng, after=FIRST, before=LAST):
    return after + dt.timedelta(days=rng.randrange(max(1, (before - after).days + 1)))


def member(rng):
    born = day(rng, D(1960, 1, 1), LAST) if rng.random() < 0.9 else None
    return services.MemberData(given_names="Lid", family_name="Willekeurig", birth_date=born,
                               minor=None if born else rng.choice([True, False]), is_network=rng.random() < 0.1)


class Scenario:
    """Random changes through the services, as the system (actor None) does on an import."""

    def __init__(self, rng, sites, orgs):
        self.rng, self.sites, self.orgs = rng, sites, orgs
        self.made = []  # the trajectories' ids in the order they were made: the scenario's choices follow its seed

    def trajectory(self):
        return Trajectory.objects.filter(pk=self.rng.choice(self.made)).first() if self.made else None

    def made_in_order(self, **conditions) -> list:
        found = {t.pk: t for t in Trajectory.objects.filter(pk__in=self.made, **conditions)}
        return [found[pk] for pk in self.made if pk in found]

    def attempt(self, change) -> None:
        try:
            with transaction.atomic():
                change()
        except DomainError:
            pass  # refused by a guardrail: rolled back, the ledger with it

    def register(self):
        members = [member(self.rng) for _ in range(self.rng.randrange(1, 4))]
        members[0].is_network = False
        self.made.append(services.household_register(
            actor=None, site=self.rng.choice(self.sites), members=members, registered_on=day(self.rng),
            measure_considered=self.rng.random() < 0.4).pk)

    def step(self):
        rng, trajectory = self.rng, self.trajectory()
        if trajectory is None or rng.random() < 0.1:
            return self.register()
        start = day(rng, trajectory.registered_on, trajectory.closed_on or LAST)
        choice = rng.choices(range(12), weights=[4, 4, 4, 24, 30, 6, 8, 4, 6, 6, 3, 3])[0]
        if choice >= 10:
            return self.later_steps(trajectory, choice)
        if choice == 0:
            services.member_add(actor=None, household=trajectory.household, data=member(rng))
        elif choice == 1:
            services.consent_record(actor=None, trajectory=trajectory, organisation=self.orgs["vt"], given_by=None,
                                    purpose="hulp", given_on=start)
        elif choice == 2:
            services.report_record(actor=None, trajectory=trajectory, on=start, organisation=self.orgs["vt"])
        elif choice == 3:
            self.episode(trajectory, start)
        elif choice == 4:
            self.hours(trajectory)
        elif choice == 5:
            services.measure_record(actor=None, trajectory=trajectory, type=rng.choice(rules.MEASURE_TYPES),
                                    on=start if rng.random() < 0.8 else day(rng), initiated_from_site=rng.random() < 0.7)
        elif choice == 6:
            services.trajectory_close(actor=None, trajectory=trajectory, closed_on=day(rng, start), end_evaluation="klaar")
        elif choice == 7:
            self.made.append(services.trajectory_register(actor=None, household=trajectory.household,
                                                          registered_on=start,
                                                          measure_considered=rng.random() < 0.5).pk)
        elif choice == 8:
            episode = Involvement.objects.filter(trajectory=trajectory, end__isnull=True).first()
            if episode is not None:
                services.involvement_end(actor=None, involvement=episode, end=day(rng, episode.start))
        else:
            self.made.append(services.household_register(actor=None, site=trajectory.household.site,
                                                         members=[member(rng)], registered_on=start,
                                                         measure_considered=False).pk)

    def later_steps(self, trajectory, choice):
        """Issue "Tandem 5": a closure undone, and a withdrawn consent's green episode ended by a decision."""
        if choice == 10:
            services.trajectory_reopen(actor=None, trajectory=trajectory, reason="per ongeluk afgesloten")
            return
        for consent in trajectory.consents.filter(withdrawn_on__isnull=True):  # the last one flags the green episodes
            services.consent_withdraw(actor=None, consent=consent, withdrawn_on=day(self.rng, consent.given_on))
        flagged = Involvement.objects.filter(trajectory=trajectory, consent_withdrawn_on__isnull=False,
                                             decided_on__isnull=True).first()
        if flagged is not None:
            services.involvement_decide(actor=None, involvement=flagged, end=day(self.rng, flagged.start))

    def episode(self, trajectory, start):
        """An episode, after what its form needs: consent (green), a report (orange) or a measure (red)."""
        rng, form, vt = self.rng, self.rng.choice(rules.FORMS), self.orgs["vt"]
        if form == "green":
            services.consent_record(actor=None, trajectory=trajectory, organisation=vt, given_by=None, purpose="hulp",
                                    given_on=start)
        elif form == "orange":
            services.report_record(actor=None, trajectory=trajectory, on=start, organisation=vt)
        elif form == "red":
            services.measure_record(actor=None, trajectory=trajectory, type="ots", on=start)
        end = None if rng.random() < 0.4 else min(LAST, start + dt.timedelta(days=rng.randrange(120)))
        services.involvement_start(actor=None, trajectory=trajectory, organisation=vt, form=form, start=start, end=end)

    def hours(self, trajectory):
        episodes = list(Involvement.objects.filter(trajectory=trajectory).order_by("pk"))
        if episodes:
            episode = self.rng.choice(episodes)
            first = max(trajectory.registered_on, episode.start - dt.timedelta(days=5))
            on = day(self.rng, first, min(trajectory.closed_on or LAST, episode.start + dt.timedelta(days=100)))
            services.time_register(actor=None, involvement=episode, on=on,
                                   hours=self.rng.choice(["0.25", "0.5", "1", "2.75", "6", "12"]))

    def run(self, steps: int) -> None:
        for _ in range(steps):
            self.attempt(self.step)


def assert_ledger_equals_direct(region, sites, quarters=QUARTERS):
    starts = programme_starts(Site.objects.filter(region=region))
    assert ledger.is_ready() and ledger_counts.usable(starts)
    for quarter in quarters:
        for scope in [{"region": region}] + [{"site": site} for site in sites]:
            fast = compute_monitor(**scope, quarter=quarter.label)
            assert fast == compute_monitor(**scope, quarter=quarter.label, direct=True), (scope, quarter)
    label = quarters[len(quarters) // 2].label
    assert compute_regions(regions=[region], quarter=label) == compute_regions(regions=[region], quarter=label,
                                                                               direct=True)
    assert compute_monitor_many(sites=sites, quarter=label) == compute_monitor_many(sites=sites, quarter=label,
                                                                                    direct=True)
    for scope in [{"region": region}] + [{"site": site} for site in sites]:
        assert trend_reports(**scope, quarters=quarters) == trend_reports(**scope, quarters=quarters, direct=True)


@pytest.mark.parametrize("seed", [1, 2])
def test_random_changes_through_the_services_keep_the_ledger_equal_to_the_direct_computation(
        seed, region, site, other_site, orgs, actors):
    rng = random.Random(seed)
    region.reopen_days = 5000  # closures of any date in the scenario may be undone
    region.save()
    scenario = Scenario(rng, [site, other_site], orgs)
    scenario.run(260)
    assert Household.objects.count() > 20 and LedgerEntry.objects.exists()
    green = Involvement.objects.filter(form="green", end__isnull=True, trajectory__closed_on__isnull=True,
                                       trajectory_id__in=scenario.made).order_by("pk").first()
    assert green is not None, "the scenario should leave a running green episode"
    scenario.attempt(lambda: scenario.later_steps(green.trajectory, 11))  # withdrawn, flagged, decided
    for closed in scenario.made_in_order(closed_on__isnull=False):  # the first closure that may be undone
        scenario.attempt(lambda: scenario.later_steps(closed, 10))
        if Reopening.objects.exists():
            break
    assert Reopening.objects.exists() and Involvement.objects.filter(decided_on__isnull=False).exists()
    assert_ledger_equals_direct(region, [site, other_site])

    # A quarter approved, then changed afterwards: its snapshot stays, the live figures follow the changes.
    quarter = "2025-Q2"
    monitor_services.quarter_submit(actor=actors["consulent"], site=site, quarter=quarter)
    monitor_services.quarter_approve(actor=actors["coordinator"], site=site, quarter=quarter)
    locked = QuarterClosure.objects.get(site=site, quarter=quarter).snapshot
    for _ in range(12):
        scenario.attempt(lambda: services.household_register(
            actor=None, site=site, members=[member(rng)], registered_on=D(2025, 5, rng.randrange(1, 29)),
            measure_considered=True))
    scenario.run(80)
    assert QuarterClosure.objects.get(site=site, quarter=quarter).snapshot == locked
    live = compute_monitor(site=site, quarter=quarter)
    assert live["A"] > locked["A"]
    assert_ledger_equals_direct(region, [site, other_site])

    # Compacting and rebuilding change nothing.
    before = {q.label: compute_monitor(region=region, quarter=q.label) for q in QUARTERS}
    assert ledger.compact() < LedgerEntry.objects.count() + 1
    assert not LedgerEntry.objects.filter(compacted=False).exists()
    assert {q.label: compute_monitor(region=region, quarter=q.label) for q in QUARTERS} == before
    ledger.rebuild()
    assert {q.label: compute_monitor(region=region, quarter=q.label) for q in QUARTERS} == before
    scenario.run(40)
    assert_ledger_equals_direct(region, [site, other_site])


def test_removing_a_household_takes_it_out_of_the_ledger(region, site, other_site, orgs):
    Scenario(random.Random(5), [site], orgs).run(60)
    household = Household.objects.filter(trajectories__isnull=False).first()
    with transaction.atomic():
        erase_household(household.pk)
    assert not HouseholdLedger.objects.filter(pk=household.pk).exists()
    assert_ledger_equals_direct(region, [site], QUARTERS[::2])


def test_a_change_that_did_not_announce_itself_turns_the_ledger_off_until_a_rebuild(region, site, orgs, family):
    assert ledger.is_ready()
    other = services.household_register(actor=None, site=site, members=[member(random.Random(3))],
                                        registered_on=D(2025, 2, 3), measure_considered=False)
    HouseholdLedger.objects.filter(pk=other.household_id).delete()  # as if `household_changing` never ran
    Trajectory.objects.filter(pk=other.pk).update(measure_considered=True)
    changes.changed(other.household_id)
    assert not ledger.is_ready()
    report = compute_monitor(site=site, quarter="2025-Q1")  # computed directly meanwhile: still right
    assert report == compute_monitor(site=site, quarter="2025-Q1", direct=True) and report["E"] == 2
    ledger.rebuild()
    assert ledger.is_ready() and compute_monitor(site=site, quarter="2025-Q1")["E"] == 2


def test_a_changed_programme_start_falls_back_to_the_direct_computation(region, site, family):
    starts = programme_starts(Site.objects.filter(region=region))
    assert ledger_counts.usable(starts)
    region.programme_start = D(2025, 2, 1)
    region.save()
    assert not ledger_counts.usable(programme_starts(Site.objects.filter(region=region)))
    ledger.rebuild()
    assert ledger_counts.usable(programme_starts(Site.objects.filter(region=region)))


def test_a_household_open_for_years_is_one_row_per_change_not_per_quarter(region, site, family):
    household = family.household_id
    stored = ledger.HouseholdLedger.objects.get(pk=household).contributions
    assert [entry[1] for entry in stored if entry[1] == "active"] == ["active"]  # +1 once: still open
    report = compute_monitor(site=site, quarter="2031-Q3")
    assert report["active"] == 1 and report["A"] == 0


def test_contributions_of_a_closed_and_reopened_household():
    facts = contributions.Facts(programme_start=D(2024, 6, 1),
                                trajectories=[(D(2024, 7, 1), D(2024, 12, 1), False), (D(2025, 1, 5), None, True)],
                                members=[(D(1980, 1, 1), None, False)],
                                episodes=[(1, "green", D(2024, 7, 2), D(2024, 8, 1)), (2, "green", D(2025, 2, 1), None)],
                                time_entries=[(1, D(2024, 7, 3), 2), (2, D(2025, 2, 3), 1)],
                                measures=[("ots", D(2025, 2, 2), True), ("ots", D(2025, 3, 2), True),
                                          ("muhp", D(2025, 3, 2), False)])
    found = contributions.household_contributions(facts)
    q = contributions.quarter_number
    assert found[(q(rules.Quarter(2024, 3)), "active")] == (1, 0)  # two trajectories, one run of quarters
    assert (q(rules.Quarter(2025, 1)), "active") not in found
    assert found[(q(rules.Quarter(2024, 4)), "D:green")] == (-1, 0)
    assert found[(q(rules.Quarter(2025, 1)), "D:green")] == (1, 0)
    assert found[(q(rules.Quarter(2025, 1)), "F:ots")] == (1, 0)  # two OTS, one household
    assert found[(q(rules.Quarter(2024, 4)), "B")] == (1, 0) and found[(q(rules.Quarter(2025, 1)), "E")] == (1, 0)
    assert found[(q(rules.Quarter(2024, 3)), "H:green:licht")] == (1, rules.hours_weight(2, 31))


def test_the_ledger_command_rebuilds_compacts_and_checks(region, site, family):
    import io
    import json

    from django.core.management import call_command

    out = io.StringIO()
    call_command("monitor-ledger", "--rebuild", "--compact", "--check", "2025-Q1", stdout=out, stderr=io.StringIO())
    state = json.loads(out.getvalue())
    assert state["ready"] and state["entries"] > 0 and state["uncompacted"] == 0
    ledger.invalidate("test")
    with pytest.raises(Exception, match="niet compleet"):
        call_command("monitor-ledger", "--check", "2025-Q1", stdout=io.StringIO(), stderr=io.StringIO())
