"""Plan versioning, sign-off, the scale per participant, analysis with tegenspraak, meetings."""
import datetime as dt
from dataclasses import replace

import pytest

from tandem.audit.models import AuditEvent
from tandem.cases.services import lead_switch, report_record
from tandem.core.exceptions import NotPermitted, RuleViolation, StaleEdit
from tandem.safetyplan import services
from tandem.safetyplan.models import NetworkMeeting, PlanVersion, SafetyPlan, ScaleScore
from tandem.safetyplan.selectors import current_plan, plan_data_of, plan_history, spread
from tandem.safetyplan.services import MeetingData, ScoreData

from .conftest import make_plan

D = dt.date


def test_first_version_creates_the_one_plan_and_is_audited(family, actors, plan_data):
    version = services.plan_version_create(actor=actors["consulent"], trajectory=family, data=plan_data,
                                           expected_version=family.version)
    assert version.number == 1 and version.created_by == actors["consulent"]
    assert SafetyPlan.objects.filter(trajectory=family).count() == 1
    assert [s.rank for s in version.situations.all()] == [1, 2]
    assert version.situations.get(rank=1).agreements.get().if_not_kept == "De consulent belt dezelfde dag"
    family.refresh_from_db()
    assert AuditEvent.objects.filter(action="plan_version_create", household_id=family.household_id).exists()


def test_a_new_version_is_a_copy_edited_and_the_old_one_stays(family, actors, plan_data):
    first = services.plan_version_create(actor=actors["consulent"], trajectory=family, data=plan_data)
    data = plan_data_of(current_plan(family), dated_on=D(2025, 3, 5))
    data.phase = "stable_safety"
    data.situations = data.situations[:1]
    data.evaluation_on = D(2025, 6, 1)
    second = services.plan_version_create(actor=actors["consulent"], trajectory=family, data=data)
    assert second.number == 2 and second.situations.count() == 1
    assert first.situations.count() == 2 and PlanVersion.objects.get(pk=first.pk).phase == "direct_safety"
    assert [v.number for v in plan_history(family)] == [2, 1]
    assert current_plan(family).pk == second.pk
    assert SafetyPlan.objects.count() == 1


def test_stale_version_is_refused(family, actors, plan_data):
    with pytest.raises(StaleEdit):
        services.plan_version_create(actor=actors["consulent"], trajectory=family, data=plan_data,
                                     expected_version=family.version + 5)
    assert not PlanVersion.objects.exists()


def test_plan_rules_refuse_and_leave_nothing(family, actors):
    bad = make_plan(n=1)
    bad.situations[0].agreements = []
    with pytest.raises(RuleViolation) as info:
        services.plan_version_create(actor=actors["consulent"], trajectory=family, data=bad)
    assert info.value.code == "situation_no_agreement"
    assert not SafetyPlan.objects.exists() and not PlanVersion.objects.exists()
    with pytest.raises(RuleViolation):
        services.plan_version_create(actor=actors["consulent"], trajectory=family,
                                     data=replace(make_plan(), evaluation_on=D(2025, 1, 1)))


def test_outsider_and_coordinator_may_not_make_a_plan(family, actors, plan_data):
    for who in ["outsider", "coordinator", "other_site"]:
        with pytest.raises(NotPermitted):
            services.plan_version_create(actor=actors[who], trajectory=family, data=plan_data)


def test_a_partner_on_the_team_does_not_make_a_version_but_the_partner_in_front_does(family, actors, plan_data,
                                                                                      partner_on_team, orgs):
    with pytest.raises(NotPermitted) as info:
        services.plan_version_create(actor=partner_on_team, trajectory=family, data=plan_data)
    assert info.value.code == "right_plan_version"
    report_record(actor=actors["consulent"], trajectory=family, on=D(2025, 2, 1), organisation=orgs["vt"])
    lead_switch(actor=actors["consulent"], trajectory=family, professional=partner_on_team, on=D(2025, 2, 2))
    version = services.plan_version_create(actor=partner_on_team, trajectory=family, data=plan_data)
    assert version.created_by == partner_on_team


def test_sign_off_by_date_or_reason_once(family, actors, plan_data):
    version = services.plan_version_create(actor=actors["consulent"], trajectory=family, data=plan_data)
    with pytest.raises(RuleViolation) as info:
        services.plan_version_sign_off(actor=actors["consulent"], version=version, signed_off_on=D(2025, 2, 1))
    assert info.value.code == "sign_off_before_version"
    signed = services.plan_version_sign_off(actor=actors["consulent"], version=version, signed_off_on=D(2025, 2, 12))
    assert signed.signed_off_on == D(2025, 2, 12) and signed.sign_off_settled
    with pytest.raises(RuleViolation) as info:
        services.plan_version_sign_off(actor=actors["consulent"], version=version, refused_reason="toch niet")
    assert info.value.code == "sign_off_settled"


