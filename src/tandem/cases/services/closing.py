"""Closing a trajectory properly, and undoing a closure (domain §4 step 8; seed 000 "De tandem" and
"Monitoren/evaluatie": an end evaluation at exit, part of the TOP3 method, and an exit triage)."""
import datetime as dt

from django.db import transaction
from django.db.models import Max, Q

from tandem.cases import rules
from tandem.cases.models import (
    Form,
    LeadPeriod,
    Measure,
    Reopening,
    TeamMembership,
    TimeEntry,
    Trajectory,
    TriageDecision,
    TriageKind,
    TriageOutcome,
)
from tandem.cases.rules.rights import Action
from tandem.cases.selectors import is_local_team_of
from tandem.cases.services.base import begin_change, log_change, today
from tandem.core.dates import dutch_date

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


def _running_measures(trajectory: Trajectory, on: dt.date) -> list[Measure]:
    """Measures not yet over on `on`: no end date, or ending on or after it (extensions included)."""
    return list(trajectory.measures.filter(on__lte=on).filter(Q(ends_on__isnull=True) | Q(ends_on__gte=on)))


def still_running(trajectory: Trajectory, on: dt.date) -> rules.StillRunning:
    """What still runs on the day the trajectory would close: shown before closing, and what blocks it. (Open
    agreements of the safety plan are added by the closing page, which composes the plan from outside.)"""
    involvements = list(trajectory.involvements.filter(start__lte=on).filter(Q(end__isnull=True) | Q(end__gte=on))
                        .select_related("organisation"))
    lead = (LeadPeriod.objects.filter(trajectory=trajectory, end__isnull=True)
            .select_related("professional__organisation").first())
    partner = lead is not None and not is_local_team_of(lead.professional, trajectory.site_id)
    powers = partner and any(i.organisation_id == lead.professional.organisation_id
                             and i.form in (Form.ORANGE, Form.RED) for i in involvements)
    return rules.StillRunning(
        involvements=tuple(f"{i.organisation}, {i.get_form_display().lower()}" for i in involvements),
        measures=tuple(_measure_text(m) for m in _running_measures(trajectory, on)),
        partner_lead=str(lead.professional.organisation) if partner else "",
        partner_lead_under_powers=bool(powers))


def _measure_text(measure: Measure) -> str:
    until = f" tot en met {dutch_date(measure.ends_on)}" if measure.ends_on else ", zonder einddatum"
    return f"{measure.get_type_display()}{until}"


def _end_what_runs(trajectory: Trajectory, closed_on: dt.date) -> None:
    trajectory.lead_periods.filter(end__isnull=True).update(end=closed_on)
    trajectory.team.filter(left_on__isnull=True).update(left_on=closed_on)
    trajectory.involvements.filter(end__isnull=True).update(end=closed_on)


@transaction.atomic
def trajectory_close(*, actor, trajectory: Trajectory, closed_on: dt.date, end_evaluation: str,
                     exit_participants: str = "", exit_notes: str = "", reason: str = "",
                     expected_version: int | None = None) -> Trajectory:
    """Close a trajectory with its end evaluation and exit triage. Refused while a partner leads under orange or
    red or a measure runs, unless the local team writes why. The lead period, team memberships and open
    involvements end on that day.

    A closure taken over from an exchange file (actor None) keeps what the file says: the format has no end
    evaluation or exit triage (../shared/spec/exchange.md)."""
    fresh = begin_change(actor, trajectory, expected_version, action=Action.CLOSE)
    rules.check_not_future(closed_on, today(), "afsluitdatum")
    rules.check_closure_after_registration(fresh.registered_on, closed_on)
    _check_nothing_after(fresh, closed_on)
    if actor is not None:
        rules.check_closure(end_evaluation=end_evaluation, exit_participants=exit_participants,
                            running=still_running(fresh, closed_on), override_reason=reason)
        TriageDecision.objects.create(trajectory=fresh, kind=TriageKind.EXIT, decided_on=closed_on,
                                      outcome=TriageOutcome.EXIT, participants=exit_participants.strip(),
                                      notes=exit_notes.strip(), recorded_by=actor)
    fresh.closed_on, fresh.end_evaluation, fresh.closure_reason = closed_on, end_evaluation, reason.strip()
    fresh.save(update_fields=["closed_on", "end_evaluation", "closure_reason"])
    _end_what_runs(fresh, closed_on)
    log_change(actor, "trajectory_close", fresh, fresh, with_reason=bool(reason.strip()))
    trajectory.closed_on, trajectory.end_evaluation = closed_on, end_evaluation
    return fresh


@transaction.atomic
def trajectory_reopen(*, actor, trajectory: Trajectory, reason: str,
                      expected_version: int | None = None) -> Trajectory:
    """Undo a closure within the region's period, with a reason. The person reopening rides in front again
    from today; partners are pulled in again when needed (their earlier episodes stay ended)."""
    fresh = begin_change(actor, trajectory, expected_version, action=Action.REOPEN)
    region = fresh.site.region
    rules.check_reopen(closed_on=fresh.closed_on, today=today(), within_days=region.reopen_days, reason=reason)
    rules.check_single_open_trajectory(fresh.household.trajectories.filter(closed_on__isnull=True).exists())
    reopening = Reopening.objects.create(trajectory=fresh, on=today(), closed_on=fresh.closed_on,
                                         reason=reason.strip(), by=actor)
    fresh.closed_on, fresh.closure_reason = None, ""
    fresh.save(update_fields=["closed_on", "closure_reason"])
    if actor is not None:
        LeadPeriod.objects.create(trajectory=fresh, professional=actor, start=today())
        TeamMembership.objects.create(trajectory=fresh, professional=actor, organisation=actor.organisation,
                                      role_in_team="vast contactpersoon", joined_on=today())
    log_change(actor, "trajectory_reopen", fresh, reopening)
    return fresh
