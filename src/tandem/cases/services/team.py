"""The tandem: who rides in front (regie) and who is on the team (domain §4 step 3, seed 000 'De tandem')."""
import datetime as dt

from django.db import transaction

from tandem.cases import rules
from tandem.cases.models import LeadPeriod, TeamMembership, Trajectory
from tandem.cases.rules.rights import Action
from tandem.cases.selectors import is_local_team_of
from tandem.cases.services.base import begin_change, check_in_trajectory, facts, log_change
from tandem.core.exceptions import RuleViolation
from tandem.organisations.models import NO_DOSSIER_ROLES, Role


def _current_membership(trajectory: Trajectory, professional) -> TeamMembership | None:
    return trajectory.team.filter(professional=professional, left_on__isnull=True).first()


def _check_can_join(professional) -> None:
    if (professional.role in NO_DOSSIER_ROLES or professional.role == Role.KOPPELING
            or professional.organisation is None or not professional.is_active):
        raise RuleViolation("cannot_join", "Deze persoon kan niet in het team van een gezin: de rol geeft geen "
                            "toegang tot dossiers.", field="professional")


def join_team(trajectory, professional, joined_on, role_in_team) -> TeamMembership:
    """Put someone on the team (after the caller checked the right): the checks every joining shares."""
    _check_can_join(professional)
    handled = (trajectory.measures.filter(handled_by=professional).exists()
               or trajectory.reports.filter(handled_by=professional).exists())
    rules.check_handler_not_on_team(handled)  # separation of functions holds both ways (legal._check_handler)
    if _current_membership(trajectory, professional):
        raise RuleViolation("already_on_team", f"{professional} zit al in het team.", field="professional")
    return TeamMembership.objects.create(trajectory=trajectory, professional=professional,
                                         organisation=professional.organisation, role_in_team=role_in_team,
                                         joined_on=joined_on)


def _same_organisation(actor, professional) -> bool:
    return actor is not None and actor.organisation_id == professional.organisation_id


@transaction.atomic
def team_member_add(*, actor, trajectory: Trajectory, professional, joined_on: dt.date, role_in_team: str = "",
                    expected_version: int | None = None) -> TeamMembership:
    """A partner steps on the back of the tandem (pulled in by the local team; a partner in front may bring a
    colleague of their own organisation)."""
    fresh = begin_change(actor, trajectory, expected_version, action=Action.TEAM_ADD,
                         given=facts(own_organisation=_same_organisation(actor, professional)))
    check_in_trajectory(joined_on, fresh, "datum waarop iemand erbij komt")
    membership = join_team(fresh, professional, joined_on, role_in_team)
    log_change(actor, "team_member_add", fresh, membership, professional=professional.pk)
    return membership


def _local_team_left(trajectory: Trajectory, membership: TeamMembership) -> tuple[bool, int]:
    """Whether the leaving person is of the site's local team, and how many of that team stay on."""
    staying = [m.professional for m in trajectory.team.filter(left_on__isnull=True).exclude(pk=membership.pk)
               .select_related("professional__organisation")]
    leaving_local = is_local_team_of(membership.professional, trajectory.site_id)
    return leaving_local, sum(1 for p in staying if is_local_team_of(p, trajectory.site_id))


@transaction.atomic
def team_member_leave(*, actor, membership: TeamMembership, left_on: dt.date,
                      expected_version: int | None = None) -> TeamMembership:
    """Someone steps off again. The one holding the lead cannot leave (switch the lead first), and the local
    team stays on while the trajectory runs."""
    membership = TeamMembership.objects.select_related("professional__organisation").get(pk=membership.pk)
    own = actor is not None and (actor.pk == membership.professional_id
                                 or actor.organisation_id == membership.organisation_id)
    fresh = begin_change(actor, membership.trajectory, expected_version, action=Action.TEAM_LEAVE,
                         given=facts(self_or_own_organisation=own))
    if membership.left_on is not None:
        raise RuleViolation("already_left", "Deze persoon is al uit het team gestapt.")
    is_lead = fresh.lead_periods.filter(end__isnull=True, professional=membership.professional).exists()
    rules.check_lead_stays(is_lead)
    leaving_local, staying_local = _local_team_left(fresh, membership)
    rules.check_local_team_stays(leaving_is_local_team=leaving_local, local_team_left_on_team=staying_local)
    check_in_trajectory(left_on, fresh, "datum van vertrek")
    rules.check_end_after_start(membership.joined_on, left_on, "teamdeelname")
    membership.left_on = left_on
    membership.save(update_fields=["left_on"])
    log_change(actor, "team_member_leave", fresh, membership)
    return membership


def _has_legal_basis(trajectory: Trajectory, on: dt.date) -> bool:
    return trajectory.reports.filter(on__lte=on).exists() or trajectory.measures.filter(on__lte=on).exists()


def _check_new_lead(trajectory: Trajectory, professional, on: dt.date, statutory_ground: str) -> bool:
    """Returns whether the new lead is of the site's local team (a switch back: afschalen)."""
    if professional.role == Role.ERVARINGSDESKUNDIGE:
        raise RuleViolation("lead_expert", "Een ervaringsdeskundige heeft geen regie. Kies een professional.",
                            field="professional")
    to_local = is_local_team_of(professional, trajectory.site_id)
    rules.check_lead_to_partner(to_local_team=to_local, has_report_or_measure=_has_legal_basis(trajectory, on),
                                statutory_ground=statutory_ground)
    return to_local


@transaction.atomic
def lead_switch(*, actor, trajectory: Trajectory, professional, on: dt.date, statutory_ground: str = "",
                expected_version: int | None = None) -> LeadPeriod:
    """Switch who rides in front. A protection partner takes the front seat only on a melding or measure (or a
    stated statutory ground); the previous lead stays on the team: there is no hand-over. Switching back to the
    local team (afschalen) is dated like any switch."""
    to_local = is_local_team_of(professional, trajectory.site_id)
    fresh = begin_change(actor, trajectory, expected_version, action=Action.LEAD_SWITCH,
                         given=facts(to_local_team=to_local))
    check_in_trajectory(on, fresh, "datum van de wissel")
    _check_new_lead(fresh, professional, on, statutory_ground)
    current = fresh.lead_periods.filter(end__isnull=True).first()
    if current is not None:
        if current.professional_id == professional.pk:
            raise RuleViolation("already_lead", f"{professional} heeft de regie al.", field="professional")
        rules.check_on_or_after(on, current.start, "datum van de wissel", "het begin van de huidige regie")
        current.end = on - dt.timedelta(days=1) if on > current.start else on
        current.save(update_fields=["end"])
    if _current_membership(fresh, professional) is None:
        join_team(fresh, professional, on, "regie")
    period = LeadPeriod.objects.create(trajectory=fresh, professional=professional, start=on,
                                       statutory_ground="" if to_local else statutory_ground.strip())
    log_change(actor, "lead_switch", fresh, period, professional=professional.pk, back_to_local_team=to_local)
    return period