def test_refusal_to_sign_is_recorded_with_its_reason(family, actors, plan_data):
    version = services.plan_version_create(actor=actors["consulent"], trajectory=family, data=plan_data)
    services.plan_version_sign_off(actor=actors["consulent"], version=version,
                                   refused_reason="Vader is het niet eens met situatie 2")
    version.refresh_from_db()
    assert version.signed_off_on is None and "Vader" in version.sign_off_refused_reason


def test_scale_per_participant_keeps_disagreement(family, actors, plan_data):
    version = services.plan_version_create(actor=actors["consulent"], trajectory=family, data=plan_data)
    services.scale_score_record(actor=actors["consulent"], version=version,
                                data=ScoreData(participant="Oma Truus", participant_kind="network", score=5))
    scores = list(version.scores.all())
    assert sorted((s.participant, s.score) for s in scores) == [("Anna de Wit", 3), ("Fatima", 7), ("Oma Truus", 5)]
    gap = spread(scores)
    assert (gap.lowest, gap.highest, gap.gap, gap.disagree) == (3, 7, 4, True)
    with pytest.raises(RuleViolation):
        services.scale_score_record(actor=actors["consulent"], version=version,
                                    data=ScoreData(participant="Daan", participant_kind="family", score=11))
    assert ScaleScore.objects.filter(version=version).count() == 3


def test_agreement_kept(family, actors, plan_data):
    version = services.plan_version_create(actor=actors["consulent"], trajectory=family, data=plan_data)
    agreement = version.situations.get(rank=1).agreements.get()
    services.agreement_mark_kept(actor=actors["consulent"], agreement=agreement, kept_on=D(2025, 2, 20))
    agreement.refresh_from_db()
    assert agreement.kept_on == D(2025, 2, 20)
    copy = plan_data_of(current_plan(family))
    assert copy.situations[0].agreements[0].kept_on == D(2025, 2, 20)


def test_analysis_and_tegenspraak_by_a_gw_only(family, actors, gw):
    analysis = services.analysis_record(actor=actors["consulent"], trajectory=family, made_on=D(2025, 2, 5),
                                        facts="Drie meldingen van school", hypotheses="Stress door schulden",
                                        made_with_family=True)
    assert analysis.number == 1
    with pytest.raises(RuleViolation) as info:
        services.analysis_challenge(actor=actors["consulent"], analysis=analysis, on=D(2025, 2, 6),
                                    challenge="Is het echt de schuld?")
    assert info.value.code == "right_analysis_challenge"
    challenge = services.analysis_challenge(actor=gw, analysis=analysis, on=D(2025, 2, 6),
                                            challenge="Welke andere verklaring past bij de feiten?")
    services.analysis_challenge_respond(actor=actors["consulent"], challenge=challenge, responded_on=D(2025, 2, 8),
                                        response="We nemen ook het slaaptekort van moeder mee.")
    challenge.refresh_from_db()
    assert challenge.challenger == gw and challenge.responded_by == actors["consulent"]
    second = services.analysis_record(actor=actors["consulent"], trajectory=family, made_on=D(2025, 2, 9),
                                      facts="Idem")
    assert second.number == 2


def test_meeting_produces_a_plan_version(family, actors, plan_data, partner_on_team):
    data = MeetingData(held_on=D(2025, 2, 12), professionals=[actors["consulent"], partner_on_team],
                       network_present="Oma Truus", expert=actors["expert"], decisions="Plan afgesproken")
    meeting = services.meeting_record(actor=actors["consulent"], trajectory=family, data=data, plan=plan_data)
    version = current_plan(family)
    assert version.agreed_in == meeting and version.dated_on == D(2025, 2, 12)
    assert set(meeting.professionals.all()) == {actors["consulent"], partner_on_team}


def test_meeting_needs_an_expert_or_a_reason(family, actors):
    data = MeetingData(held_on=D(2025, 2, 12), decisions="Besproken")
    with pytest.raises(RuleViolation) as info:
        services.meeting_record(actor=actors["consulent"], trajectory=family, data=data)
    assert info.value.code == "meeting_no_expert"
    with pytest.raises(RuleViolation) as info:
        services.meeting_record(actor=actors["consulent"], trajectory=family,
                                data=replace(data, expert=actors["partner"]))
    assert info.value.code == "expert_role"
    meeting = services.meeting_record(actor=actors["consulent"], trajectory=family,
                                      data=replace(data, no_expert_reason="Afgemeld wegens ziekte"))
    assert meeting.expert is None and NetworkMeeting.objects.count() == 1


def test_meeting_with_a_bad_plan_saves_nothing(family, actors):
    bad = make_plan()
    bad.situations[0].conditions = []
    data = MeetingData(held_on=D(2025, 2, 12), expert=actors["expert"], decisions="Plan")
    with pytest.raises(RuleViolation):
        services.meeting_record(actor=actors["consulent"], trajectory=family, data=data, plan=bad)
    assert not NetworkMeeting.objects.exists() and not PlanVersion.objects.exists()
