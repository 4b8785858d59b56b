"""Each case of issue "Tandem 5: the municipality's dossier" ('What it is for'), as the probe found it on the
earlier main, now refused or fixed — through the services, so the web, the import and the API meet the same."""
import datetime as dt

import pytest
from django.utils import timezone

from tandem.cases.models import Consent, Form, Involvement, LeadPeriod, TeamMembership
from tandem.cases.selectors import access_for
from tandem.cases.services import (
    consent_record,
    consent_request_create,
    consent_withdraw,
    involvement_start,
    lead_switch,
    measure_record,
    report_record,
    team_member_add,
    team_member_leave,
    trajectory_close,
    triage_record,
)
from tandem.core.exceptions import NotPermitted, RuleViolation
from tandem.portal.services import portal_invite_create, resident_consent_withdraw

from .helpers import refused

D = dt.date


@pytest.fixture
def anonymous_vt(actors, family, orgs):
    """Bram of Veilig Thuis on the team for an anonymous consult: no names."""
    team_member_add(actor=actors["consulent"], trajectory=family, professional=actors["partner"],
                    joined_on=D(2025, 1, 20))
    involvement_start(actor=actors["consulent"], trajectory=family, organisation=orgs["vt"], form=Form.CONSULT,
                      start=D(2025, 1, 20), anonymous=True)
    return actors["partner"]


def test_a_partner_cannot_record_a_consent_to_its_own_organisation(anonymous_vt, family, orgs, mother):
    with refused(NotPermitted, "right_consent_record"):
        consent_record(actor=anonymous_vt, trajectory=family, organisation=orgs["vt"], given_by=mother,
                       purpose="begeleiding", given_on=D(2025, 2, 1), how="paper")
    assert access_for(anonymous_vt, family).anonymous


def test_a_partner_asks_for_consent_instead(anonymous_vt, family, orgs):
    request = consent_request_create(actor=anonymous_vt, trajectory=family, purpose="meedenken")
    assert (request.organisation, request.status) == (orgs["vt"], "open")
    assert access_for(anonymous_vt, family).anonymous  # asking gives nothing yet


def test_after_a_withdrawal_in_the_portal_the_partner_cannot_re_record_it(actors, anonymous_vt, family, orgs,
                                                                          mother):
    consent = consent_record(actor=actors["consulent"], trajectory=family, organisation=orgs["vt"],
                             given_by=mother, purpose="begeleiding", given_on=D(2025, 2, 1), how="paper")
    assert access_for(anonymous_vt, family).identifying
    resident_consent_withdraw(member=mother, consent=consent)
    assert access_for(anonymous_vt, family).anonymous
    with refused(NotPermitted):
        consent_record(actor=anonymous_vt, trajectory=family, organisation=orgs["vt"], given_by=mother,
                       purpose="opnieuw", given_on=timezone.localdate(), how="paper")
    assert access_for(anonymous_vt, family).anonymous


def test_melding_plus_own_orange_by_the_partner_who_benefits_is_refused(anonymous_vt, family, orgs):
    with refused(NotPermitted, "right_report_record"):
        report_record(actor=anonymous_vt, trajectory=family, on=D(2025, 2, 1), organisation=orgs["vt"])
    with refused(RuleViolation, "orange_without_report"):  # and without a melding, no orange for itself
        involvement_start(actor=anonymous_vt, trajectory=family, organisation=orgs["vt"], form=Form.ORANGE,
                          start=D(2025, 2, 2))
    assert access_for(anonymous_vt, family).anonymous


def test_the_statutory_route_opens_names_only_on_a_melding_recorded_by_the_local_team(actors, anonymous_vt, family,
                                                                                       orgs):
    report_record(actor=actors["consulent"], trajectory=family, on=D(2025, 2, 1), organisation=orgs["vt"])
    involvement_start(actor=anonymous_vt, trajectory=family, organisation=orgs["vt"], form=Form.ORANGE,
                      start=D(2025, 2, 2))
    assert access_for(anonymous_vt, family).identifying


@pytest.mark.parametrize("what, attempt", [
    ("close", lambda a, f, c: trajectory_close(actor=a, trajectory=f, closed_on=D(2025, 3, 1), end_evaluation="x",
                                               exit_participants="x")),
    ("triage", lambda a, f, c: triage_record(actor=a, trajectory=f, kind="access", decided_on=D(2025, 2, 1),
                                             outcome="admitted", participants="x")),
    ("lead to itself", lambda a, f, c: lead_switch(actor=a, trajectory=f, professional=a, on=D(2025, 2, 1))),
    ("take the local team off", lambda a, f, c: team_member_leave(
        actor=a, membership=f.team.get(professional=c), left_on=D(2025, 2, 1))),
    ("add other professionals", lambda a, f, c: team_member_add(
        actor=a, trajectory=f, professional=c.__class__.objects.get(username="dirk"), joined_on=D(2025, 2, 1))),
])
def test_a_partner_cannot_take_over_the_local_teams_dossier(actors, anonymous_vt, family, what, attempt):
    with refused(NotPermitted):
        attempt(anonymous_vt, family, actors["consulent"])


def test_a_partner_cannot_make_portal_codes(anonymous_vt, mother):
    with pytest.raises(NotPermitted):
        portal_invite_create(actor=anonymous_vt, member=mother)
    assert not mother.portal_invites.exists()


def test_a_lead_switch_without_melding_or_measure_is_refused(actors, anonymous_vt, family):
    with refused(RuleViolation, "lead_without_basis"):
        lead_switch(actor=actors["consulent"], trajectory=family, professional=anonymous_vt, on=D(2025, 2, 1))


