"""Need-to-know (domain §3): who sees which trajectory, and who sees who the family is."""
import datetime as dt

import pytest
from django.contrib.auth.models import AnonymousUser
from django.utils import timezone

from tandem.cases.rules.rights import Action, Limit, Position
from tandem.cases.selectors import (
    NO_ACCESS,
    access_for,
    households_for_overview,
    households_visible_to,
    own_involvements,
    rights_for,
    trajectories_visible_to,
)
from tandem.cases.services import (
    consent_record,
    consent_withdraw,
    involvement_end,
    involvement_start,
    report_record,
    team_member_add,
    team_member_leave,
    trajectory_close,
)

D = dt.date


def sees(user, trajectory) -> bool:
    return trajectories_visible_to(user).filter(pk=trajectory.pk).exists()


def consent(actors, family, organisation, member, given_on=D(2025, 1, 18)):
    return consent_record(actor=actors["consulent"], how="conversation", trajectory=family, organisation=organisation, given_by=member,
                          purpose="begeleiding", given_on=given_on)


@pytest.fixture
def expert_joined(actors, family):
    return team_member_add(actor=actors["consulent"], trajectory=family, professional=actors["expert"],
                           joined_on=D(2025, 1, 20))


# --- local team ------------------------------------------------------------------------------------------

def test_the_consultant_sees_everything_of_the_own_site(actors, family, other_family):
    access = access_for(actors["consulent"], family)
    assert (access.view, access.edit, access.identifying, access.anonymous) == (True, True, True, False)
    assert set(trajectories_visible_to(actors["consulent"])) == {family, other_family}
    assert set(households_visible_to(actors["consulent"])) == {family.household, other_family.household}


def test_a_consultant_of_another_site_sees_nothing(actors, family):
    assert access_for(actors["other_site"], family) == NO_ACCESS
    assert not households_visible_to(actors["other_site"]).exists()


def test_the_consultant_still_sees_a_closed_trajectory(actors, family):
    trajectory_close(actor=actors["consulent"], trajectory=family, closed_on=D(2025, 3, 1), end_evaluation="Veilig genoeg.",
                     exit_participants="Anna, Fatima")
    assert access_for(actors["consulent"], family).view


# --- partners --------------------------------------------------------------------------------------------

def test_a_partner_not_on_the_team_sees_nothing(actors, family):
    assert access_for(actors["partner"], family) == NO_ACCESS
    assert not trajectories_visible_to(actors["partner"]).exists()


def test_a_partner_on_the_team_without_consent_sees_the_trajectory_but_not_who(actors, family, on_team):
    access = access_for(actors["partner"], family)
    assert access.view and access.edit
    assert access.identifying is False and access.anonymous is True
    assert list(households_for_overview(actors["partner"])) == [family.household]


def test_a_partner_on_the_team_with_consent_sees_who(actors, family, on_team, vt_consent):
    assert access_for(actors["partner"], family).identifying is True


def test_consent_to_another_organisation_does_not_identify(actors, family, on_team, orgs, mother):
    consent(actors, family, orgs["gi"], mother)
    assert access_for(actors["partner"], family).identifying is False


def test_withdrawing_consent_cuts_identifying_access_at_once(actors, family, on_team, vt_consent):
    assert access_for(actors["partner"], family).identifying
    consent_withdraw(actor=actors["consulent"], consent=vt_consent, withdrawn_on=timezone.localdate())
    access = access_for(actors["partner"], family)
    assert access.view and access.identifying is False


def test_statutory_powers_identify_without_consent(actors, family, on_team, orgs):
    report_record(actor=actors["consulent"], trajectory=family, on=D(2025, 2, 1), organisation=orgs["vt"])
    orange = involvement_start(actor=actors["consulent"], trajectory=family, organisation=orgs["vt"],
                               form="orange", start=D(2025, 2, 1))
    assert access_for(actors["partner"], family).identifying is True
    involvement_end(actor=actors["consulent"], involvement=orange, end=D(2025, 3, 1))
    assert access_for(actors["partner"], family).identifying is False


def test_a_partner_who_left_today_still_sees_today(actors, family, on_team):
    team_member_leave(actor=actors["consulent"], membership=on_team, left_on=timezone.localdate())
    assert sees(actors["partner"], family)


def test_a_partner_who_left_yesterday_sees_nothing(actors, family, on_team):
    team_member_leave(actor=actors["consulent"], membership=on_team,
                      left_on=timezone.localdate() - dt.timedelta(days=1))
    assert not sees(actors["partner"], family)
    assert access_for(actors["partner"], family) == NO_ACCESS


def test_a_partner_on_one_team_does_not_see_another_family(actors, family, on_team, other_family):
    assert not sees(actors["partner"], other_family)


