"""Reads, and with them need-to-know (domain §3). Every view starts here.

- A local-team worker (consulent, gedragswetenschapper of a local team) sees the trajectories of their own site.
- A partner worker sees a trajectory only while on its team; identifying data only with the household's
  consent to their organisation or under statutory powers (an orange or red involvement of their organisation).
- An expert by experience sees a trajectory only while on its team and with the household's consent to their
  organisation.
- Coordinators, project leads and administrators see no dossier at all.
- Emergency access (`tandem.security`): a dossier professional with an active grant sees the household's
  trajectories for the grant's time, identifying but read-only.
"""
from dataclasses import dataclass

from django.db.models import Q, QuerySet
from django.utils import timezone

from tandem.cases.models import Consent, Form, Household, Involvement, Trajectory
from tandem.organisations.models import NO_DOSSIER_ROLES, OrganisationKind, Role
from tandem.security.models import EmergencyAccess

LOCAL_TEAM_ROLES = {Role.CONSULENT, Role.GEDRAGSWETENSCHAPPER}


def _is_local_team_worker(user) -> bool:
    org = user.organisation
    return bool(org and org.kind == OrganisationKind.LOCAL_TEAM and user.role in LOCAL_TEAM_ROLES)


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
    """What one professional may do with one trajectory."""

    view: bool
    edit: bool
    identifying: bool  # may see names, birth dates and BSN of the household
    emergency: bool = False  # seen through emergency access only (read-only, flagged to the consultant)

    @property
    def anonymous(self) -> bool:
        return self.view and not self.identifying


NO_ACCESS = Access(view=False, edit=False, identifying=False)


EMERGENCY_ACCESS = Access(view=True, edit=False, identifying=True, emergency=True)


def access_for(user, trajectory: Trajectory) -> Access:
    """Need-to-know for one trajectory, in one place."""
    if not need_to_know(user).filter(pk=trajectory.pk).exists():
        if active_emergency_grants(user).filter(household_id=trajectory.household_id).exists():
            return EMERGENCY_ACCESS
        return NO_ACCESS
    if _is_local_team_worker(user):
        return Access(view=True, edit=True, identifying=True)
    today = timezone.localdate()
    consented = _active_consents(user.organisation, today).filter(trajectory=trajectory).exists()
    powers = Involvement.objects.filter(
        trajectory=trajectory, organisation=user.organisation, form__in=[Form.ORANGE, Form.RED]
    ).filter(Q(end__isnull=True) | Q(end__gte=today)).exists()
    identifying = consented or powers
    edit = user.role != Role.ERVARINGSDESKUNDIGE
    return Access(view=True, edit=edit, identifying=identifying)


def households_for_overview(user) -> QuerySet[Household]:
    """'Mijn gezinnen': visible households with what the overview shows."""
    return households_visible_to(user).select_related("site").prefetch_related("trajectories", "members")
