"""The call-up from request to the team, the pool, contacts counted, sessions, and the family's voice."""
import datetime as dt
from decimal import Decimal

import pytest

from tandem.audit.models import AuditEvent
from tandem.cases.models import ExpertContact, TeamMembership
from tandem.cases.selectors import access_for
from tandem.core.exceptions import NotPermitted, RuleViolation, StaleEdit
from tandem.experts import selectors, services
from tandem.experts.models import CallUpStatus, Contact
from tandem.notifications.models import Kind, Notification

pytestmark = pytest.mark.django_db
TODAY = dt.date.today()


def test_the_call_up_runs_from_request_to_the_team_with_every_step_dated(
        call_up, expert, pool_coordinator, actors, consent_to_pool, family):
    assert Notification.objects.filter(recipient=pool_coordinator, kind=Kind.CALL_UP_REQUEST).count() == 1
    services.call_up_propose(actor=pool_coordinator, call_up=call_up, expert=expert)
    assert Notification.objects.filter(recipient=actors["expert"], kind=Kind.CALL_UP_PROPOSAL).count() == 1
    accepted = services.call_up_accept(actor=actors["expert"], call_up=call_up)
    assert accepted.status == CallUpStatus.ACCEPTED  # no consent yet: waits for it
    assert not access_for(actors["expert"], family).view
    assert [i["call_up"].pk for i in selectors.work_items(actors["consulent"])] == [call_up.pk]
    consent_to_pool()
    joined = services.call_up_join(actor=actors["consulent"], call_up=call_up)
    assert joined.status == CallUpStatus.JOINED and joined.joined_on == TODAY
    assert TeamMembership.objects.filter(trajectory=family, professional=actors["expert"], left_on=None).exists()
    assert access_for(actors["expert"], family).is_expert
    assert [s.step for s in joined.steps.all()] == ["request", "propose", "accept", "join"]
    assert all(s.on == TODAY for s in joined.steps.all())
    assert selectors.work_items(actors["consulent"]) == []


def test_with_consent_already_given_accepting_puts_the_expert_on_the_team(joined, family, actors):
    assert joined.status == CallUpStatus.JOINED
    assert joined.membership.professional == actors["expert"]


def test_joining_without_consent_is_refused(call_up, expert, pool_coordinator, actors):
    services.call_up_propose(actor=pool_coordinator, call_up=call_up, expert=expert)
    services.call_up_accept(actor=actors["expert"], call_up=call_up)
    with pytest.raises(RuleViolation) as refused:
        services.call_up_join(actor=actors["consulent"], call_up=call_up)
    assert refused.value.code == "consent_missing"


def test_only_a_consultant_in_the_local_team_position_asks(family, actors, profiles):
    for who in ("partner", "outsider", "expert", "coordinator", "other_site"):
        with pytest.raises(NotPermitted):
            services.call_up_request(actor=actors[who], trajectory=family, profile=profiles["LVB"],
                                     purpose="home_visit", wanted_on=TODAY)


def test_support_over_a_period_needs_an_end_and_a_profile_of_the_region(family, actors, profiles, region):
    with pytest.raises(RuleViolation) as refused:
        services.call_up_request(actor=actors["consulent"], trajectory=family, profile=profiles["LVB"],
                                 purpose="support", wanted_on=TODAY)
    assert refused.value.field == "wanted_until"
    services.profile_set_active(actor=None, profile=profiles["Ouder"], active=False)
    with pytest.raises(RuleViolation) as refused:
        services.call_up_request(actor=actors["consulent"], trajectory=family, profile=profiles["Ouder"],
                                 purpose="home_visit", wanted_on=TODAY)
    assert refused.value.code == "profile_unknown"


def test_the_coordinator_sees_only_matching_available_experts_with_room(
        call_up, expert, other_expert, pool_coordinator, orgs, profiles, site):
    assert [r.expert for r in selectors.matching_experts(call_up)] == [expert]
    with pytest.raises(RuleViolation) as refused:
        services.call_up_propose(actor=pool_coordinator, call_up=call_up, expert=other_expert)
    assert refused.value.code == "expert_profile"
    services.expert_update(actor=pool_coordinator, expert=expert, pool="core", profiles=[profiles["LVB"]],
                           sites=[site], available=False, max_families=2)
    assert selectors.matching_experts(call_up) == []
    with pytest.raises(RuleViolation) as refused:
        services.call_up_propose(actor=pool_coordinator, call_up=call_up, expert=expert)
    assert refused.value.code == "expert_unavailable"


def test_a_full_expert_does_not_match(call_up, expert, pool_coordinator, profiles, site):
    services.expert_update(actor=pool_coordinator, expert=expert, pool="core", profiles=[profiles["LVB"]],
                           sites=[site], available=True, max_families=1, expected_version=expert.version)
    assert selectors.matching_experts(call_up)
    services.call_up_propose(actor=pool_coordinator, call_up=call_up, expert=expert)
    services.call_up_accept(actor=expert.user, call_up=call_up)  # waits for consent, counts as load
    assert selectors.loads([expert])[expert.pk] == 1
    call_up.refresh_from_db()
    assert selectors.matching_experts(call_up) == []