def test_the_closure_ends_a_partners_access(actors, family, on_team):
    trajectory_close(actor=actors["consulent"], trajectory=family, closed_on=D(2025, 3, 1), end_evaluation="Veilig genoeg.",
                     exit_participants="Anna, Fatima")
    assert not sees(actors["partner"], family)


def test_an_inactive_partner_sees_nothing(actors, family, on_team):
    actors["partner"].is_active = False
    actors["partner"].save()
    assert access_for(actors["partner"], family) == NO_ACCESS


def test_an_anonymous_user_sees_nothing(family):
    assert not trajectories_visible_to(AnonymousUser()).exists()


# --- experts by experience -------------------------------------------------------------------------------

def test_an_expert_on_the_team_without_consent_sees_nothing(actors, family, expert_joined):
    assert access_for(actors["expert"], family) == NO_ACCESS


def test_an_expert_with_consent_but_not_on_the_team_sees_nothing(actors, family, orgs, mother):
    consent(actors, family, orgs["ed"], mother)
    assert access_for(actors["expert"], family) == NO_ACCESS


def test_an_expert_on_the_team_with_consent_sees_and_only_counts_own_contacts(actors, family, orgs, mother,
                                                                             expert_joined):
    consent(actors, family, orgs["ed"], mother)
    access = access_for(actors["expert"], family)
    assert (access.view, access.identifying, access.position) == (True, True, Position.EXPERT)
    rights = rights_for(actors["expert"], family, access)
    assert [a for a in Action if a in rights] == [Action.TEAM_LEAVE, Action.EXPERT_CONTACT]
    assert rights.allows(Action.EXPERT_CONTACT, Limit.SELF) and not rights.allows(Action.EXPERT_CONTACT)


def test_an_expert_loses_sight_when_consent_is_withdrawn(actors, family, orgs, mother, expert_joined):
    given = consent(actors, family, orgs["ed"], mother)
    consent_withdraw(actor=actors["consulent"], consent=given, withdrawn_on=timezone.localdate())
    assert access_for(actors["expert"], family) == NO_ACCESS


def test_an_expert_loses_sight_after_leaving_the_team(actors, family, orgs, mother, expert_joined):
    consent(actors, family, orgs["ed"], mother)
    team_member_leave(actor=actors["consulent"], membership=expert_joined, left_on=D(2025, 3, 1))
    assert access_for(actors["expert"], family) == NO_ACCESS


# --- roles without dossiers ------------------------------------------------------------------------------

def test_the_coordinator_sees_nothing(actors, family, orgs, mother):
    consent(actors, family, orgs["coord"], mother)
    assert access_for(actors["coordinator"], family) == NO_ACCESS
    assert not trajectories_visible_to(actors["coordinator"]).exists()
    assert not households_for_overview(actors["coordinator"]).exists()


def test_identifying_ids_says_what_access_for_says_for_everyone(rights_team, actors):
    """The bulk read of Mijn gezinnen and the work list equals `access_for(...).identifying`, per trajectory."""
    from tandem.cases.selectors import identifying_ids, trajectories_visible_to

    people = [*rights_team.people.values(), *rights_team.others.values(), *actors.values()]
    for person in people:
        visible = list(trajectories_visible_to(person))
        expected = {t.pk for t in visible if access_for(person, t).identifying}
        assert identifying_ids(person, [t.pk for t in visible]) == expected, person
        assert identifying_ids(person, trajectories_visible_to(person).values("id")) == expected, person


def test_own_work_is_the_organisations_episodes_in_families_it_may_open(actors, family, other_family, on_team, orgs):
    """One read for the web download and the API (tandem.jobs, tandem.api): only the person's organisation, only
    the families they may open, and a period keeps the episodes that overlap it."""
    report_record(actor=actors["consulent"], trajectory=family, on=D(2025, 2, 1), organisation=orgs["vt"])
    report_record(actor=actors["consulent"], trajectory=other_family, on=D(2025, 2, 1), organisation=orgs["vt"])
    mine = involvement_start(actor=actors["consulent"], trajectory=family, organisation=orgs["vt"], form="orange",
                             start=D(2025, 2, 1), end=D(2025, 2, 28))
    involvement_start(actor=actors["consulent"], trajectory=other_family, organisation=orgs["vt"], form="orange",
                      start=D(2025, 2, 1))  # Veilig Thuis, but Bram is not on that family's team
    involvement_start(actor=actors["consulent"], trajectory=family, organisation=orgs["gi"], form="consult",
                      start=D(2025, 2, 1))  # another organisation's episode
    assert list(own_involvements(actors["partner"])) == [mine]
    assert list(own_involvements(actors["partner"], start=D(2025, 2, 28), end=D(2025, 3, 31))) == [mine]
    assert list(own_involvements(actors["partner"], start=D(2025, 3, 1))) == []
    assert list(own_involvements(actors["partner"], end=D(2025, 1, 31))) == []
