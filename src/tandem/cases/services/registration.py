"""Registration, members, triage, closure and registering again (domain §4 steps 1, 2 and 8)."""
import datetime as dt
from dataclasses import dataclass

from django.db import transaction
from django.db.models import Max

from tandem.audit.services import audit_record
from tandem.cases import rules
from tandem.cases.models import (
    Household,
    LeadPeriod,
    Member,
    TeamMembership,
    TimeEntry,
    Trajectory,
    TriageDecision,
)
from tandem.cases.selectors import LOCAL_TEAM_ROLES
from tandem.cases.services.base import begin_change, check_in_trajectory, log_change, today
from tandem.core import changes
from tandem.core.exceptions import NotPermitted, RuleViolation
from tandem.organisations.models import OrganisationKind


@dataclass
class MemberData:
    given_names: str
    family_name: str
    prefix: str = ""
    birth_date: dt.date | None = None
    minor: bool | None = None
    bsn: str = ""
    is_network: bool = False
    relation: str = ""
    ref: str = ""


def _require_local_team(actor, site) -> None:
    """Only the local team of the site registers households there (the dossier belongs to the municipality)."""
    if actor is None:
        return
    org = actor.organisation
    if not (org and org.kind == OrganisationKind.LOCAL_TEAM and org.site_id == site.pk
            and actor.role in LOCAL_TEAM_ROLES):
        raise NotPermitted("Alleen het lokale team van deze toekomsttuin kan hier een gezin aanmelden.")


def _check_member(data: MemberData) -> None:
    if not data.given_names.strip() or not data.family_name.strip():
        raise RuleViolation("name_missing", "Vul de voornaam en de achternaam in.", field="family_name")
    rules.check_not_future(data.birth_date, today(), "geboortedatum")
    if not data.is_network:
        rules.check_member_age_known(data.birth_date, data.minor)
    rules.check_bsn(data.bsn)


def _create_member(household: Household, data: MemberData) -> Member:
    _check_member(data)
    return Member.objects.create(household=household, **data.__dict__)


def _start_trajectory(household, *, registered_on, measure_considered, reason, lead, ref) -> Trajectory:
    rules.check_not_future(registered_on, today(), "datum van aanmelding")
    trajectory = Trajectory.objects.create(household=household, site_id=household.site_id,
                                           registered_on=registered_on, measure_considered=measure_considered,
                                           reason=reason, ref=ref)
    if lead is not None:
        LeadPeriod.objects.create(trajectory=trajectory, professional=lead, start=registered_on)
        TeamMembership.objects.create(trajectory=trajectory, professional=lead, organisation=lead.organisation,
                                      role_in_team="vast contactpersoon", joined_on=registered_on)
    return trajectory


@transaction.atomic
def household_register(*, actor, site, members: list[MemberData], registered_on: dt.date,
                       measure_considered: bool, reason: str = "", lead=None, ref: str = "",
                       trajectory_ref: str = "") -> Trajectory:
    """Register a new household with its members and open its first trajectory."""
    _require_local_team(actor, site)
    if not any(not m.is_network for m in members):
        raise RuleViolation("no_members", "Vul ten minste één gezinslid in.", field="members")
    household = Household.objects.create(site=site, ref=ref)
    changes.changing(household.id)
    for data in members:
        _create_member(household, data)
    trajectory = _start_trajectory(household, registered_on=registered_on, measure_considered=measure_considered,
                                   reason=reason, lead=lead or actor, ref=trajectory_ref)
    changes.changed(household.id)
    audit_record(actor=actor, action="household_register", household_id=household.id, obj=trajectory,
                 purpose="aanmelding", detail={"members": len(members)})
    return trajectory


@transaction.atomic
def member_add(*, actor, household: Household, data: MemberData, expected_version: int | None = None) -> Member:
    """Add a member or network person to the household (recorded on its latest trajectory)."""
    trajectory = household.trajectories.order_by("-registered_on").first()
    begin_change(actor, trajectory, expected_version, open_only=False)
    member = _create_member(household, data)
    log_change(actor, "member_add", trajectory, member)
    return member


