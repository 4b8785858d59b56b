"""Reads, and with them need-to-know (domain §3). Every view starts here.

- A local-team worker (consulent, gedragswetenschapper of a local team) sees the trajectories of their own site.
- A partner worker sees a trajectory only while on its team; identifying data only with the household's
  consent to their organisation or under statutory powers (an orange or red involvement of their organisation).
- An expert by experience sees a trajectory only while on its team and with the household's consent to their
  organisation.
- Coordinators, project leads and administrators see no dossier at all.
"""
from dataclasses import dataclass

from django.db.models import Q, QuerySet
from django.utils import timezone

from tandem.cases.models import Consent, Form, Household, Involvement, Trajectory
from tandem.organisations.models import NO_DOSSIER_ROLES, OrganisationKind, Role

LOCAL_TEAM_ROLES = {Role.CONSULENT, Role.GEDRAGSWETENSCHAPPER}


def _is_local_team_worker(user) -> bool:
    org = user.organisation
    return bool(org and org.kind == OrganisationKind.LOCAL_TEAM and user.role in LOCAL_TEAM_ROLES)


def _current_team_q(user, today) -> Q:
    return Q(team__professional=user) & (Q(team__left_on__isnull=True) | Q(team__left_on__gte=today))


def trajectories_visible_to(user) -> QuerySet[Trajectory]:
    """The trajectories this professional may open. Empty for roles without dossier access."""
    if not user.is_authenticated or not user.is_active or user.role in NO_DOSSIER_ROLES or not user.organisation:
        return Trajectory.objects.none()
    if _is_local_team_worker(user):
        return Trajectory.objects.filter(household__site=user.organisation.site)
    today = timezone.localdate()
    visible = Trajectory.objects.filter(_current_team_q(user, today))
    if user.role == Role.ERVARINGSDESKUNDIGE:
        consented = _active_consents(user.organisation, today).values("trajectory_id")
        visible = visible.filter(id__in=consented)
    return Trajectory.objects.filter(id__in=visible.values("id"))


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

    @property
    def anonymous(self) -> bool:
        return self.view and not self.identifying


NO_ACCESS = Access(view=False, edit=False, identifying=False)


def access_for(user, trajectory: Trajectory) -> Access:
    """Need-to-know for one trajectory, in one place."""
    if not trajectories_visible_to(user).filter(pk=trajectory.pk).exists():
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