def test_a_decline_puts_the_call_up_back_and_only_the_proposed_expert_answers(
        call_up, expert, pool_coordinator, actors):
    services.call_up_propose(actor=pool_coordinator, call_up=call_up, expert=expert)
    for who in (actors["consulent"], pool_coordinator):
        with pytest.raises(NotPermitted):
            services.call_up_accept(actor=who, call_up=call_up)
    declined = services.call_up_decline(actor=actors["expert"], call_up=call_up)
    assert declined.status == CallUpStatus.REQUESTED and declined.expert is None
    assert [s.step for s in declined.steps.all()] == ["request", "propose", "decline"]
    with pytest.raises(RuleViolation):
        services.call_up_accept(actor=actors["expert"], call_up=call_up)


def test_a_stale_proposal_is_refused(call_up, expert, pool_coordinator):
    services.call_up_propose(actor=pool_coordinator, call_up=call_up, expert=expert, expected_version=1)
    with pytest.raises(StaleEdit):
        services.call_up_withdraw(actor=None, call_up=call_up, expected_version=1)


def test_only_the_pool_coordinator_of_the_organisation_keeps_the_pool(orgs, actors, profiles, site, call_up,
                                                                    expert):
    for who in ("consulent", "coordinator", "expert"):
        with pytest.raises(NotPermitted):
            services.call_up_propose(actor=actors[who], call_up=call_up, expert=expert)
        with pytest.raises(NotPermitted):
            services.expert_update(actor=actors[who], expert=expert, pool="flex", profiles=[profiles["LVB"]],
                                   sites=[site], available=True, max_families=3)


def test_the_pool_coordinator_reaches_no_dossier(pool_coordinator, family, joined):
    assert not access_for(pool_coordinator, family).view
    assert selectors.call_up_for(pool_coordinator, joined.pk) is not None  # the call-up itself, without names


def test_a_contact_is_counted_in_the_dossier_and_the_pool(joined, expert, family, actors, profiles):
    contact = services.contact_record(actor=actors["expert"], expert=expert, trajectory=family, on=TODAY,
                                      kind="home_visit", number=2, minutes=90)
    assert contact.profile == profiles["LVB"] and contact.site_id == family.site_id
    assert ExpertContact.objects.filter(trajectory=family, expert=actors["expert"]).count() == 1
    assert AuditEvent.objects.filter(action="expert_contact_count").count() == 1


def test_contacts_are_refused_without_the_team_and_consent(expert, family, actors):
    with pytest.raises(NotPermitted):
        services.contact_record(actor=actors["expert"], expert=expert, trajectory=family, on=TODAY,
                                kind="phone", minutes=10)
    assert not Contact.objects.exists()


@pytest.mark.parametrize("number,minutes,kind", [(0, 10, "phone"), (1, 0, "phone"), (1, 10, "chat")])
def test_bad_counts_are_refused(joined, expert, family, actors, number, minutes, kind):
    with pytest.raises(RuleViolation):
        services.contact_record(actor=actors["expert"], expert=expert, trajectory=family, on=TODAY, kind=kind,
                                number=number, minutes=minutes)


def test_sessions_hold_a_date_and_who_was_there(pool_coordinator, orgs, expert, other_expert):
    session = services.session_record(actor=pool_coordinator, organisation=orgs["ed"], kind="supervision",
                                      held_on=TODAY, attendees=[expert, other_expert])
    assert set(session.attendees.all()) == {expert, other_expert}
    with pytest.raises(RuleViolation):
        services.session_record(actor=pool_coordinator, organisation=orgs["ed"], kind="coaching", held_on=TODAY,
                                attendees=[])


def test_reports_count_without_family_names(joined, expert, family, actors, pool_coordinator, orgs):
    services.contact_record(actor=actors["expert"], expert=expert, trajectory=family, on=TODAY,
                            kind="network_meeting", number=1, minutes=120)
    organisation, region = selectors.report_scope(pool_coordinator)
    rows = selectors.contacts_report(organisation, region)
    assert rows == [{"quarter": selectors.quarter_of(TODAY).label, "site": "Toekomsttuin Hilversum",
                     "expert": "Gijs Mulder", "profile": "LVB", "number": 1, "hours": 2.0}]
    families = selectors.families_with_expert(organisation, region)
    assert families[-1]["families"] == 1
    assert "Amrani" not in repr(rows) + repr(families)
    assert selectors.expert_network_hours(family.site.region) == {TODAY.year: 2.0}
    with pytest.raises(NotPermitted):
        selectors.report_scope(actors["consulent"])


def test_contact_durations_reach_the_budgets_table_of_hours(joined, expert, family, actors, region):
    from tandem.budget.selectors import partner_hours

    services.contact_record(actor=actors["expert"], expert=expert, trajectory=family, on=TODAY, kind="home_visit",
                            number=1, minutes=90)
    services.contact_record(actor=actors["expert"], expert=expert, trajectory=family, on=TODAY, kind="phone",
                            number=2, minutes=20)
    table = partner_hours(region)
    assert dict(table.rows)["Samenkracht! (contacten ervaringsdeskundigen)"] == {TODAY.year: Decimal("1.83")}
    assert table.totals[TODAY.year] == Decimal("1.83")
