"""The tandem: the team around the family and who rides in front (domain §4 step 3; no hand-over)."""
import datetime as dt

import pytest

from tandem.cases.models import LeadPeriod, TeamMembership
from tandem.cases.services import lead_switch, measure_record, report_record, team_member_add, team_member_leave
from tandem.core.exceptions import NotPermitted, RuleViolation, StaleEdit
from tandem.organisations.models import User

from .helpers import assert_audited, refused, version

D = dt.date


def add(actor, trajectory, professional, joined_on=D(2025, 1, 20), **kwargs):
    return team_member_add(actor=actor, trajectory=trajectory, professional=professional, joined_on=joined_on,
                           **kwargs)


# --- team_member_add -------------------------------------------------------------------------------------

def test_team_member_add_works(actors, family, orgs):
    membership = add(actors["consulent"], family, actors["partner"], role_in_team="analyse", expected_version=1)
    assert (membership.organisation, membership.joined_on, membership.left_on) == (orgs["vt"], D(2025, 1, 20), None)
    assert membership.role_in_team == "analyse"
    assert version(family) == 2
    assert_audited("team_member_add", membership, actors["consulent"], family.household_id)


def test_nobody_leaves_because_someone_joins(actors, family, on_team):
    add(actors["consulent"], family, actors["outsider"], D(2025, 2, 1))
    assert set(family.team.filter(left_on__isnull=True).values_list("professional", flat=True)) == {
        actors["consulent"].pk, actors["partner"].pk, actors["outsider"].pk}


@pytest.mark.parametrize("joined_on, code", [
    (D(2025, 1, 13), "before_reference"),
    (D(2099, 1, 1), "date_in_future"),
])
def test_team_member_add_refuses_bad_dates(actors, family, joined_on, code):
    with refused(RuleViolation, code):
        add(actors["consulent"], family, actors["partner"], joined_on)


def test_team_member_add_refuses_someone_already_on_it(actors, family, on_team):
    with refused(RuleViolation, "already_on_team"):
        add(actors["consulent"], family, actors["partner"], D(2025, 2, 1))


def test_rejoining_after_leaving_is_allowed(actors, family, on_team):
    team_member_leave(actor=actors["consulent"], membership=on_team, left_on=D(2025, 2, 1))
    again = add(actors["consulent"], family, actors["partner"], D(2025, 3, 1))
    assert family.team.filter(professional=actors["partner"]).count() == 2 and again.left_on is None


@pytest.mark.parametrize("who", ["coordinator"])
def test_roles_without_dossier_access_cannot_join(actors, family, who):
    with refused(RuleViolation, "cannot_join"):
        add(actors["consulent"], family, actors[who])


def test_a_measure_handler_cannot_then_join_the_team(actors, family, child):
    measure_record(actor=actors["consulent"], trajectory=family, type="ots", on=D(2025, 2, 10), subject=child,
                   handled_by=actors["partner2"])
    with refused(RuleViolation, "handler_on_team"):
        add(actors["consulent"], family, actors["partner2"], D(2025, 2, 11))
    assert add(actors["consulent"], family, actors["partner"], D(2025, 2, 11)).pk


def test_a_report_handler_cannot_then_join_the_team(actors, family, orgs):
    report_record(actor=actors["consulent"], trajectory=family, on=D(2025, 2, 1), organisation=orgs["vt"],
                  handled_by=actors["partner2"])
    with refused(RuleViolation, "handler_on_team"):
        add(actors["consulent"], family, actors["partner2"], D(2025, 2, 2))


def test_team_member_add_refuses_a_stale_edit(actors, family):
    with refused(StaleEdit, "stale_edit"):
        add(actors["consulent"], family, actors["partner"], expected_version=5)


@pytest.mark.parametrize("who", ["partner", "outsider", "other_site", "coordinator", "expert"])
def test_team_member_add_not_permitted(actors, family, who):
    with refused(NotPermitted):
        add(actors[who], family, actors["partner2"])


def test_a_partner_on_the_team_does_not_pull_in_others(actors, family, on_team):
    with refused(NotPermitted, "right_team_add"):
        add(actors["partner"], family, actors["partner2"], D(2025, 2, 1))


