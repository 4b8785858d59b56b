"""Reads of the administration: which region a beheerder runs, and its organisations, sites and people.

Only an active beheerder with an organisation in a region administers; everything is scoped to that region.
Nothing here reads a dossier."""
from django.db.models import Q, QuerySet

from tandem.administration.models import FactorReset, Invitation
from tandem.organisations.models import Organisation, Region, Role, Site, User


def administered_region(user) -> Region | None:
    """The region this person administers, or None: only an active beheerder acting in that role."""
    if not (user.is_authenticated and user.is_active and user.role == Role.BEHEERDER):
        return None
    return user.region


def organisations_of(region: Region) -> QuerySet[Organisation]:
    return (Organisation.objects.filter(Q(region=region) | Q(site__region=region))
            .select_related("site").order_by("name"))


def sites_of(region: Region) -> QuerySet[Site]:
    return region.sites.order_by("name")


def users_of(region: Region) -> QuerySet[User]:
    return (User.objects.filter(Q(organisation__region=region) | Q(organisation__site__region=region))
            .select_related("organisation").prefetch_related("extra_roles").order_by("last_name", "first_name"))


def is_team_leader_of(leader, user) -> bool:
    """An active person holding the team-leader role in the same organisation."""
    return bool(leader.is_active and leader.organisation_id and leader.organisation_id == user.organisation_id
                and Role.TEAMLEIDER in leader.held_roles)


def waiting_resets_for(user) -> QuerySet[FactorReset]:
    """The two-factor resets this person could confirm: as beheerder, those of the region asked by someone
    else; as team leader, those of people of their organisation."""
    waiting = FactorReset.objects.filter(status=FactorReset.Status.WAITING).exclude(requested_by=user).exclude(
        user=user).select_related("user", "requested_by")
    region = administered_region(user)
    conditions = Q(pk__in=[])
    if region is not None:
        conditions |= Q(user__organisation__region=region) | Q(user__organisation__site__region=region)
    if user.is_authenticated and user.organisation_id and Role.TEAMLEIDER in user.held_roles:
        conditions |= Q(user__organisation_id=user.organisation_id)
    return waiting.filter(conditions)


def open_invitation(user) -> Invitation | None:
    return user.invitations.filter(used_at__isnull=True, withdrawn_at__isnull=True).first()


def has_second_factor(user) -> bool:
    from tandem.accounts.services import confirmed_device

    return confirmed_device(user) is not None