@transaction.atomic
def trajectory_register(*, actor, household: Household, registered_on: dt.date, measure_considered: bool,
                        reason: str = "", lead=None, ref: str = "") -> Trajectory:
    """Register a household again after an earlier trajectory closed."""
    _require_local_team(actor, household.site)
    Household.objects.select_for_update().get(pk=household.pk)
    changes.changing(household.pk)
    rules.check_single_open_trajectory(household.trajectories.filter(closed_on__isnull=True).exists())
    last = household.trajectories.order_by("-closed_on").first()
    if last is not None:
        rules.check_on_or_after(registered_on, last.closed_on, "nieuwe aanmelding", "de vorige afsluiting")
    trajectory = _start_trajectory(household, registered_on=registered_on, measure_considered=measure_considered,
                                   reason=reason, lead=lead or actor, ref=ref)
    log_change(actor, "trajectory_register", trajectory, trajectory)
    return trajectory


@transaction.atomic
def triage_record(*, actor, trajectory: Trajectory, kind: str, decided_on: dt.date, outcome: str,
                  participants: str, notes: str = "", expected_version: int | None = None) -> TriageDecision:
    """Record a joint triage decision about access to or exit from the toekomsttuin."""
    fresh = begin_change(actor, trajectory, expected_version)
    check_in_trajectory(decided_on, fresh, "datum van de triage")
    if not participants.strip():
        raise RuleViolation("participants_missing", "Vul in wie aan de triage deelnamen.", field="participants")
    decision = TriageDecision.objects.create(trajectory=fresh, kind=kind, decided_on=decided_on, outcome=outcome,
                                             participants=participants, notes=notes, recorded_by=actor)
    log_change(actor, "triage_record", fresh, decision, kind=kind, outcome=outcome)
    return decision


# Every date recorded in a trajectory (a withdrawal of consent may still follow the closure).
_RECORDED_DATES = {"lead_periods": ("start",), "team": ("joined_on", "left_on"), "involvements": ("start", "end"),
                   "reports": ("on",), "measures": ("on",), "triage_decisions": ("decided_on",),
                   "consents": ("given_on",), "expert_contacts": ("on",)}


def _check_nothing_after(trajectory: Trajectory, closed_on: dt.date) -> None:
    """A trajectory cannot close before something that happened in it (a report, a join, hours worked, ...)."""
    dates = []
    for related, fields in _RECORDED_DATES.items():
        dates += getattr(trajectory, related).aggregate(**{f: Max(f) for f in fields}).values()
    dates.append(TimeEntry.objects.filter(involvement__trajectory=trajectory).aggregate(d=Max("on"))["d"])
    dates = [d for d in dates if d is not None]
    if dates:
        rules.check_on_or_after(closed_on, max(dates), "afsluitdatum", "de laatste registratie in dit traject")


@transaction.atomic
def trajectory_close(*, actor, trajectory: Trajectory, closed_on: dt.date, end_evaluation: str,
                     expected_version: int | None = None) -> Trajectory:
    """Close a trajectory: the lead period, team memberships and open involvements end on that day."""
    fresh = begin_change(actor, trajectory, expected_version)
    rules.check_not_future(closed_on, today(), "afsluitdatum")
    rules.check_closure_after_registration(fresh.registered_on, closed_on)
    _check_nothing_after(fresh, closed_on)
    fresh.closed_on, fresh.end_evaluation = closed_on, end_evaluation
    fresh.save(update_fields=["closed_on", "end_evaluation"])
    fresh.lead_periods.filter(end__isnull=True).update(end=closed_on)
    fresh.team.filter(left_on__isnull=True).update(left_on=closed_on)
    fresh.involvements.filter(end__isnull=True).update(end=closed_on)
    log_change(actor, "trajectory_close", fresh, fresh)
    trajectory.closed_on, trajectory.end_evaluation = closed_on, end_evaluation
    return fresh