def test_a_partner_in_front_may_bring_a_colleague_of_their_own_organisation_only(actors, family, on_team, melding):
    switch(actors["consulent"], family, actors["partner"])
    assert add(actors["partner"], family, actors["partner2"], D(2025, 2, 11)).pk
    with refused(NotPermitted, "right_team_add_limited"):
        add(actors["partner"], family, actors["rvdk"], D(2025, 2, 11))


# --- team_member_leave -----------------------------------------------------------------------------------

def test_team_member_leave_works(actors, family, on_team):
    left = team_member_leave(actor=actors["consulent"], membership=on_team, left_on=D(2025, 3, 1),
                             expected_version=version(family))
    assert left.left_on == D(2025, 3, 1)
    assert TeamMembership.objects.get(pk=on_team.pk).left_on == D(2025, 3, 1)
    assert_audited("team_member_leave", left, actors["consulent"], family.household_id)


def test_leaving_on_the_day_of_joining_is_allowed(actors, family, on_team):
    assert team_member_leave(actor=actors["consulent"], membership=on_team, left_on=D(2025, 1, 20)).left_on


def test_the_lead_cannot_leave(actors, family):
    lead = family.team.get(professional=actors["consulent"])
    with refused(RuleViolation, "lead_cannot_leave"):
        team_member_leave(actor=actors["consulent"], membership=lead, left_on=D(2025, 3, 1))


@pytest.mark.parametrize("left_on, code", [
    (D(2025, 1, 19), "ends_before_start"),   # joined on 20 January
    (D(2025, 1, 13), "before_reference"),    # before the registration
    (D(2099, 1, 1), "date_in_future"),
])
def test_team_member_leave_refuses_bad_dates(actors, family, on_team, left_on, code):
    with refused(RuleViolation, code):
        team_member_leave(actor=actors["consulent"], membership=on_team, left_on=left_on)


def test_leaving_twice_is_refused(actors, family, on_team):
    team_member_leave(actor=actors["consulent"], membership=on_team, left_on=D(2025, 3, 1))
    with refused(RuleViolation, "already_left"):
        team_member_leave(actor=actors["consulent"], membership=on_team, left_on=D(2025, 3, 2))


def test_team_member_leave_refuses_a_stale_edit(actors, family, on_team):
    with refused(StaleEdit):
        team_member_leave(actor=actors["consulent"], membership=on_team, left_on=D(2025, 3, 1),
                          expected_version=1)
    assert TeamMembership.objects.get(pk=on_team.pk).left_on is None


@pytest.mark.parametrize("who", ["outsider", "other_site", "coordinator"])
def test_team_member_leave_not_permitted(actors, family, on_team, who):
    with refused(NotPermitted):
        team_member_leave(actor=actors[who], membership=on_team, left_on=D(2025, 3, 1))


# --- lead_switch -----------------------------------------------------------------------------------------

def switch(actor, trajectory, professional, on=D(2025, 2, 10), **kwargs):
    return lead_switch(actor=actor, trajectory=trajectory, professional=professional, on=on, **kwargs)


@pytest.fixture
def melding(actors, family, orgs):
    """The consultant made a melding at Veilig Thuis on 1 February 2025: a partner may then take the lead."""
    return report_record(actor=actors["consulent"], trajectory=family, on=D(2025, 2, 1), organisation=orgs["vt"])


def test_a_partner_takes_the_lead_only_on_a_melding_or_measure(actors, family, on_team):
    with refused(RuleViolation, "lead_without_basis"):
        switch(actors["consulent"], family, actors["partner"])
    assert LeadPeriod.objects.filter(trajectory=family).count() == 1


def test_a_melding_after_the_switch_date_does_not_count(actors, family, on_team, orgs):
    report_record(actor=actors["consulent"], trajectory=family, on=D(2025, 2, 20), organisation=orgs["vt"])
    with refused(RuleViolation, "lead_without_basis"):
        switch(actors["consulent"], family, actors["partner"], D(2025, 2, 10))


def test_a_stated_statutory_ground_lets_a_partner_take_the_lead(actors, family, on_team):
    period = switch(actors["consulent"], family, actors["partner"],
                    statutory_ground="OTS van de kinderrechter van 5 februari, nog niet hier geregistreerd")
    assert period.statutory_ground.startswith("OTS van de kinderrechter")


def test_an_expert_by_experience_never_leads(actors, family, melding):
    with refused(RuleViolation, "lead_expert"):
        switch(actors["consulent"], family, actors["expert"])


