"""Reads for the resident portal. Every query starts from the signed-in member's own household, so another
household's rows simply do not exist here (404). Withheld journal entries are never loaded with content: only
their count and reason (domain §5: everything recorded is visible to residents unless a reason keeps it back).
"""
from collections import Counter
from dataclasses import dataclass

from django.db.models import Prefetch, Q, QuerySet
from django.http import Http404

from tandem.audit.models import AuditEvent
from tandem.cases.models import (
    Consent,
    ConsentRequest,
    ConsentRequestStatus,
    JournalEntry,
    LeadPeriod,
    Member,
    TeamMembership,
    Trajectory,
)
from tandem.portal.models import CorrectionRequest, ResidentView
from tandem.safetyplan.models import PlanVersion, UnsafeSituation

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


def _own_or_shared(member: Member) -> Q:
    """A resident's own words are theirs; the rest of the household sees them only when shared
    (tandem.cases.rules.family.own_words_visible_to_member)."""
    return Q(member=member) | Q(shared=True)


def _words_prefetches(member: Member) -> list[Prefetch]:
    return [Prefetch("resident_views", queryset=ResidentView.objects.filter(_own_or_shared(member))
                     .select_related("member")),
            Prefetch("correction_requests", queryset=CorrectionRequest.objects.filter(_own_or_shared(member)))]


def visible_entries(member: Member) -> QuerySet[JournalEntry]:
    """Entries open to this member: not withheld from the household, not kept from this member."""
    return (JournalEntry.objects.filter(trajectory__household_id=member.household_id, withheld_reason="")
            .exclude(hidden_from=member)
            .select_related("author").prefetch_related(*_words_prefetches(member)))


def withheld_summary(member: Member) -> list[tuple[str, int]]:
    """How often something is kept from the household, per stated reason; and, without its reason (which could
    itself tell too much), how often something is kept from this member. Never the content."""
    entries = JournalEntry.objects.filter(trajectory__household_id=member.household_id)
    reasons = entries.exclude(withheld_reason="").values_list("withheld_reason", flat=True)
    summary = sorted(Counter(reasons).items(), key=lambda item: -item[1])
    hidden = entries.filter(withheld_reason="", hidden_from=member).count()
    if hidden:
        summary.append(("niet voor u zichtbaar; vraag uw hulpverlener waarom", hidden))
    return summary


def visible_entry(member: Member, entry_id) -> JournalEntry:
    entry = visible_entries(member).filter(pk=entry_id).first()
    if entry is None:
        raise Http404("Dit kunnen wij niet vinden.")
    return entry


def plan_versions(member: Member) -> QuerySet[PlanVersion]:
    """Every version of the safety plans of this household, newest first. The plan is the family's too."""
    situations = UnsafeSituation.objects.exclude(hidden_from=member).prefetch_related("conditions", "agreements")
    return (PlanVersion.objects.filter(plan__trajectory__household_id=member.household_id)
            .select_related("plan__trajectory", "created_by", "agreed_in")
            .prefetch_related(Prefetch("situations", queryset=situations), "scores", *_words_prefetches(member))
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


def open_consent_requests(member: Member) -> QuerySet[ConsentRequest]:
    """Partners' questions for consent in this household, not yet answered."""
    return (ConsentRequest.objects.filter(trajectory__household_id=member.household_id, trajectory__closed_on=None,
                                          status=ConsentRequestStatus.OPEN)
            .select_related("organisation").order_by("requested_on", "id"))


def open_consent_request(member: Member, request_id) -> ConsentRequest:
    request = open_consent_requests(member).filter(pk=request_id).first()
    if request is None:
        raise Http404("Dit kunnen wij niet vinden.")
    return request


def consent_organisations(member: Member) -> list:
    """Organisations the member can give consent to in the portal: those on the family's team now (the
    local team itself needs none)."""
    trajectory = current_trajectory(member)
    if trajectory is None or not trajectory.is_open:
        return []
    team, _ = team_of(trajectory)
    seen, organisations = set(), []
    for membership in team:
        org = membership.organisation
        if org.pk not in seen and org.kind != "local_team":
            seen.add(org.pk)
            organisations.append(org)
    return organisations
