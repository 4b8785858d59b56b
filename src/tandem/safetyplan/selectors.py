"""Reads of the safety plan, the analysis and the meetings. Need-to-know stays in tandem.cases.selectors:
callers pass trajectories the person may see (views check `access_for` first)."""
import datetime as dt
from dataclasses import dataclass

from django.db.models import Exists, OuterRef, Prefetch, Q, QuerySet
from django.utils import timezone

from tandem.cases.models import Trajectory
from tandem.cases.selectors import trajectories_visible_to
from tandem.safetyplan.models import (
    ExplanatoryAnalysis,
    NetworkMeeting,
    PlanVersion,
    SafetyAgreement,
    UnsafeSituation,
)
from tandem.safetyplan.services import AgreementData, PlanData, ScoreData, SituationData

SITUATIONS = Prefetch("situations", queryset=UnsafeSituation.objects.prefetch_related("conditions", "agreements"))


def _versions(trajectory) -> QuerySet[PlanVersion]:
    return PlanVersion.objects.filter(plan__trajectory=trajectory).order_by("-number")


def current_plan(trajectory) -> PlanVersion | None:
    """The newest version with everything it holds, or None when there is no plan yet."""
    return (_versions(trajectory).select_related("created_by", "agreed_in")
            .prefetch_related(SITUATIONS, "scores").first())


def plan_version(trajectory, number: int) -> PlanVersion | None:
    return (_versions(trajectory).filter(number=number).select_related("created_by", "agreed_in")
            .prefetch_related(SITUATIONS, "scores").first())


def plan_history(trajectory) -> list[PlanVersion]:
    """Every version, newest first, with who made it and where it was agreed."""
    return list(_versions(trajectory).select_related("created_by", "agreed_in"))


def plan_data_of(version: PlanVersion | None, *, dated_on: dt.date | None = None) -> PlanData | None:
    """A copy of a version's content, as the start of the next version. Kept agreements stay kept."""
    if version is None:
        return None
    situations = [SituationData(
        rank=s.rank, in_family_words=s.in_family_words, in_professional_words=s.in_professional_words,
        conditions=[c.text for c in s.conditions.all()],
        agreements=[AgreementData(who=a.who, what=a.what, due_on=a.due_on, if_not_kept=a.if_not_kept,
                                  kept_on=a.kept_on) for a in s.agreements.all()],
        hidden_from=list(s.hidden_from.all()), hidden_reason=s.hidden_reason,
    ) for s in version.situations.all()]
    scores = [ScoreData(participant=s.participant, participant_kind=s.participant_kind, score=s.score,
                        explanation=s.explanation, member=s.member, user=s.user) for s in version.scores.all()]
    return PlanData(phase=version.phase, dated_on=dated_on or version.dated_on, evaluation_on=version.evaluation_on,
                    monitored_by=version.monitored_by, roles=version.roles, situations=situations, scores=scores)


@dataclass(frozen=True)
class Spread:
    """The scores side by side: lowest, highest and the distance between them. Never an average."""

    lowest: int
    highest: int

    @property
    def gap(self) -> int:
        return self.highest - self.lowest

    @property
    def disagree(self) -> bool:
        return self.gap >= 2


def spread(scores) -> Spread | None:
    values = [s.score for s in scores]
    return Spread(min(values), max(values)) if values else None


def is_overdue(agreement: SafetyAgreement, today: dt.date) -> bool:
    return agreement.kept_on is None and agreement.due_on < today


# --- overdue items for 'Mijn gezinnen' -----------------------------------------------------------------------

@dataclass(frozen=True)
class OverdueItem:
    household_id: str
    trajectory_id: str
    kind: str  # "agreement" or "evaluation"
    text: str
    due_on: dt.date


def _my_open_trajectories(user, today) -> QuerySet[Trajectory]:
    mine = (Q(team__professional=user) & (Q(team__left_on__isnull=True) | Q(team__left_on__gte=today))) | Q(
        lead_periods__professional=user, lead_periods__end__isnull=True)
    ids = Trajectory.objects.filter(mine).values("id")
    return trajectories_visible_to(user).filter(id__in=ids, closed_on__isnull=True)