def test_closing_asks_for_end_evaluation_and_exit_triage(actors, family):
    with refused(RuleViolation, "end_evaluation_missing"):
        trajectory_close(actor=actors["consulent"], trajectory=family, closed_on=D(2025, 3, 1), end_evaluation="",
                         exit_participants="Anna")
    with refused(RuleViolation, "exit_triage_missing"):
        trajectory_close(actor=actors["consulent"], trajectory=family, closed_on=D(2025, 3, 1),
                         end_evaluation="Veilig", exit_participants="")
    closed = trajectory_close(actor=actors["consulent"], trajectory=family, closed_on=D(2025, 3, 1),
                              end_evaluation="Veilig", exit_participants="Anna en het gezin")
    exit_triage = closed.triage_decisions.get()
    assert (exit_triage.kind, exit_triage.outcome, exit_triage.decided_on) == ("exit", "exit", D(2025, 3, 1))


def test_closing_while_a_measure_runs_needs_the_local_teams_reason(actors, family, child):
    measure_record(actor=actors["consulent"], trajectory=family, type="ots", on=D(2025, 2, 1), subject=child)
    with refused(RuleViolation, "closure_while_protection_runs"):
        trajectory_close(actor=actors["consulent"], trajectory=family, closed_on=D(2025, 3, 1),
                         end_evaluation="Veilig", exit_participants="Anna")
    closed = trajectory_close(actor=actors["consulent"], trajectory=family, closed_on=D(2025, 3, 1),
                              end_evaluation="Veilig", exit_participants="Anna",
                              reason="De OTS loopt door bij de GI; het lokale team is niet meer nodig.")
    assert closed.closure_reason.startswith("De OTS loopt door")


def test_closing_while_a_partner_leads_under_orange_needs_a_reason(actors, anonymous_vt, family, orgs):
    report_record(actor=actors["consulent"], trajectory=family, on=D(2025, 2, 1), organisation=orgs["vt"])
    involvement_start(actor=actors["consulent"], trajectory=family, organisation=orgs["vt"], form=Form.ORANGE,
                      start=D(2025, 2, 2))
    lead_switch(actor=actors["consulent"], trajectory=family, professional=anonymous_vt, on=D(2025, 2, 2))
    with refused(RuleViolation, "closure_while_protection_runs"):
        trajectory_close(actor=actors["consulent"], trajectory=family, closed_on=D(2025, 3, 1),
                         end_evaluation="Veilig", exit_participants="Anna")


@pytest.fixture
def green_with_expert(actors, family, orgs, mother):
    vt = consent_record(actor=actors["consulent"], trajectory=family, organisation=orgs["vt"], given_by=mother,
                        purpose="begeleiding", given_on=D(2025, 2, 1), how="paper")
    experts = consent_record(actor=actors["consulent"], trajectory=family, organisation=orgs["ed"],
                             given_by=mother, purpose="meedenken", given_on=D(2025, 2, 1), how="paper")
    team_member_add(actor=actors["consulent"], trajectory=family, professional=actors["partner"],
                    joined_on=D(2025, 2, 2))
    team_member_add(actor=actors["consulent"], trajectory=family, professional=actors["expert"],
                    joined_on=D(2025, 2, 2))
    green = involvement_start(actor=actors["consulent"], trajectory=family, organisation=orgs["vt"],
                              form=Form.GREEN, start=D(2025, 2, 3))
    return vt, experts, green


def test_withdrawal_ends_access_and_flags_the_green_episode(actors, family, mother, green_with_expert):
    vt, _, green = green_with_expert
    assert access_for(actors["partner"], family).identifying
    resident_consent_withdraw(member=mother, consent=vt)
    assert access_for(actors["partner"], family).anonymous
    green.refresh_from_db()
    assert green.consent_withdrawn_on == timezone.localdate() and green.end is None and green.decided_on is None
    flagged = Involvement.objects.filter(consent_withdrawn_on__isnull=False, decided_on__isnull=True)
    assert list(flagged) == [green]  # a work item for the consultant until decided


def test_withdrawal_takes_the_expert_off_the_team(actors, family, mother, green_with_expert):
    _, experts, _ = green_with_expert
    consent_withdraw(actor=actors["consulent"], consent=experts, withdrawn_on=timezone.localdate())
    membership = TeamMembership.objects.get(trajectory=family, professional=actors["expert"])
    assert membership.left_on == timezone.localdate()
    assert not access_for(actors["expert"], family).view
    assert LeadPeriod.objects.get(trajectory=family, end__isnull=True).professional == actors["consulent"]


def test_a_two_year_old_does_not_give_consent_nor_get_a_code(actors, family, mother):
    from tandem.cases.services import MemberData, member_add
    toddler = member_add(actor=actors["consulent"], household=family.household,
                         data=MemberData(given_names="Lina", family_name="Amrani", birth_date=D(2023, 6, 1)))
    with refused(RuleViolation, "consent_too_young"):
        consent_record(actor=actors["consulent"], trajectory=family, organisation=actors["partner"].organisation,
                       given_by=toddler, purpose="x", given_on=D(2025, 2, 1), how="paper")
    with pytest.raises(RuleViolation) as info:
        portal_invite_create(actor=actors["consulent"], member=toddler)
    assert info.value.code == "portal_too_young" and not toddler.portal_invites.exists()
    assert Consent.objects.filter(given_by=toddler).count() == 0
