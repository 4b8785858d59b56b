"""Every change of the safety plan, the explanatory analysis and the network meetings, one function each.

House style (docs/services-contract.md): keyword-only arguments, one transaction, permission + lock + version
check through `tandem.cases.services.base.begin_change`, guardrails from `tandem.safetyplan.rules`, one entry in
the access log through `log_change`. A plan version is never edited: a change is a new version, made from a
copy of the previous one (`tandem.safetyplan.selectors.plan_data_of`) with the edits applied.
"""
import datetime as dt
from dataclasses import dataclass, field, replace

from django.db import transaction
from django.db.models import Max

from tandem.cases.models import Trajectory
from tandem.cases.rules.rights import Action
from tandem.cases.services.base import (
    begin_change,
    check_in_trajectory,
    facts,
    log_change,
    today,
)
from tandem.cases.rules.family import check_hide_reason
from tandem.core.exceptions import RuleViolation
from tandem.safetyplan import rules
from tandem.safetyplan.models import (
    AnalysisChallenge,
    ExplanatoryAnalysis,
    MeetingKind,
    NetworkMeeting,
    ParticipantKind,
    Phase,
    PlanVersion,
    SafetyAgreement,
    SafetyCondition,
    SafetyPlan,
    ScaleScore,
    UnsafeSituation,
)


@dataclass
class AgreementData:
    who: str
    what: str
    due_on: dt.date | None
    if_not_kept: str = ""
    kept_on: dt.date | None = None


@dataclass
class SituationData:
    rank: int
    in_family_words: str
    in_professional_words: str = ""
    conditions: list[str] = field(default_factory=list)
    agreements: list[AgreementData] = field(default_factory=list)
    hidden_from: list = field(default_factory=list)  # household members who may not see this part
    hidden_reason: str = ""


@dataclass
class ScoreData:
    participant: str
    participant_kind: str
    score: int
    explanation: str = ""
    member: object = None
    user: object = None


@dataclass
class PlanData:
    phase: str
    dated_on: dt.date
    evaluation_on: dt.date | None
    monitored_by: str = ""
    roles: str = ""
    situations: list[SituationData] = field(default_factory=list)
    scores: list[ScoreData] = field(default_factory=list)


@dataclass
class MeetingData:
    held_on: dt.date
    kind: str = MeetingKind.NETWORK
    professionals: list = field(default_factory=list)
    network_present: str = ""
    family_present: bool = True
    expert: object = None
    no_expert_reason: str = ""
    decisions: str = ""


# --- the plan ------------------------------------------------------------------------------------------------

def _check_score(data: ScoreData) -> None:
    rules.check_score_participant(data.participant)
    rules.check_score(data.score)
    if data.participant_kind not in ParticipantKind.values:
        raise RuleViolation("score_kind", "Kies namens wie het cijfer is: gezin, netwerk of professional.",
                            field="participant_kind")


def _check_plan(data: PlanData, trajectory: Trajectory) -> None:
    if data.phase not in Phase.values:
        raise RuleViolation("phase", "Kies de fase van het plan.", field="phase")
    check_in_trajectory(data.dated_on, trajectory, "datum van het plan")
    rules.check_evaluation_date(data.dated_on, data.evaluation_on)
    rules.check_monitor_named(data.monitored_by)
    rules.check_situation_ranks([s.rank for s in data.situations])
    for situation in data.situations:
        rules.check_situation_complete(situation.rank, situation.in_family_words,
                                       len([c for c in situation.conditions if c.strip()]),
                                       len(situation.agreements))
        for agreement in situation.agreements:
            rules.check_agreement(agreement.who, agreement.what, agreement.due_on)
        _check_hidden(situation, trajectory)
    for score in data.scores:
        _check_score(score)


def _check_hidden(situation: SituationData, trajectory: Trajectory) -> None:
    """A part kept from named members of this household, with the reason (tandem.cases.rules.family)."""
    if not situation.hidden_from:
        return
    if any(m.household_id != trajectory.household_id or m.is_network for m in situation.hidden_from):
        raise RuleViolation("hide_not_member", "Kies gezinsleden van dit gezin.", field="hidden_from")
    check_hide_reason(situation.hidden_reason)


def _create_situation(version: PlanVersion, data: SituationData) -> None:
    situation = UnsafeSituation.objects.create(version=version, rank=data.rank, in_family_words=data.in_family_words,
                                               in_professional_words=data.in_professional_words,
                                               hidden_reason=data.hidden_reason.strip() if data.hidden_from else "")
    if data.hidden_from:
        situation.hidden_from.set(data.hidden_from)
    SafetyCondition.objects.bulk_create(SafetyCondition(situation=situation, text=c) for c in data.conditions
                                        if c.strip())
    SafetyAgreement.objects.bulk_create(
        SafetyAgreement(situation=situation, who=a.who, what=a.what, due_on=a.due_on, if_not_kept=a.if_not_kept,
                        kept_on=a.kept_on) for a in data.agreements)


