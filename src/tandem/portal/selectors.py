"""Reads for the resident portal. Every query starts from the signed-in member's own household, so another
household's rows simply do not exist here (404). Withheld journal entries are never loaded with content: only
their count and reason (domain §5: everything recorded is visible to residents unless a reason keeps it back).
"""
from collections import Counter
from dataclasses import dataclass

from django.db.models import Q, QuerySet
from django.http import Http404

from tandem.audit.models import AuditEvent
from tandem.cases.models import (
    Consent,
    JournalEntry,
    LeadPeriod,
    Member,
    TeamMembership,
    Trajectory,
)
from tandem.safetyplan.models import PlanVersion

RESIDENT_ROLE = "inwoner"


@dataclass(frozen=True)
class ResidentActor:
    """The resident as an actor in the access log. No user id (residents have no account); the log stores
    their role and the short code of their member record, never their name."""

    member: Member
    role: str = RESIDENT_ROLE
    organisation: None = None

    @property
    def pk(self):
        return None

    def __str__(self) -> str:
        return f"Inwoner (gezinslid {str(self.member.pk)[:8]})"


def member_for_session(member_id) -> Member | None:
    if not member_id:
        return None
    return Member.objects.select_related("household").filter(pk=member_id, is_network=False).first()


def trajectories_of(member: Member) -> QuerySet[Trajectory]:
    return Trajectory.objects.filter(household_id=member.household_id).order_by("-registered_on")


def current_trajectory(member: Member) -> Trajectory | None:
    trajectories = list(trajectories_of(member))
    return next((t for t in trajectories if t.is_open), trajectories[0] if trajectories else None)


def team_of(trajectory: Trajectory) -> tuple[list[TeamMembership], LeadPeriod | None]:
    """Who is on the team now, and who rides in front (holds the lead)."""
    team = list(trajectory.team.filter(left_on__isnull=True).select_related("professional", "organisation"))
    lead = trajectory.lead_periods.filter(end__isnull=True).select_related("professional__organisation").first()
    return team, lead


def visible_entries(member: Member) -> QuerySet[JournalEntry]:
    return (JournalEntry.objects.filter(trajectory__household_id=member.household_id, withheld_reason="")
            .select_related("author").prefetch_related("resident_views__member", "correction_requests"))


def withheld_summary(member: Member) -> list[tuple[str, int]]:
    """How often something is kept from the household, per stated reason. Never the content."""
    reasons = (JournalEntry.objects.filter(trajectory__household_id=member.household_id)
               .exclude(withheld_reason="").values_list("withheld_reason", flat=True))
    return sorted(Counter(reasons).items(), key=lambda item: -item[1])


def visible_entry(member: Member, entry_id) -> JournalEntry:
    entry = visible_entries(member).filter(pk=entry_id).first()
    if entry is None:
        raise Http404("Dit kunnen wij niet vinden.")
    return entry


def plan_versions(member: Member) -> QuerySet[PlanVersion]:
    """Every version of the safety plans of this household, newest first. The plan is the family's too."""
    return (PlanVersion.objects.filter(plan__trajectory__household_id=member.household_id)
            .select_related("plan__trajectory", "created_by", "agreed_in")
            .prefetch_related("situations__conditions", "situations__agreements", "scores",
                              "resident_views__member", "correction_requests")
            .order_by("-plan__trajectory__registered_on", "-number"))


def plan_version(member: Member, version_id) -> PlanVersion:
    version = plan_versions(member).filter(pk=version_id).first()
    if version is None:
        raise Http404("Dit kunnen wij niet vinden.")
    return version


def own_consents(member: Member) -> QuerySet[Consent]:
    return (Consent.objects.filter(given_by=member, trajectory__household_id=member.household_id)
            .select_related("organisation", "trajectory").order_by("-given_on", "-id"))


def own_consent(member: Member, consent_id) -> Consent:
    consent = own_consents(member).filter(pk=consent_id).first()
    if consent is None:
        raise Http404("Dit kunnen wij niet vinden.")
    return consent


def access_log(member: Member, *, include_residents: bool) -> QuerySet[AuditEvent]:
    """Every time someone opened or changed this household's dossier, newest first."""
    events = AuditEvent.objects.filter(household_id=member.household_id).order_by("-id")
    if not include_residents:
        events = events.filter(~Q(actor_role=RESIDENT_ROLE))
    return events


def own_corrections(member: Member):
    return member.correction_requests.select_related("journal_entry", "plan_version").order_by("-created_at")