def _current_versions(trajectories) -> QuerySet[PlanVersion]:
    newer = PlanVersion.objects.filter(plan=OuterRef("plan"), number__gt=OuterRef("number"))
    return PlanVersion.objects.filter(plan__trajectory__in=trajectories).exclude(Exists(newer))


def overdue_for(user, today: dt.date | None = None) -> list[OverdueItem]:
    """Agreements of the current plan versions past their date and not kept, and evaluation dates passed, in open
    trajectories this person may see and where they are on the team or hold the lead. Oldest first."""
    today = today or timezone.localdate()
    versions = _current_versions(_my_open_trajectories(user, today))
    agreements = (SafetyAgreement.objects.filter(situation__version__in=versions, kept_on__isnull=True,
                                                 due_on__lt=today)
                  .select_related("situation__version__plan__trajectory"))
    items = [OverdueItem(str(a.situation.version.plan.trajectory.household_id),
                         str(a.situation.version.plan.trajectory_id), "agreement", f"{a.who}: {a.what}", a.due_on)
             for a in agreements]
    for v in versions.filter(evaluation_on__lt=today).select_related("plan__trajectory"):
        items.append(OverdueItem(str(v.plan.trajectory.household_id), str(v.plan.trajectory_id), "evaluation",
                                 f"Evaluatie van het veiligheidsplan (versie {v.number})", v.evaluation_on))
    return sorted(items, key=lambda i: (i.due_on, i.text))


# --- the household page --------------------------------------------------------------------------------------

@dataclass
class HouseholdSummary:
    version: PlanVersion | None
    situations: list
    overdue: list
    evaluation_passed: bool
    analysis: ExplanatoryAnalysis | None
    meetings: int


def household_summary(trajectory, today: dt.date | None = None) -> HouseholdSummary:
    """What the household page shows of the plan: four small queries per trajectory."""
    today = today or timezone.localdate()
    version = _versions(trajectory).prefetch_related(
        Prefetch("situations", queryset=UnsafeSituation.objects.prefetch_related("agreements"))).first()
    situations = list(version.situations.all()) if version else []
    overdue = [a for s in situations for a in s.agreements.all() if is_overdue(a, today)]
    analysis = ExplanatoryAnalysis.objects.filter(trajectory=trajectory).order_by("-number").first()
    return HouseholdSummary(version=version, situations=situations, overdue=overdue,
                            evaluation_passed=bool(version and version.evaluation_on < today),
                            analysis=analysis, meetings=NetworkMeeting.objects.filter(trajectory=trajectory).count())


def analyses(trajectory) -> list[ExplanatoryAnalysis]:
    return list(ExplanatoryAnalysis.objects.filter(trajectory=trajectory).order_by("-number")
                .select_related("created_by").prefetch_related("challenges__challenger", "challenges__responded_by"))


def meetings(trajectory) -> list[NetworkMeeting]:
    return list(NetworkMeeting.objects.filter(trajectory=trajectory).select_related("expert")
                .prefetch_related("professionals", "plan_versions"))



def open_agreements_count(trajectory) -> int:
    """Agreements of the current plan version not yet kept (shown before a trajectory closes)."""
    version = current_plan(trajectory)
    if version is None:
        return 0
    return SafetyAgreement.objects.filter(situation__version=version, kept_on__isnull=True).count()


# --- what an expert by experience sees (issue "Tandem 5": the agreements that concern them, their meetings) ----

def _concerns(agreement: SafetyAgreement, expert) -> bool:
    """An agreement concerns the expert when its 'who' names them or the expert by experience as such."""
    who = agreement.who.lower()
    names = [expert.get_full_name().lower(), expert.first_name.lower()]
    return "ervaringsdeskundige" in who or any(n and n in who for n in names)


def agreements_of_expert(trajectory, expert) -> list[SafetyAgreement]:
    version = current_plan(trajectory)
    if version is None:
        return []
    agreements = SafetyAgreement.objects.filter(situation__version=version).select_related("situation")
    return [a for a in agreements if _concerns(a, expert)]


def meetings_of_expert(trajectory, expert) -> list[NetworkMeeting]:
    return list(NetworkMeeting.objects.filter(trajectory=trajectory, expert=expert).order_by("-held_on"))
