"""What the monitor page of one site or region and quarter shows, gathered in one place for the view."""
import datetime as dt

from django.utils import timezone

from tandem.core.routers import replica_reads
from tandem.monitor import presentation, rules, services
from tandem.monitor.queries import compute_monitor, compute_monitor_many
from tandem.monitor.selectors import (
    MonitorScope,
    approved_site_snapshots,
    closure_for,
    may_drill_down,
    region_closures,
    site_of,
    visible_sites,
)
from tandem.monitor.trends import trend_reports

STATUS_LABELS = {rules.OPEN: "Open", rules.SUBMITTED: "Ingediend, wacht op goedkeuring",
                 rules.APPROVED: "Goedgekeurd"}


def _first_quarter(scope: MonitorScope) -> rules.Quarter:
    return rules.quarter_of(scope.region.programme_start)


def quarter_navigation(scope: MonitorScope, quarter: rules.Quarter, today: dt.date | None = None) -> dict:
    first, last = _first_quarter(scope), rules.quarter_of(today or timezone.localdate())
    quarters = rules.quarters_from(first, last)
    previous = next((q for q in reversed(quarters) if q.next() == quarter), None)
    following = quarter.next() if quarter.next() in quarters else None
    return {"previous": previous, "next": following, "all": [q.label for q in reversed(quarters)]}


def _report(scope: MonitorScope, quarter: rules.Quarter, snapshots: dict) -> dict:
    return snapshots.get(quarter.label) or _live(scope, quarter)


def _live(scope: MonitorScope, quarter: rules.Quarter) -> dict:
    """The figures as they are now: only read, so they may come from a read replica (docs/scaling.md)."""
    with replica_reads():
        return compute_monitor(**scope.query_args(), quarter=quarter.label)


def _snapshots(scope: MonitorScope, site) -> dict:
    """Locked figures per quarter: a site's approved closures, or the region's stored snapshots."""
    if site is None:
        return {s.quarter: s.snapshot for s in scope.region.snapshots.all()}
    return {closure.quarter: closure.snapshot for closure in site.quarter_closures.filter(status=rules.APPROVED)}


def _trends(scope: MonitorScope, quarter: rules.Quarter, snapshots: dict, report: dict) -> list:
    """Approved quarters from their locked figures; the others' trend figures in one pass (`trends`)."""
    quarters = rules.quarters_from(_first_quarter(scope), quarter)
    known = {**{q.label: snapshots[q.label] for q in quarters if q.label in snapshots}, quarter.label: report}
    with replica_reads():
        live = trend_reports(**scope.query_args(), quarters=[q for q in quarters if q.label not in known])
    return presentation.trend_charts([known.get(q.label) or live[q.label] for q in quarters])


def _status(scope: MonitorScope, site, closure, quarter: rules.Quarter) -> dict:
    if site is not None:
        status = closure.status if closure else rules.OPEN
        return {"final": status == rules.APPROVED, "code": status, "label": STATUS_LABELS[status], "sites": []}
    sites = [{"site": s, "label": STATUS_LABELS[st], "final": st == rules.APPROVED}
             for s, st in region_closures(scope.region, quarter.label)]
    final = bool(sites) and all(s["final"] for s in sites)
    return {"final": final, "code": None, "label": "", "sites": sites}


def _actions(user, site, status: dict) -> dict:
    if site is None:
        return {}
    code = status["code"]
    return {
        "experiences": code != rules.APPROVED and services.may_record_experiences(user, site),
        "submit": code == rules.OPEN and services.may_submit(user, site),
        "approve": code == rules.SUBMITTED and services.may_approve(user, site),
        "reopen": code != rules.OPEN and services.may_reopen(user, site),
    }


def site_table(user, scope: MonitorScope, quarter: rules.Quarter, report: dict) -> dict | None:
    """The region page's figures per site side by side, with the region beside them: a site's locked figures once
    its quarter is approved, else as they are now. Only the sites this person may open themselves."""
    if scope.is_site:
        return None
    sites = visible_sites(user, scope)
    if not sites:
        return None
    locked = approved_site_snapshots(sites, quarter.label)
    with replica_reads():
        live = compute_monitor_many(sites=[s for s in sites if s.pk not in locked], quarter=quarter.label)
    columns = [(site.name, locked.get(site.pk) or live.get(site.pk)) for site in sites]
    return presentation.site_table(columns, (f"Regio {scope.name}", report))


def index_quarter(scope: MonitorScope, today: dt.date | None = None) -> rules.Quarter:
    """Where the index sends a person: the last finished quarter of this monitor."""
    start = scope.region.programme_start
    return rules.last_finished(today or timezone.localdate(), rules.quarter_of(start) if start else None)


def monitor_page(user, scope: MonitorScope, quarter: rules.Quarter) -> dict:
    site = site_of(scope)
    closure = closure_for(site, quarter.label) if site else None
    snapshots = _snapshots(scope, site)
    report = _report(scope, quarter, snapshots)
    status = _status(scope, site, closure, quarter)
    differences = []
    if quarter.label in snapshots:
        differences = presentation.differences(report, _live(scope, quarter))
    return {
        "scope": scope, "site": site, "quarter": quarter, "report": report, "status": status,
        "closure": closure, "events": list(closure.events.all()) if closure else [],
        "differences": differences, "d_rows": presentation.d_rows(report), "f_rows": presentation.f_rows(report),
        "charts": _trends(scope, quarter, snapshots, report), "navigation": quarter_navigation(scope, quarter),
        "drill": may_drill_down(user), "actions": _actions(user, site, status),
        "intensity_labels": presentation.INTENSITY_LABELS, "site_table": site_table(user, scope, quarter, report),
    }