def _create_score(version: PlanVersion, data: ScoreData) -> ScaleScore:
    return ScaleScore.objects.create(version=version, participant=data.participant,
                                     participant_kind=data.participant_kind, score=data.score,
                                     explanation=data.explanation, member=data.member, user=data.user)


def _create_version(actor, trajectory: Trajectory, data: PlanData, agreed_in=None) -> PlanVersion:
    """Write a new version (checks done, trajectory locked by the caller)."""
    _check_plan(data, trajectory)
    plan, _ = SafetyPlan.objects.get_or_create(trajectory=trajectory)
    number = (plan.versions.aggregate(n=Max("number"))["n"] or 0) + 1
    version = PlanVersion.objects.create(
        plan=plan, number=number, dated_on=data.dated_on, phase=data.phase, created_by=actor,
        evaluation_on=data.evaluation_on, monitored_by=data.monitored_by, roles=data.roles, agreed_in=agreed_in)
    for situation in sorted(data.situations, key=lambda s: s.rank):
        _create_situation(version, situation)
    for score in data.scores:
        _create_score(version, score)
    log_change(actor, "plan_version_create", trajectory, version, number=number, phase=data.phase)
    return version


@transaction.atomic
def plan_version_create(*, actor, trajectory: Trajectory, data: PlanData, agreed_in: NetworkMeeting | None = None,
                        expected_version: int | None = None) -> PlanVersion:
    """A new version of the trajectory's one safety plan (the first version creates the plan)."""
    fresh = begin_change(actor, trajectory, expected_version, action=Action.PLAN_VERSION)
    if agreed_in is not None and agreed_in.trajectory_id != fresh.pk:
        raise RuleViolation("meeting_other_trajectory", "Dit overleg hoort bij een ander traject.")
    return _create_version(actor, fresh, data, agreed_in)


def _version_trajectory(version: PlanVersion) -> Trajectory:
    return Trajectory.objects.get(safety_plan__versions=version)


@transaction.atomic
def plan_version_sign_off(*, actor, version: PlanVersion, signed_off_on: dt.date | None = None,
                          refused_reason: str = "", expected_version: int | None = None) -> PlanVersion:
    """Record that the household signed this version (a date), or why it did not (a reason)."""
    fresh = begin_change(actor, _version_trajectory(version), expected_version, action=Action.PLAN_SIGN_OFF)
    version = PlanVersion.objects.select_for_update().get(pk=version.pk)
    rules.check_not_yet_signed(version.sign_off_settled)
    rules.check_sign_off(version.dated_on, signed_off_on, refused_reason, today())
    version.signed_off_on = signed_off_on
    version.sign_off_refused_reason = refused_reason.strip()
    version.save(update_fields=["signed_off_on", "sign_off_refused_reason"])
    log_change(actor, "plan_version_sign_off", fresh, version, signed=signed_off_on is not None)
    return version


@transaction.atomic
def agreement_mark_kept(*, actor, agreement: SafetyAgreement, kept_on: dt.date,
                        expected_version: int | None = None) -> SafetyAgreement:
    """Record that a safety agreement was kept (it then no longer shows as overdue)."""
    trajectory = Trajectory.objects.get(safety_plan__versions__situations__agreements=agreement)
    fresh = begin_change(actor, trajectory, expected_version, action=Action.AGREEMENT_KEPT)
    agreement = SafetyAgreement.objects.select_related("situation__version").get(pk=agreement.pk)
    check_in_trajectory(kept_on, fresh, "datum van nakomen")
    agreement.kept_on = kept_on
    agreement.save(update_fields=["kept_on"])
    log_change(actor, "agreement_mark_kept", fresh, agreement)
    return agreement


@transaction.atomic
def scale_score_record(*, actor, version: PlanVersion, data: ScoreData,
                       expected_version: int | None = None) -> ScaleScore:
    """Add one participant's score to a version (e.g. the family's own score, given later). Scores stand side by
    side: a new score never replaces or averages another one."""
    own = actor is not None and data.participant_kind == ParticipantKind.PROFESSIONAL and data.user == actor
    fresh = begin_change(actor, _version_trajectory(version), expected_version, action=Action.SCALE_SCORE,
                         given=facts(own_score=own))
    _check_score(data)
    score = _create_score(version, data)
    log_change(actor, "scale_score_record", fresh, score, kind=data.participant_kind)
    return score


