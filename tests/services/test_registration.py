"""Registration, members, triage, closure and registering again (domain §4 steps 1, 2 and 8)."""
import datetime as dt

import pytest
from django.utils import timezone

from tandem.cases.models import Household, LeadPeriod, Member, TeamMembership, Trajectory, TriageDecision
from tandem.cases.services import (
    MemberData,
    household_register,
    involvement_start,
    member_add,
    report_record,
    trajectory_close,
    trajectory_register,
    triage_record,
)
from tandem.core.exceptions import NotPermitted, RuleViolation, StaleEdit
from tandem.organisations.models import User

from .helpers import assert_audited, refused, version

D = dt.date
FATIMA = MemberData(given_names="Fatima", prefix="el", family_name="Amrani", birth_date=D(1988, 11, 30))


def register(actor, site, members=None, **kwargs):
    kwargs.setdefault("registered_on", D(2025, 3, 3))
    kwargs.setdefault("measure_considered", False)
    return household_register(actor=actor, site=site, members=members or [FATIMA], **kwargs)


# --- household_register ----------------------------------------------------------------------------------

def test_household_register_works(actors, site):
    consulent = actors["consulent"]
    trajectory = register(consulent, site, [FATIMA, MemberData(given_names="Daan", family_name="Vries",
                                                               minor=True)],
                          measure_considered=True, reason="Zorgen")
    household = trajectory.household
    assert household.site == site
    assert household.members.count() == 2
    assert trajectory.registered_on == D(2025, 3, 3) and trajectory.measure_considered and trajectory.is_open
    assert trajectory.version == 1
    lead = LeadPeriod.objects.get(trajectory=trajectory)
    assert (lead.professional, lead.start, lead.end) == (consulent, D(2025, 3, 3), None)
    member = TeamMembership.objects.get(trajectory=trajectory)
    assert (member.professional, member.organisation, member.joined_on) == (consulent, consulent.organisation,
                                                                             D(2025, 3, 3))
    event = assert_audited("household_register", trajectory, consulent, household.id)
    assert event.detail == {"members": 2}


def test_household_register_with_another_lead(actors, site, orgs):
    colleague = User.objects.create_user(username="ina", first_name="Ina", last_name="Vos",
                                         organisation=orgs["local"], role="gedragswetenschapper")
    trajectory = register(actors["consulent"], site, lead=colleague)
    assert trajectory.lead_periods.get().professional == colleague
    assert list(trajectory.team.values_list("professional", flat=True)) == [colleague.pk]


def test_household_register_by_the_system_has_no_lead(site):
    trajectory = register(None, site)
    assert not trajectory.lead_periods.exists()
    assert_audited("household_register", trajectory, None).actor_name == "systeem"


def test_network_person_needs_no_age(actors, site):
    neighbour = MemberData(given_names="Joop", family_name="Buur", is_network=True, relation="buurman")
    trajectory = register(actors["consulent"], site, [FATIMA, neighbour])
    assert trajectory.household.members.filter(is_network=True).count() == 1


@pytest.mark.parametrize("members, code", [
    ([], "no_members"),
    ([MemberData(given_names="Joop", family_name="Buur", is_network=True)], "no_members"),
    ([FATIMA, MemberData(given_names="Daan", family_name="Vries", minor=True, bsn="123456789")], "bsn_elfproef"),
    ([FATIMA, MemberData(given_names="Daan", family_name="Vries", minor=True, bsn="12345678")], "bsn_format"),
    ([FATIMA, MemberData(given_names="Daan", family_name="Vries")], "age_unknown"),
    ([FATIMA, MemberData(given_names=" ", family_name="Vries", minor=True)], "name_missing"),
    ([FATIMA, MemberData(given_names="Daan", family_name="Vries", birth_date=D(2099, 1, 1))], "date_in_future"),
])
def test_household_register_refuses_bad_members(actors, site, members, code):
    with refused(RuleViolation, code):
        household_register(actor=actors["consulent"], site=site, members=members, registered_on=D(2025, 3, 3),
                           measure_considered=False)
    assert not Household.objects.exists()


def test_household_register_refuses_a_future_date(actors, site):
    tomorrow = timezone.localdate() + dt.timedelta(days=1)
    with refused(RuleViolation, "date_in_future"):
        register(actors["consulent"], site, registered_on=tomorrow)


def test_household_register_today_is_allowed(actors, site):
    assert register(actors["consulent"], site, registered_on=timezone.localdate()).is_open


