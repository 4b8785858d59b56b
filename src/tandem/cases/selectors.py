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
import datetime as dt
from dataclasses import dataclass

from django.db.models import Exists, Max, OuterRef, Q, QuerySet
from django.utils import timezone

from tandem.cases.models import (
    Consent,
    ExpertScope,
    Form,
    Household,
    Involvement,
    LeadPeriod,
    Measure,
    MeasureType,
    Member,
    Trajectory,
)
from tandem.cases.rules.rights import (
    AFTER_CLOSURE,
    ONLY_AFTER_CLOSURE,
    Action,
    Limit,
    Position,
    actor_facts_of,
    allowed,
    REGISTERING_ROLES,
    position_of,
)
from tandem.organisations.models import NO_DOSSIER_ROLES, OrganisationKind, Region, Role
from tandem.security.models import EmergencyAccess

LOCAL_TEAM_ROLES = {Role.CONSULENT, Role.GEDRAGSWETENSCHAPPER, Role.TEAMLEIDER}


def _is_local_team_worker(user) -> bool:
    org = user.organisation
    return bool(org and org.kind == OrganisationKind.LOCAL_TEAM and user.role in LOCAL_TEAM_ROLES)


def is_local_team_of(user, site_id) -> bool:
    """A worker of the local team that runs this site (toekomsttuin)."""
    return _is_local_team_worker(user) and user.organisation.site_id == site_id


def acts_for_organisation(user) -> bool:
    """An organisation's own system, through the API (`Role.KOPPELING`): not a person on the team, but a worker of
    its organisation. It is on a family's team when a colleague is, leads when a colleague leads, and sees what a
    worker of its organisation there may see; the rights matrix applies to it as to that worker (docs/api.md)."""
    return getattr(user, "role", None) == Role.KOPPELING


def _team_q(user, prefix: str = "") -> Q:
    """Memberships of this person, or of its organisation for an organisation's system."""
    if acts_for_organisation(user):
        return Q(**{f"{prefix}organisation_id": user.organisation_id})
    return Q(**{f"{prefix}professional": user})


def _lead_q(user) -> Q:
    if acts_for_organisation(user):
        return Q(professional__organisation_id=user.organisation_id)
    return Q(professional=user)


def _current_team_q(user, today) -> Q:
    return _team_q(user, "team__") & (Q(team__left_on__isnull=True) | Q(team__left_on__gte=today))


def _may_see_dossiers(user) -> bool:
    return bool(user.is_authenticated and user.is_active and user.role not in NO_DOSSIER_ROLES and user.organisation)


def need_to_know(user) -> QuerySet[Trajectory]:
    """The trajectories this professional may open by their work (without emergency access)."""
    if not _may_see_dossiers(user):
        return Trajectory.objects.none()
    if _is_local_team_worker(user):
        # The trajectory carries its household's site (copied when it starts; a household never changes site).
        return Trajectory.objects.filter(site_id=user.organisation.site_id)
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


def own_involvements(user, *, start: dt.date | None = None, end: dt.date | None = None) -> QuerySet[Involvement]:
    """The episodes of the person's own organisation in the families they may open (need-to-know), those that overlap
    [start, end] when given: what the organisation registers again in its own system (seed `000_…` "Registratie van
    en-en-regie"). The one read behind the web download (tandem.jobs) and the API's own work (tandem.api)."""
    visible = trajectories_visible_to(user).values("id")
    rows = Involvement.objects.filter(organisation_id=user.organisation_id, trajectory_id__in=visible)
    if end:
        rows = rows.filter(start__lte=end)
    if start:
        rows = rows.filter(Q(end__isnull=True) | Q(end__gte=start))
    return rows


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
    return trajectory.team.filter(_team_q(user)).filter(Q(left_on__isnull=True) | Q(left_on__gte=until)).exists()


def _is_lead(user, trajectory: Trajectory) -> bool:
    return LeadPeriod.objects.filter(_lead_q(user), trajectory=trajectory, end__isnull=True).exists()


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


def may_register(user) -> bool:
    """Only a consulent or team leader of a local team registers households (rules/rights.py)."""
    org = user.organisation
    return bool(org and org.kind == OrganisationKind.LOCAL_TEAM and user.role in REGISTERING_ROLES)


