"""Registration, members, triage, closure and registering again (domain §4 steps 1, 2 and 8)."""
import datetime as dt
from dataclasses import dataclass

from django.db import transaction

from tandem.audit.services import audit_record
from tandem.cases import rules
from tandem.cases.models import (
    Household,
    LeadPeriod,
    Member,
    TeamMembership,
    Trajectory,
    TriageDecision,
)
from tandem.cases.selectors import is_local_team_of
from tandem.cases.rules.rights import Action, check_may_register
from tandem.cases.services.base import begin_change, check_in_trajectory, facts, log_change, require_right, today
from tandem.core import changes
from tandem.core.exceptions import RuleViolation
from tandem.core.text import check_text
from tandem.organisations.models import Role


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
    if actor is not None:
        check_may_register(local_team_of_site=is_local_team_of(actor, site.pk), role=actor.role)


def _check_member(data: MemberData) -> None:
    for field in ("given_names", "family_name", "prefix", "relation", "ref"):
        check_text(getattr(data, field), field=field, max_length=Member._meta.get_field(field).max_length)
    if not data.given_names.strip() or not data.family_name.strip():
        raise RuleViolation("name_missing", "Vul de voornaam en de achternaam in.", field="family_name")
    rules.check_not_future(data.birth_date, today(), "geboortedatum")
    rules.check_birth_date(data.birth_date)
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
    begin_change(actor, trajectory, expected_version, action=Action.MEMBER_ADD)
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
        require_right(actor, last, Action.REGISTER_AGAIN)
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
    fresh = begin_change(actor, trajectory, expected_version, action=Action.TRIAGE,
                         given=facts(gedragswetenschapper=getattr(actor, "role", "") == Role.GEDRAGSWETENSCHAPPER))
    check_in_trajectory(decided_on, fresh, "datum van de triage")
    if not participants.strip():
        raise RuleViolation("participants_missing", "Vul in wie aan de triage deelnamen.", field="participants")
    decision = TriageDecision.objects.create(trajectory=fresh, kind=kind, decided_on=decided_on, outcome=outcome,
                                             participants=participants, notes=notes, recorded_by=actor)
    log_change(actor, "triage_record", fresh, decision, kind=kind, outcome=outcome)
    return decision
