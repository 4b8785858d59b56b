"""Who may see which monitor, and the trajectories behind a count (need-to-know, domain §3 and §6).

- Coordinators, project leads and administrators see their organisation's region and each of its sites.
- Local-team workers see their own site and the totals of its region.
- Partners see the totals of their organisation's region, if it has one.
- Experts by experience see no monitor.
Figures are not personal data. The trajectories behind a count are: those are only listed intersected with
`trajectories_visible_to(user)`, so coordinators see figures and never names; every such list is logged.
"""
from dataclasses import dataclass

from django.db.models import Q

from tandem.audit.services import audit_record
from tandem.cases.models import Trajectory
from tandem.cases.selectors import LOCAL_TEAM_ROLES, trajectories_visible_to
from tandem.monitor import rules
from tandem.monitor.models import QuarterClosure
from tandem.organisations.models import (
    NO_DOSSIER_ROLES,
    OrganisationKind,
    Region,
    Role,
    Site,
)

SITE, REGION = "toekomsttuin", "regio"


@dataclass(frozen=True)
class MonitorScope:
    """One monitor a person may open: a site or a region, by its code (codes are not personal data)."""

    kind: str  # SITE or REGION
    code: str
    name: str
    region: Region

    @property
    def is_site(self) -> bool:
        return self.kind == SITE

    def query_args(self) -> dict:
        return {"site": self.code} if self.is_site else {"region": self.code}


def _region_scopes(region: Region, *, with_sites: bool) -> list[MonitorScope]:
    scopes = [MonitorScope(REGION, region.code, region.name, region)]
    if with_sites:
        scopes += [MonitorScope(SITE, site.code, site.name, region) for site in region.sites.order_by("name")]
    return scopes


def monitor_scopes_for(user) -> list[MonitorScope]:
    """Every site and region whose monitor this person may see, region first."""
    organisation = getattr(user, "organisation", None)
    if not user.is_authenticated or not user.is_active or organisation is None:
        return []
    if user.role == Role.ERVARINGSDESKUNDIGE:
        return []
    if user.role in NO_DOSSIER_ROLES:
        region = organisation.region or (organisation.site.region if organisation.site else None)
        return _region_scopes(region, with_sites=True) if region else []
    if organisation.kind == OrganisationKind.LOCAL_TEAM and user.role in LOCAL_TEAM_ROLES:
        site = organisation.site
        return _region_scopes(site.region, with_sites=False) + [MonitorScope(SITE, site.code, site.name, site.region)]
    return _region_scopes(organisation.region, with_sites=False) if organisation.region else []


def monitor_scope_for(user, kind: str, code: str) -> MonitorScope | None:
    """The scope if this person may see it, else None (the view answers 404)."""
    return next((s for s in monitor_scopes_for(user) if s.kind == kind and s.code == code), None)


def site_of(scope: MonitorScope) -> Site | None:
    return Site.objects.filter(code=scope.code).first() if scope.is_site else None


def closure_for(site: Site, quarter: str) -> QuarterClosure | None:
    return QuarterClosure.objects.filter(site=site, quarter=quarter).prefetch_related("events__by").first()


def region_closures(region: Region, quarter: str) -> list[tuple[Site, str]]:
    """(site, status) of every site of the region for one quarter."""
    statuses = dict(QuarterClosure.objects.filter(site__region=region, quarter=quarter)
                    .values_list("site_id", "status"))
    return [(site, statuses.get(site.pk, rules.OPEN)) for site in region.sites.order_by("name")]


def may_drill_down(user) -> bool:
    """Only people who may open dossiers get the lists behind the counts."""
    return user.role not in NO_DOSSIER_ROLES and trajectories_visible_to(user).exists()


# The counts that have a list behind them: question → (trajectory filter for the quarter).
DRILL_QUESTIONS = ("active", "A", "B", "C", "E") + tuple(f"D-{f}" for f in rules.FORMS) + tuple(
    f"F-{t}" for t in rules.MEASURE_TYPES)


def _question_filter(question: str, quarter: rules.Quarter, programme_start) -> Q:
    active = Q(registered_on__lte=quarter.end) & (Q(closed_on__isnull=True) | Q(closed_on__gte=quarter.start))
    registered = Q(registered_on__range=(quarter.start, quarter.end))
    if question == "active":
        return active
    if question in ("A", "C"):
        return registered
    if question == "B":
        return Q(closed_on__range=(quarter.start, quarter.end), registered_on__gte=programme_start)
    if question == "E":
        return registered & Q(measure_considered=True)
    kind, value = question.split("-", 1)
    if kind == "D":
        return Q(id__in=Trajectory.objects.filter(
            Q(involvements__form=value, involvements__start__lte=quarter.end),
            Q(involvements__end__isnull=True) | Q(involvements__end__gte=quarter.start)).values("id"))
    return Q(measures__type=value, measures__initiated_from_site=True,
             measures__on__range=(quarter.start, quarter.end))


def _without_minors(trajectory: Trajectory) -> bool:
    members = [(m.birth_date, m.minor, m.is_network) for m in trajectory.household.members.all()]
    return rules.without_minors(members, trajectory.registered_on)


def drill_down(*, user, scope: MonitorScope, quarter: rules.Quarter, question: str) -> list[Trajectory]:
    """The trajectories behind one count that this person may open; logged as a read."""
    scope_filter = Q(household__site__code=scope.code) if scope.is_site else Q(household__site__region=scope.region)
    trajectories = (trajectories_visible_to(user).filter(scope_filter)
                    .filter(_question_filter(question, quarter, scope.region.programme_start))
                    .distinct().select_related("household", "household__site")
                    .prefetch_related("household__members").order_by("registered_on"))
    found = [t for t in trajectories if question != "C" or _without_minors(t)]
    audit_record(actor=user, action="monitor_drill_down", purpose="kwartaalmonitor",
                 detail={"scope": scope.code, "quarter": quarter.label, "question": question,
                         "trajectories": [str(t.pk) for t in found]})
    return found


def visible_sites(user, scope: MonitorScope) -> list[Site]:
    """The region's sites whose own monitor this person may open (a partner sees the region total only)."""
    codes = {s.code for s in monitor_scopes_for(user) if s.kind == SITE and s.region.pk == scope.region.pk}
    return list(scope.region.sites.filter(code__in=codes).order_by("name"))


def approved_site_snapshots(sites: list[Site], quarter: str) -> dict[int, dict]:
    """Locked figures of the sites whose quarter is approved, by site id."""
    return dict(QuarterClosure.objects.filter(site__in=sites, quarter=quarter, status=rules.APPROVED)
                .values_list("site_id", "snapshot"))
