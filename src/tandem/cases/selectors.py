"""Reads, and with them need-to-know (domain §3). Every view starts here.

Between dossiers:
- A local-team worker (consulent, gedragswetenschapper, teamleider of a local team) sees the trajectories of
  their own site (the dossier belongs to the municipality: seed 000, "Registratie van en-en-regie").
- A partner worker sees a trajectory only while on its team; identifying data only with the household's
  consent to their organisation, under statutory powers (an orange or red involvement of their organisation),
  or while holding the lead (which a partner gets only on a melding or measure: rules.check_lead_to_partner).
- An expert by experience sees a trajectory only while on its team and with the household's consent to their
  organisation, and then only what that consent covers (`expert_scope`).
- Coordinators, project leads and administrators see no dossier at all.
- Emergency access (`tandem.security`): a dossier professional with an active grant sees the household's
  trajectories for the grant's time, identifying but read-only.
"""
from dataclasses import dataclass

from django.db.models import Q, QuerySet
from django.utils import timezone

from tandem.cases.models import Consent, ExpertScope, Form, Household, Involvement, LeadPeriod, Trajectory
from tandem.cases.rules.rights import (
    AFTER_CLOSURE,
    ONLY_AFTER_CLOSURE,
    Action,
    Limit,
    Position,
    actor_facts_of,
    allowed,
    position_of,
)
from tandem.organisations.models import NO_DOSSIER_ROLES, OrganisationKind, Role
from tandem.security.models import EmergencyAccess

LOCAL_TEAM_ROLES = {Role.CONSULENT, Role.GEDRAGSWETENSCHAPPER, Role.TEAMLEIDER}


def _is_local_team_worker(user) -> bool:
    org = user.organisation
    return bool(org and org.kind == OrganisationKind.LOCAL_TEAM and user.role in LOCAL_TEAM_ROLES)


def is_local_team_of(user, site_id) -> bool:
    """A worker of the local team that runs this site (toekomsttuin)."""
    return _is_local_team_worker(user) and user.organisation.site_id == site_id


def _current_team_q(user, today) -> Q:
    return Q(team__professional=user) & (Q(team__left_on__isnull=True) | Q(team__left_on__gte=today))


def _may_see_dossiers(user) -> bool:
    return bool(user.is_authenticated and user.is_active and user.role not in NO_DOSSIER_ROLES and user.organisation)


def need_to_know(user) -> QuerySet[Trajectory]:
    """The trajectories this professional may open by their work (without emergency access)."""
    if not _may_see_dossiers(user):
        return Trajectory.objects.none()
    if _is_local_team_worker(user):
        return Trajectory.objects.filter(household__site=user.organisation.site)
    today = timezone.localdate()
    visible = Trajectory.objects.filter(_current_team_q(user, today))
    if user.role == Role.ERVARINGSDESKUNDIGE:
        consented = _active_consents(user.organisation, today).values("trajectory_id")
        visible = visible.filter(id__in=consented)
    return Trajectory.objects.filter(id__in=visible.values("id"))


def active_emergency_grants(user) -> QuerySet[EmergencyAccess]:
    if not _may_see_dossiers(user):
        return EmergencyAccess.objects.none()
    now = timezone.now()
    return EmergencyAccess.objects.filter(user=user, starts_at__lte=now, ends_at__gt=now)


def trajectories_visible_to(user) -> QuerySet[Trajectory]:
    """The trajectories this professional may open. Empty for roles without dossier access."""
    if not _may_see_dossiers(user):
        return Trajectory.objects.none()
    emergency = active_emergency_grants(user).values("household_id")
    return Trajectory.objects.filter(Q(id__in=need_to_know(user).values("id")) | Q(household_id__in=emergency))


def households_visible_to(user) -> QuerySet[Household]:
    return Household.objects.filter(trajectories__in=trajectories_visible_to(user)).distinct()


def _active_consents(organisation, today) -> QuerySet[Consent]:
    return Consent.objects.filter(organisation=organisation, given_on__lte=today).filter(
        Q(withdrawn_on__isnull=True) | Q(withdrawn_on__gt=today)
    )


@dataclass(frozen=True)
class Access:
    """What one professional may see of one trajectory, and where they stand in it (the rights' column)."""

    view: bool
    edit: bool  # may take at least one action here (what exactly: `rights_for`)
    identifying: bool  # may see names, birth dates, BSN and free text as written
    emergency: bool = False  # seen through emergency access only (read-only, flagged to the consultant)
    position: Position | None = None
    expert_scope: str = ""  # for an expert by experience: what the family's consent lets them see

    @property
    def anonymous(self) -> bool:
        return self.view and not self.identifying

    @property
    def is_expert(self) -> bool:
        return self.position == Position.EXPERT


