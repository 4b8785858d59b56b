"""The tandem: who rides in front (regie) and who is on the team (domain §4 step 3, seed 000 'De tandem')."""
import datetime as dt

from django.db import transaction

from tandem.cases import rules
from tandem.cases.models import LeadPeriod, TeamMembership, Trajectory
from tandem.cases.services.base import begin_change, check_in_trajectory, log_change
from tandem.core.exceptions import RuleViolation
from tandem.organisations.models import NO_DOSSIER_ROLES


def _current_membership(trajectory: Trajectory, professional) -> TeamMembership | None:
    return trajectory.team.filter(professional=professional, left_on__isnull=True).first()


def _check_can_join(professional) -> None:
    if professional.role in NO_DOSSIER_ROLES or professional.organisation is None or not professional.is_active:
        raise RuleViolation("cannot_join", "Deze persoon kan niet in het team van een gezin: de rol geeft geen "
                            "toegang tot dossiers.", field="professional")


def _join(trajectory, professional, joined_on, role_in_team) -> TeamMembership:
    _check_can_join(professional)
    handled = (trajectory.measures.filter(handled_by=professional).exists()
               or trajectory.reports.filter(handled_by=professional).exists())
    rules.check_handler_not_on_team(handled)  # separation of functions holds both ways (legal._check_handler)
    if _current_membership(trajectory, professional):
        raise RuleViolation("already_on_team", f"{professional} zit al in het team.", field="professional")
    return TeamMembership.objects.create(trajectory=trajectory, professional=professional,
                                         organisation=professional.organisation, role_in_team=role_in_team,
                                         joined_on=joined_on)


@transaction.atomic
def team_member_add(*, actor, trajectory: Trajectory, professional, joined_on: dt.date, role_in_team: str = "",
                    expected_version: int | None = None) -> TeamMembership:
    """A partner steps on the back of the tandem."""
    fresh = begin_change(actor, trajectory, expected_version)
    check_in_trajectory(joined_on, fresh, "datum waarop iemand erbij komt")
    membership = _join(fresh, professional, joined_on, role_in_team)
    log_change(actor, "team_member_add", fresh, membership, professional=professional.pk)
    return membership


@transaction.atomic
def team_member_leave(*, actor, membership: TeamMembership, left_on: dt.date,
                      expected_version: int | None = None) -> TeamMembership:
    """A partner steps off again. The one holding the lead cannot leave (switch the lead first)."""
    fresh = begin_change(actor, membership.trajectory, expected_version)
    membership = TeamMembership.objects.get(pk=membership.pk)
    if membership.left_on is not None:
        raise RuleViolation("already_left", "Deze persoon is al uit het team gestapt.")
    is_lead = fresh.lead_periods.filter(end__isnull=True, professional=membership.professional).exists()
    rules.check_lead_stays(is_lead)
    check_in_trajectory(left_on, fresh, "datum van vertrek")
    rules.check_end_after_start(membership.joined_on, left_on, "teamdeelname")
    membership.left_on = left_on
    membership.save(update_fields=["left_on"])
    log_change(actor, "team_member_leave", fresh, membership)
    return membership


@transaction.atomic
def lead_switch(*, actor, trajectory: Trajectory, professional, on: dt.date,
                expected_version: int | None = None) -> LeadPeriod:
    """Switch who rides in front. The previous lead stays on the team: there is no hand-over."""
    fresh = begin_change(actor, trajectory, expected_version)
    check_in_trajectory(on, fresh, "datum van de wissel")
    current = fresh.lead_periods.filter(end__isnull=True).first()
    if current is not None:
        if current.professional_id == professional.pk:
            raise RuleViolation("already_lead", f"{professional} heeft de regie al.", field="professional")
        rules.check_on_or_after(on, current.start, "datum van de wissel", "het begin van de huidige regie")
        current.end = on - dt.timedelta(days=1) if on > current.start else on
        current.save(update_fields=["end"])
    if _current_membership(fresh, professional) is None:
        _join(fresh, professional, on, "regie")
    period = LeadPeriod.objects.create(trajectory=fresh, professional=professional, start=on)
    log_change(actor, "lead_switch", fresh, period, professional=professional.pk)
    return period