# --- the explanatory analysis --------------------------------------------------------------------------------

@transaction.atomic
def analysis_record(*, actor, trajectory: Trajectory, made_on: dt.date, facts: str, risk_factors: str = "",
                    protective_factors: str = "", patterns: str = "", hypotheses: str = "",
                    made_with_family: bool = False, expected_version: int | None = None) -> ExplanatoryAnalysis:
    """A new version of the explanatory analysis (verklarende analyse)."""
    fresh = begin_change(actor, trajectory, expected_version, action=Action.ANALYSIS_RECORD)
    check_in_trajectory(made_on, fresh, "datum van de analyse")
    rules.check_analysis_facts(facts)
    number = (ExplanatoryAnalysis.objects.filter(trajectory=fresh).aggregate(n=Max("number"))["n"] or 0) + 1
    analysis = ExplanatoryAnalysis.objects.create(
        trajectory=fresh, number=number, made_on=made_on, facts=facts, risk_factors=risk_factors,
        protective_factors=protective_factors, patterns=patterns, hypotheses=hypotheses,
        made_with_family=made_with_family, created_by=actor)
    log_change(actor, "analysis_record", fresh, analysis, number=number, with_family=made_with_family)
    return analysis


@transaction.atomic
def analysis_challenge(*, actor, analysis: ExplanatoryAnalysis, on: dt.date, challenge: str,
                       expected_version: int | None = None) -> AnalysisChallenge:
    """Tegenspraak on an analysis, by a gedragswetenschapper with edit access to the dossier."""
    fresh = begin_change(actor, analysis.trajectory, expected_version, action=Action.ANALYSIS_CHALLENGE,
                         given=facts(gedragswetenschapper=getattr(actor, "role", "") == "gedragswetenschapper"))
    rules.check_challenger(getattr(actor, "role", ""))
    check_in_trajectory(on, fresh, "datum van de tegenspraak")
    rules.check_text(challenge, "challenge_missing", "Schrijf de tegenspraak op.", "challenge")
    item = AnalysisChallenge.objects.create(analysis=analysis, challenger=actor, on=on, challenge=challenge)
    log_change(actor, "analysis_challenge", fresh, item)
    return item


@transaction.atomic
def analysis_challenge_respond(*, actor, challenge: AnalysisChallenge, response: str, responded_on: dt.date,
                               expected_version: int | None = None) -> AnalysisChallenge:
    """Record the team's response to a challenge."""
    fresh = begin_change(actor, challenge.analysis.trajectory, expected_version, action=Action.ANALYSIS_RESPOND)
    check_in_trajectory(responded_on, fresh, "datum van de reactie")
    rules.check_on_or_after_challenge(responded_on, challenge.on)
    rules.check_text(response, "response_missing", "Schrijf de reactie van het team op.", "response")
    challenge.response, challenge.responded_on, challenge.responded_by = response, responded_on, actor
    challenge.save(update_fields=["response", "responded_on", "responded_by"])
    log_change(actor, "analysis_challenge_respond", fresh, challenge)
    return challenge


# --- network meetings ----------------------------------------------------------------------------------------

def _check_meeting(data: MeetingData, trajectory: Trajectory) -> None:
    check_in_trajectory(data.held_on, trajectory, "datum van het overleg")
    rules.check_expert_or_reason(data.expert is not None, data.no_expert_reason)
    if data.expert is not None:
        rules.check_expert_role(data.expert.role)
    rules.check_text(data.decisions, "decisions_missing", "Schrijf op wat er is besloten.", "decisions")


@transaction.atomic
def meeting_record(*, actor, trajectory: Trajectory, data: MeetingData, plan: PlanData | None = None,
                   expected_version: int | None = None) -> NetworkMeeting:
    """A network meeting or triage; with `plan`, also the plan version agreed in it."""
    fresh = begin_change(actor, trajectory, expected_version, action=Action.MEETING_RECORD)
    _check_meeting(data, fresh)
    meeting = NetworkMeeting.objects.create(
        trajectory=fresh, kind=data.kind, held_on=data.held_on, network_present=data.network_present,
        family_present=data.family_present, expert=data.expert,
        no_expert_reason="" if data.expert else data.no_expert_reason.strip(), decisions=data.decisions,
        recorded_by=actor)
    meeting.professionals.set(data.professionals)
    log_change(actor, "meeting_record", fresh, meeting, expert=data.expert is not None)
    if plan is not None:
        _create_version(actor, fresh, replace(plan, dated_on=data.held_on), agreed_in=meeting)
    return meeting
