"""`tandem demo` gives the demo families safety plans, made through the safety plan services."""
from collections import Counter

import pytest
from django.core.management import call_command

from tandem.audit.models import AuditEvent
from tandem.cases.models import TeamMembership
from tandem.organisations.models import User
from tandem.safetyplan.models import (
    AnalysisChallenge,
    ExplanatoryAnalysis,
    NetworkMeeting,
    Phase,
    PlanVersion,
    SafetyAgreement,
    SafetyPlan,
    ScaleScore,
    UnsafeSituation,
)
from tandem.safetyplan.selectors import overdue_for

MODELS = (SafetyPlan, PlanVersion, UnsafeSituation, SafetyAgreement, ScaleScore, NetworkMeeting,
          ExplanatoryAnalysis, AnalysisChallenge, TeamMembership, AuditEvent)


def counts() -> Counter:
    return Counter({m.__name__: m.objects.count() for m in MODELS})


@pytest.mark.django_db
def test_demo_families_have_safety_plans_with_a_top_3():
    call_command("demo")
    plans = SafetyPlan.objects.select_related("trajectory")
    assert 12 <= plans.count() <= 20
    assert plans.filter(trajectory__closed_on__isnull=True).count() >= 10
    assert plans.filter(trajectory__closed_on__isnull=False).exists()
    for version in PlanVersion.objects.prefetch_related("situations__conditions", "situations__agreements"):
        situations = list(version.situations.all())
        assert [s.rank for s in situations] == [1, 2, 3]
        assert all(s.in_family_words and s.in_professional_words for s in situations)
        assert all(s.conditions.all() and s.agreements.all() for s in situations)
        assert version.monitored_by and version.roles and version.evaluation_on >= version.dated_on
    assert {v.phase for v in PlanVersion.objects.all()} == set(Phase.values)
    assert PlanVersion.objects.filter(number=2).exists()  # a second version later
    assert PlanVersion.objects.filter(signed_off_on__isnull=False).exists()
    assert PlanVersion.objects.exclude(sign_off_refused_reason="").exists()
    assert PlanVersion.objects.filter(agreed_in__isnull=False).exists()
    family = ScaleScore.objects.filter(participant_kind="family")
    assert family.exists() and ScaleScore.objects.filter(participant_kind="professional").exists()


@pytest.mark.django_db
def test_demo_meetings_experts_overdue_agreements_and_tegenspraak():
    call_command("demo")
    assert NetworkMeeting.objects.filter(expert__isnull=False).exists()
    without = NetworkMeeting.objects.filter(expert__isnull=True)
    assert without.exists() and all(m.no_expert_reason.strip() for m in without)
    assert SafetyAgreement.objects.filter(kept_on__isnull=False).exists()
    late = [item for u in User.objects.filter(role="consulent") for item in overdue_for(u)]
    assert {item.kind for item in late} == {"agreement", "evaluation"}  # shown under "Te laat" on Mijn gezinnen
    challenges = AnalysisChallenge.objects.exclude(response="")
    assert {c.challenger.ref for c in challenges} == {"marieke.degroot", "thomas.brouwer"}
    assert all(c.challenger.role == "gedragswetenschapper" for c in challenges)


@pytest.mark.django_db
def test_demo_twice_adds_no_plans():
    call_command("demo")
    before = counts()
    call_command("demo")
    assert counts() == before