@pytest.mark.parametrize("who", ["partner", "outsider", "other_site", "coordinator", "expert"])
def test_household_register_only_by_the_local_team_of_the_site(actors, site, who):
    with refused(NotPermitted):
        register(actors[who], site)


@pytest.mark.parametrize("role", ["beheerder", "coordinator", "beschermpartner", "ervaringsdeskundige"])
def test_household_register_needs_a_local_team_role(orgs, site, role):
    user = User.objects.create_user(username="x", organisation=orgs["local"], role=role)
    with refused(NotPermitted):
        register(user, site)


# --- member_add ------------------------------------------------------------------------------------------

def test_member_add_works(actors, family):
    consulent = actors["consulent"]
    member = member_add(actor=consulent, household=family.household, expected_version=1,
                        data=MemberData(given_names="Noor", family_name="Vries", birth_date=D(2019, 8, 8)))
    assert member.household == family.household
    assert version(family) == 2
    assert_audited("member_add", member, consulent, family.household_id)


def test_member_add_refuses_a_bad_bsn(actors, family):
    with refused(RuleViolation, "bsn_elfproef"):
        member_add(actor=actors["consulent"], household=family.household,
                   data=MemberData(given_names="Noor", family_name="Vries", minor=True, bsn="111222334"))


def test_member_add_refuses_a_stale_edit(actors, family):
    with refused(StaleEdit, "stale_edit"):
        member_add(actor=actors["consulent"], household=family.household, expected_version=0,
                   data=MemberData(given_names="Noor", family_name="Vries", minor=True))


@pytest.mark.parametrize("who", ["partner", "other_site", "coordinator"])
def test_member_add_not_permitted(actors, family, who):
    with refused(NotPermitted):
        member_add(actor=actors[who], household=family.household,
                   data=MemberData(given_names="Noor", family_name="Vries", minor=True))


# --- triage_record ---------------------------------------------------------------------------------------

def triage(actor, trajectory, **kwargs):
    kwargs.setdefault("decided_on", D(2025, 1, 16))
    kwargs.setdefault("participants", "Anna de Wit, Bram Visser")
    return triage_record(actor=actor, trajectory=trajectory, kind="access", outcome="admitted", **kwargs)


def test_triage_record_works(actors, family):
    decision = triage(actors["consulent"], family, expected_version=1)
    assert (decision.decided_on, decision.recorded_by, decision.outcome) == (D(2025, 1, 16), actors["consulent"],
                                                                             "admitted")
    assert version(family) == 2
    event = assert_audited("triage_record", decision, actors["consulent"], family.household_id)
    assert event.detail == {"kind": "access", "outcome": "admitted"}


@pytest.mark.parametrize("kwargs, code", [
    ({"participants": "  "}, "participants_missing"),
    ({"decided_on": D(2025, 1, 13)}, "before_reference"),
    ({"decided_on": D(2099, 1, 1)}, "date_in_future"),
    ({"expected_version": 2}, "stale_edit"),
])
def test_triage_record_refused(actors, family, kwargs, code):
    with refused(RuleViolation, code):
        triage(actors["consulent"], family, **kwargs)


def test_triage_on_the_registration_day_is_allowed(actors, family):
    assert triage(actors["consulent"], family, decided_on=D(2025, 1, 14)).pk


@pytest.mark.parametrize("who", ["partner", "outsider", "other_site", "coordinator", "expert"])
def test_triage_record_not_permitted(actors, family, who):
    with refused(NotPermitted):
        triage(actors[who], family)


# --- trajectory_close ------------------------------------------------------------------------------------

def close(actor, trajectory, closed_on=D(2025, 6, 30), **kwargs):
    kwargs.setdefault("exit_participants", "Anna, Bram en Fatima")
    return trajectory_close(actor=actor, trajectory=trajectory, closed_on=closed_on, end_evaluation="Veilig.",
                            **kwargs)


def test_closing_ends_lead_team_and_involvements(actors, family, on_team, orgs):
    involvement = involvement_start(actor=actors["consulent"], trajectory=family, organisation=orgs["vt"],
                                    form="consult", start=D(2025, 2, 1))
    ended = involvement_start(actor=actors["consulent"], trajectory=family, organisation=orgs["vt"],
                              form="consult", start=D(2025, 1, 20), end=D(2025, 1, 25))
    current = version(family)
    closed = close(actors["consulent"], family, expected_version=current)
    assert Trajectory.objects.get(pk=family.pk).closed_on == D(2025, 6, 30)
    assert closed.end_evaluation == "Veilig." and version(family) == current + 1
    assert list(family.lead_periods.values_list("end", flat=True)) == [D(2025, 6, 30)]
    assert set(family.team.values_list("left_on", flat=True)) == {D(2025, 6, 30)}
    involvement.refresh_from_db()
    ended.refresh_from_db()
    assert involvement.end == D(2025, 6, 30)
    assert ended.end == D(2025, 1, 25)
    assert_audited("trajectory_close", family, actors["consulent"], family.household_id)