NO_ACCESS = Access(view=False, edit=False, identifying=False)


EMERGENCY_ACCESS = Access(view=True, edit=False, identifying=True, emergency=True)


def _on_team(user, trajectory: Trajectory, today) -> bool:
    """On the team now; for a closed trajectory: on the team when it closed (memberships end at closure)."""
    until = trajectory.closed_on if trajectory.closed_on is not None else today
    return trajectory.team.filter(professional=user).filter(Q(left_on__isnull=True) | Q(left_on__gte=until)).exists()


def _is_lead(user, trajectory: Trajectory) -> bool:
    return LeadPeriod.objects.filter(trajectory=trajectory, professional=user, end__isnull=True).exists()


def _identifying_for_partner(user, trajectory: Trajectory, today, is_lead: bool) -> bool:
    consented = _active_consents(user.organisation, today).filter(trajectory=trajectory).exists()
    powers = Involvement.objects.filter(
        trajectory=trajectory, organisation=user.organisation, form__in=[Form.ORANGE, Form.RED]
    ).filter(Q(end__isnull=True) | Q(end__gte=today)).exists()
    return consented or powers or is_lead


def _expert_scope(user, trajectory: Trajectory, today) -> str:
    """The widest scope among the family's active consents to the expert's organisation."""
    scopes = set(_active_consents(user.organisation, today).filter(trajectory=trajectory)
                 .values_list("expert_scope", flat=True))
    for scope in (ExpertScope.PLAN_JOURNAL, ExpertScope.PLAN, ExpertScope.BASIC):
        if scope in scopes:
            return scope
    return ExpertScope.BASIC


def access_for(user, trajectory: Trajectory) -> Access:
    """Need-to-know for one trajectory, and the person's position in it, in one place."""
    if not need_to_know(user).filter(pk=trajectory.pk).exists():
        if active_emergency_grants(user).filter(household_id=trajectory.household_id).exists():
            return EMERGENCY_ACCESS
        return NO_ACCESS
    today = timezone.localdate()
    local = is_local_team_of(user, trajectory.site_id)
    is_lead = _is_lead(user, trajectory)
    expert = user.role == Role.ERVARINGSDESKUNDIGE and not local
    identifying = local or expert or _identifying_for_partner(user, trajectory, today, is_lead)
    position = position_of(local_team_of_site=local, role=user.role, on_team=_on_team(user, trajectory, today),
                           is_lead=is_lead, identifying=identifying, is_expert=expert)
    return Access(view=True, edit=position is not None, identifying=identifying, position=position,
                  expert_scope=_expert_scope(user, trajectory, today) if expert else "")


@dataclass(frozen=True)
class Rights:
    """The actions one person may take in one trajectory, for pages: `{% if "close" in rights %}`. A 'beperkt'
    cell counts as yes here (the page then offers only what the limit allows: `allows`)."""

    position: Position | None
    trajectory_open: bool
    actor_facts: frozenset = frozenset()  # limits the person meets by who they are (a gedragswetenschapper)

    def _fits_state(self, action: Action) -> bool:
        if self.trajectory_open:
            return action not in ONLY_AFTER_CLOSURE
        return action in AFTER_CLOSURE

    def __contains__(self, action) -> bool:
        action = Action(action)
        return self._fits_state(action) and allowed(action, self.position, actor_facts=self.actor_facts)

    def allows(self, action, *facts: Limit) -> bool:
        """For one target: e.g. `allows(Action.TIME_REGISTER, Limit.OWN_ORGANISATION)` when it is their own."""
        action = Action(action)
        return self._fits_state(action) and allowed(action, self.position, frozenset(facts) | self.actor_facts)


def rights_for(user, trajectory: Trajectory, access: Access | None = None) -> Rights:
    access = access if access is not None else access_for(user, trajectory)
    return Rights(position=access.position, trajectory_open=trajectory.closed_on is None,
                  actor_facts=actor_facts_of(getattr(user, "role", "")))


def households_for_overview(user) -> QuerySet[Household]:
    """'Mijn gezinnen': visible households with what the overview shows."""
    return households_visible_to(user).select_related("site").prefetch_related("trajectories", "members")