def households_with_bsn(bsn: str) -> QuerySet:
    """The households (ids) with a member of exactly this BSN, found through the BSN's keyed hash (the BSN itself is
    encrypted at rest: docs/security.md). Callers intersect the result with what the person may see by name."""
    bsn = (bsn or "").strip()
    if not (len(bsn) == 9 and bsn.isascii() and bsn.isdigit()):
        return Member.objects.none().values("household_id")
    return Member.objects.with_bsn(bsn).values("household_id")


# Measures whose end the work list announces (issue "Tandem 6"): an OTS (also a provisional one) and a
# restraining order (tijdelijk huisverbod), from the measure's own dates.
EXPIRING_TYPES = (MeasureType.OTS, MeasureType.RESTRAINING_ORDER)


def expiring_measures(measures: QuerySet[Measure], today: dt.date) -> list[Measure]:
    """Of `measures`: those in an open trajectory that end within their region's window
    (`Region.expiry_window_days`) from today and are not extended by a later measure."""
    longest = Region.objects.aggregate(days=Max("expiry_window_days"))["days"] or 0
    extended = Measure.objects.filter(extends=OuterRef("pk"))
    candidates = (measures.filter(type__in=EXPIRING_TYPES, ends_on__gte=today,
                                  ends_on__lte=today + dt.timedelta(days=longest),
                                  trajectory__closed_on__isnull=True)
                  .exclude(Exists(extended)).select_related("trajectory__household", "site__region")
                  .order_by("ends_on", "id"))
    return [m for m in candidates if (m.ends_on - today).days <= m.site.region.expiry_window_days]


def identifying_ids(user, trajectory_ids, today: dt.date | None = None) -> set:
    """Of these visible trajectories (ids, or a query of ids), those whose names this person may see:
    `access_for(...).identifying` for many trajectories at once, in a fixed number of queries (Mijn gezinnen, the
    work list)."""
    today = today or timezone.localdate()
    if isinstance(trajectory_ids, (list, set, tuple, frozenset)) and not trajectory_ids:
        return set()
    if not _may_see_dossiers(user):
        return set()
    rows = Trajectory.objects.filter(pk__in=trajectory_ids)
    ids = rows.values("id")
    emergency = set(rows.filter(household_id__in=active_emergency_grants(user).values("household_id"))
                    .values_list("id", flat=True))
    if _is_local_team_worker(user):
        return emergency | set(rows.filter(site_id=user.organisation.site_id).values_list("id", flat=True))
    if user.role == Role.ERVARINGSDESKUNDIGE:
        return emergency | set(rows.filter(id__in=need_to_know(user).values("id")).values_list("id", flat=True))
    consented = _active_consents(user.organisation, today).filter(trajectory_id__in=ids).values("trajectory_id")
    powers = Involvement.objects.filter(trajectory_id__in=ids, organisation=user.organisation,
                                        form__in=[Form.ORANGE, Form.RED]).filter(
        Q(end__isnull=True) | Q(end__gte=today)).values("trajectory_id")
    leading = LeadPeriod.objects.filter(_lead_q(user), trajectory_id__in=ids, end__isnull=True)
    named = rows.filter(Q(id__in=consented) | Q(id__in=powers) | Q(id__in=leading.values("trajectory_id")))
    return emergency | set(named.values_list("id", flat=True))


def my_open_trajectories(user, today: dt.date | None = None) -> QuerySet[Trajectory]:
    """Open trajectories this person works in: on the team now, or holding the lead (the work list's scope)."""
    today = today or timezone.localdate()
    if not _may_see_dossiers(user):
        return Trajectory.objects.none()
    mine = Trajectory.objects.filter(_current_team_q(user, today)).values("id")
    leading = LeadPeriod.objects.filter(_lead_q(user), end__isnull=True).values("trajectory_id")
    return need_to_know(user).filter(Q(id__in=mine) | Q(id__in=leading), closed_on__isnull=True)


def local_team_position_trajectories(user, today: dt.date | None = None) -> QuerySet[Trajectory]:
    """Of `my_open_trajectories`: those where this person is in the `local_team` column of the rights (a
    consulent of the site's own local team on the family's team), who handles the family's consents and own
    words (docs/rights.md S6, S16)."""
    if not _is_local_team_worker(user) or user.role != Role.CONSULENT:
        return Trajectory.objects.none()
    return my_open_trajectories(user, today).filter(site_id=user.organisation.site_id)