def test_closing_on_the_registration_day_is_allowed(actors, family):
    assert close(actors["consulent"], family, D(2025, 1, 14)).closed_on == D(2025, 1, 14)


@pytest.mark.parametrize("closed_on, code", [
    (D(2025, 1, 13), "closed_before_registered"),
    (D(2099, 1, 1), "date_in_future"),
    (D(2025, 1, 19), "before_reference"),   # Bram joined the team on 20 January
])
def test_closing_refused(actors, family, on_team, closed_on, code):
    with refused(RuleViolation, code):
        close(actors["consulent"], family, closed_on)


def test_closing_before_a_recorded_report_is_refused(actors, family, orgs):
    report_record(actor=actors["consulent"], trajectory=family, on=D(2025, 3, 1), organisation=orgs["vt"])
    with refused(RuleViolation, "before_reference"):
        close(actors["consulent"], family, D(2025, 2, 28))
    assert close(actors["consulent"], family, D(2025, 3, 1)).closed_on == D(2025, 3, 1)


def test_closing_twice_is_refused(actors, family):
    close(actors["consulent"], family)
    with refused(RuleViolation, "trajectory_closed"):
        close(actors["consulent"], family, D(2025, 7, 1))


def test_closed_trajectory_refuses_new_steps(actors, family):
    close(actors["consulent"], family)
    with refused(RuleViolation, "trajectory_closed"):
        triage(actors["consulent"], family, decided_on=D(2025, 6, 1))


def test_closing_refuses_a_stale_edit_and_overwrites_nothing(actors, family):
    seen = version(family)
    triage(actors["consulent"], family, expected_version=seen)      # someone else saves first
    with refused(StaleEdit, "stale_edit"):
        close(actors["consulent"], family, expected_version=seen)
    assert Trajectory.objects.get(pk=family.pk).closed_on is None


@pytest.mark.parametrize("who", ["partner", "other_site", "coordinator", "expert"])
def test_closing_not_permitted(actors, family, who):
    with refused(NotPermitted):
        close(actors[who], family)


# --- trajectory_register (registering again) -------------------------------------------------------------

def test_register_again_refused_while_open(actors, family):
    with refused(RuleViolation, "already_open"):
        trajectory_register(actor=actors["consulent"], household=family.household, registered_on=D(2025, 7, 1),
                            measure_considered=False)


def test_register_again_allowed_after_closure(actors, family):
    close(actors["consulent"], family)
    again = trajectory_register(actor=actors["consulent"], household=family.household,
                                registered_on=D(2025, 6, 30), measure_considered=True, reason="Nieuwe zorgen")
    assert again.pk != family.pk and again.is_open and again.household == family.household
    assert family.household.trajectories.count() == 2
    assert again.lead_periods.get().professional == actors["consulent"]
    assert again.team.get().joined_on == D(2025, 6, 30)
    assert Member.objects.filter(household=family.household).count() == 2
    assert_audited("trajectory_register", again, actors["consulent"], family.household_id)


def test_register_again_before_the_previous_closure_is_refused(actors, family):
    close(actors["consulent"], family)
    with refused(RuleViolation, "before_reference"):
        trajectory_register(actor=actors["consulent"], household=family.household, registered_on=D(2025, 6, 29),
                            measure_considered=False)


def test_register_again_in_the_future_is_refused(actors, family):
    close(actors["consulent"], family)
    with refused(RuleViolation, "date_in_future"):
        trajectory_register(actor=actors["consulent"], household=family.household, registered_on=D(2099, 1, 1),
                            measure_considered=False)


@pytest.mark.parametrize("who", ["partner", "other_site", "coordinator"])
def test_register_again_only_by_the_local_team(actors, family, who):
    close(actors["consulent"], family)
    before = Trajectory.objects.count()
    with refused(NotPermitted):
        trajectory_register(actor=actors[who], household=family.household, registered_on=D(2025, 7, 1),
                            measure_considered=False)
    assert Trajectory.objects.count() == before