def test_lead_switch_keeps_the_previous_lead_on_the_team(actors, family, on_team, melding):
    consulent, partner = actors["consulent"], actors["partner"]
    period = switch(consulent, family, partner, expected_version=version(family))
    assert (period.professional, period.start, period.end) == (partner, D(2025, 2, 10), None)
    previous = LeadPeriod.objects.get(trajectory=family, professional=consulent)
    assert previous.end == D(2025, 2, 9)
    assert family.team.get(professional=consulent).left_on is None          # no hand-over
    assert family.team.filter(professional=partner).count() == 1            # already on it: not added twice
    assert_audited("lead_switch", period, consulent, family.household_id)


def test_the_new_lead_joins_the_team_when_not_on_it(actors, family, melding):
    switch(actors["consulent"], family, actors["partner"])
    membership = family.team.get(professional=actors["partner"])
    assert (membership.joined_on, membership.role_in_team, membership.left_on) == (D(2025, 2, 10), "regie", None)


def test_after_a_switch_neither_the_new_lead_nor_the_local_team_leaves(actors, family, on_team, melding):
    switch(actors["consulent"], family, actors["partner"])
    with refused(RuleViolation, "lead_cannot_leave"):
        team_member_leave(actor=actors["consulent"], membership=on_team, left_on=D(2025, 3, 1))
    mine = family.team.get(professional=actors["consulent"])
    with refused(RuleViolation, "local_team_stays"):  # "laat niet los" (seed 000, De tandem)
        team_member_leave(actor=actors["consulent"], membership=mine, left_on=D(2025, 3, 1))
    assert family.team.filter(left_on__isnull=True).count() == 2


def test_a_local_team_worker_may_leave_when_a_colleague_stays_on(actors, family, orgs):
    colleague = User.objects.create_user(username="ilse", first_name="Ilse", organisation=orgs["local"],
                                         role="consulent")
    add(actors["consulent"], family, colleague, D(2025, 2, 1))
    switch(actors["consulent"], family, colleague, D(2025, 2, 2))
    mine = family.team.get(professional=actors["consulent"])
    assert team_member_leave(actor=actors["consulent"], membership=mine, left_on=D(2025, 3, 1)).left_on


def test_switching_back_afschalen(actors, family, on_team, melding):
    switch(actors["consulent"], family, actors["partner"], D(2025, 2, 10))
    switch(actors["partner"], family, actors["consulent"], D(2025, 4, 1))
    periods = list(family.lead_periods.values_list("professional", "start", "end"))
    assert periods == [(actors["consulent"].pk, D(2025, 1, 14), D(2025, 2, 9)),
                       (actors["partner"].pk, D(2025, 2, 10), D(2025, 3, 31)),
                       (actors["consulent"].pk, D(2025, 4, 1), None)]
    assert family.team.filter(left_on__isnull=True).count() == 2


def test_switching_to_the_current_lead_is_refused(actors, family):
    with refused(RuleViolation, "already_lead"):
        switch(actors["consulent"], family, actors["consulent"])


@pytest.mark.parametrize("on, code", [
    (D(2025, 1, 13), "before_reference"),
    (D(2099, 1, 1), "date_in_future"),
])
def test_lead_switch_refuses_bad_dates(actors, family, on, code):
    with refused(RuleViolation, code):
        switch(actors["consulent"], family, actors["partner"], on)


def test_lead_switch_before_the_current_lead_began_is_refused(actors, family, on_team, melding):
    switch(actors["consulent"], family, actors["partner"], D(2025, 3, 1))
    with refused(RuleViolation, "before_reference"):
        switch(actors["consulent"], family, actors["consulent"], D(2025, 2, 1))


def test_lead_switch_to_a_measure_handler_is_refused(actors, family, child):
    measure_record(actor=actors["consulent"], trajectory=family, type="ots", on=D(2025, 2, 1), subject=child,
                   handled_by=actors["partner2"])
    with refused(RuleViolation, "handler_on_team"):
        switch(actors["consulent"], family, actors["partner2"])


def test_lead_switch_refuses_a_stale_edit(actors, family):
    with refused(StaleEdit):
        switch(actors["consulent"], family, actors["partner"], expected_version=0)


@pytest.mark.parametrize("who", ["partner", "outsider", "other_site", "coordinator"])
def test_lead_switch_not_permitted(actors, family, who):
    with refused(NotPermitted):
        switch(actors[who], family, actors[who])
