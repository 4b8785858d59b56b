"""Loading the monitor's figures for a site or a region and a quarter (`spec/monitor.md`).

A fixed number of queries, whatever the number of households or sites: every query runs once for a set of
sites and groups by site (`Trajectory.site`, the household's site copied onto each trajectory, so that the
quarter's dates narrow the rows through the composite indexes). Counts are aggregated in the database
(COUNT DISTINCT household); only what needs a date rule row by row comes back as value tuples (one row per
registration of the quarter for C, the quarter's episodes and each household's hours per form for D).
A region is the sum of its sites (`report.combine`): every household belongs to exactly one site, so the
distinct counts add up, and its average hours are the mean over all its households of that form.

`compute_monitor(site=|region=)` is the public API; `compute_monitor_many` and `compute_regions` give many
sites or regions at once, with the same queries (the national figures: one pass instead of one per region).
"""
import datetime as dt
import gc
from collections import defaultdict
from contextlib import contextmanager

from django.db.models import Count, OuterRef, Q, Subquery, Sum, Value
from django.db.models.functions import Coalesce, ExtractQuarter, ExtractYear

from tandem.cases.models import Involvement, Measure, Member, TimeEntry, Trajectory
from tandem.monitor import ledger_counts, rules
from tandem.monitor.models import Experience
from tandem.monitor.report import Counts, build_report, combine
from tandem.organisations.models import Region, Site

SITE = "trajectory__site_id"


def _lookup(model, value, what: str):
    if isinstance(value, model):
        return value
    found = model.objects.filter(code=str(value).strip()).first()
    if found is None:
        raise rules.MonitorError(f"Onbekende {what} '{value}'. Controleer de code.")
    return found


def resolve_scope(*, site=None, region=None) -> tuple[dict, dict[int, dt.date]]:
    """(scope for the output, {site id: its region's programme start} of the sites in the scope).

    Exactly one of `site` and `region`, each a model or its code."""
    if (site is None) == (region is None):
        raise rules.MonitorError("Kies een toekomsttuin of een regio, niet allebei en niet geen van beide.")
    if site is not None:
        site = _lookup(Site, site, "toekomsttuin")
        return {"site": site.code}, programme_starts(Site.objects.filter(pk=site.pk))
    region = _lookup(Region, region, "regio")
    return {"region": region.code}, programme_starts(Site.objects.filter(region=region))


def programme_starts(sites) -> dict[int, dt.date]:
    return dict(sites.order_by("id").values_list("id", "region__programme_start"))


def _after_programme_start(starts: dict[int, dt.date]) -> Q:
    """Registered on or after the programme start of the site's region (question B)."""
    by_start = defaultdict(list)
    for site, start in starts.items():
        by_start[start].append(site)
    condition = Q(pk__in=[])
    for start, sites in by_start.items():
        condition |= Q(site_id__in=sites, registered_on__gte=start)
    return condition


def _trajectory_counts(starts: dict[int, dt.date], quarter: rules.Quarter) -> dict[int, dict]:
    """active, A, B and E per site in one query (as `rules.household_counts`): each only looks at trajectories
    active in the quarter, since one registered or closed in the quarter is active in it."""
    registered = Q(registered_on__range=(quarter.start, quarter.end))
    closed = Q(closed_on__range=(quarter.start, quarter.end)) & _after_programme_start(starts)
    rows = (
        Trajectory.objects.filter(site_id__in=list(starts), registered_on__lte=quarter.end)
        .filter(Q(closed_on__isnull=True) | Q(closed_on__gte=quarter.start))
        .order_by().values("site_id")
        .annotate(
            active=Count("household_id", distinct=True),
            A=Count("household_id", distinct=True, filter=registered),
            B=Count("household_id", distinct=True, filter=closed),
            E=Count("household_id", distinct=True, filter=registered & Q(measure_considered=True)),
        )
    )
    return {row.pop("site_id"): row for row in rows}


# Sorts before every birth date: a member without a birth date who is recorded as a minor.
RECORDED_MINOR = dt.date(9999, 12, 31)


def _registrations(sites: list[int], quarter: rules.Quarter):
    """Per registration of the quarter, the member who decides question C: a member without a birth date recorded
    as a minor (`RECORDED_MINOR`), else the youngest member born by then. Being under 18 only gets likelier the
    later one was born, so the youngest decides (`rules.without_minors`). Network persons are not household
    members here; other members without a birth date count as adults. One index probe per registration."""
    decisive = (
        Member.objects.filter(household_id=OuterRef("household_id"), is_network=False)
        .filter(Q(birth_date__lte=OuterRef("registered_on")) | Q(birth_date__isnull=True, minor=True))
        .annotate(born=Coalesce("birth_date", Value(RECORDED_MINOR))).order_by("-born").values("born")[:1]
    )
    return (
        Trajectory.objects.filter(site_id__in=sites, registered_on__range=(quarter.start, quarter.end))
        .order_by().values_list("site_id", "household_id", "registered_on").annotate(born=Subquery(decisive))
    )


def _count_c(sites: list[int], quarter: rules.Quarter) -> dict[int, int]:
    """C per site: households registered in the quarter with no member under 18 on that registration date."""
    found = defaultdict(set)
    for site, household, registered_on, born in _registrations(sites, quarter):
        if born is None or (born != RECORDED_MINOR and not rules.under_age_at(born, None, registered_on)):
            found[site].add(household)
    return {site: len(households) for site, households in found.items()}


def _episodes(sites: list[int], quarter: rules.Quarter):
    """(episode, site, household, form, start, end) of every episode overlapping the quarter: the open ones and
    those ending in or after it, as two disjoint range scans of one index (UNION ALL, no OR)."""
    started = Involvement.objects.filter(site_id__in=sites, start__lte=quarter.end).order_by()
    columns = ("id", "site_id", "household_id", "form", "start", "end")
    return (started.filter(end__isnull=True).values_list(*columns)
            .union(started.filter(end__gte=quarter.start).values_list(*columns), all=True))


def _hours(sites: list[int], quarter: rules.Quarter, episodes: dict[int, tuple]) -> dict[tuple, object]:
    """Hours per (household, form) registered with a date inside the quarter: summed per episode in the
    database, then per household and form. Hours may lie outside their episode (preparation and aftercare), so
    an episode that does not overlap the quarter is looked up apart (one more query, only when there is one)."""
    per_episode = dict(
        TimeEntry.objects.filter(site_id__in=sites, on__range=(quarter.start, quarter.end))
        .order_by().values_list("involvement_id").annotate(total=Sum("hours"))
    )
    others = [episode for episode in per_episode if episode not in episodes]
    owners = dict(episodes)
    for episode, household, form in Involvement.objects.filter(pk__in=others).values_list("id", "household_id", "form"):
        owners[episode] = (household.int, form)
    totals = {}
    for episode, total in per_episode.items():
        key = owners[episode]
        totals[key] = totals[key] + total if key in totals else total
    return totals


def _count_d(sites: list[int], quarter: rules.Quarter) -> tuple[dict, dict]:
    """D per site: households per form with an episode in the quarter, and their hours per week (hours over the
    days covered by their episodes of that form; hours count only for households of that form in the quarter).
    """
    episodes, owners, site_of = defaultdict(list), {}, {}
    for episode, site, household, form, start, end in _episodes(sites, quarter):
        household = household.int  # hashed as a number: much faster than a UUID, the same identity
        episodes[(household, form)].append((start, end))
        owners[episode], site_of[household] = (household, form), site
    households = defaultdict(lambda: defaultdict(int))
    for household, form in episodes:
        households[site_of[household]][form] += 1
    tallies = defaultdict(lambda: defaultdict(rules.HoursTally))
    for (household, form), total in _hours(sites, quarter, owners).items():
        if (household, form) in episodes:
            days = rules.covered_days(episodes[(household, form)], quarter)
            tallies[site_of[household]][form].add(total, days)
    return households, tallies


def _measures(sites: list[int], first: dt.date, last: dt.date):
    return Measure.objects.filter(site_id__in=sites, initiated_from_site=True, on__range=(first, last))


def _count_f(sites: list[int], quarter: rules.Quarter) -> dict[int, dict]:
    found = defaultdict(dict)
    rows = _measures(sites, quarter.start, quarter.end).order_by().values_list("site_id", "type").annotate(
        n=Count("household_id", distinct=True))
    for site, kind, number in rows:
        found[site][kind] = number
    return found


def _count_f_cumulative(starts: dict[int, dt.date], quarter: rules.Quarter) -> dict[int, dict]:
    """F per type and site, summed over the quarters from the programme start's quarter up to this one."""
    firsts = {site: rules.quarter_of(start) for site, start in starts.items()}
    earliest = min(first.start for first in firsts.values())
    rows = (
        _measures(list(starts), earliest, quarter.end).order_by()
        .values_list("site_id", "type", ExtractYear("on"), ExtractQuarter("on"))
        .annotate(n=Count("household_id", distinct=True))
    )
    totals = defaultdict(lambda: defaultdict(int))
    for site, kind, year, number, n in rows:
        if (year, number) >= (firsts[site].year, firsts[site].number):
            totals[site][kind] += n
    return totals


def _experiences(sites: list[int], quarter: rules.Quarter) -> list[tuple]:
    """(site, question, text, answer, reasons) of G–K in the order they were entered."""
    return list(
        Experience.objects.filter(site_id__in=sites, quarter=quarter.label).order_by("id")
        .values_list("site_id", "question", "text", "answer", "reasons")
    )


@contextmanager
def _without_collector_pauses():
    """The rows of D come back as tens of thousands of small tuples at once. Meanwhile Python's cyclic garbage
    collector would walk every object of the process again and again (about a sixth of a region's time); these
    rows hold no cycles, and reference counting still frees them. The collector runs again afterwards."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def load_counts(starts: dict[int, dt.date], quarter: rules.Quarter, direct: bool = False) -> dict[int, Counts]:
    """Counts per site (experiences apart: see `_experiences`), for every site in `starts`: from the ledger
    (`ledger_counts`) when it is complete, else (or with `direct`) computed directly from the dossiers."""
    if not direct and ledger_counts.usable(starts):
        return ledger_counts.site_counts(starts, quarter)
    return direct_counts(starts, quarter)


def direct_counts(starts: dict[int, dt.date], quarter: rules.Quarter) -> dict[int, Counts]:
    """The direct computation: the reference for the ledger (the test suite compares both), and what builds it."""
    with _without_collector_pauses():
        return _load_counts(starts, quarter)


def _load_counts(starts: dict[int, dt.date], quarter: rules.Quarter) -> dict[int, Counts]:
    sites = list(starts)
    trajectories, c = _trajectory_counts(starts, quarter), _count_c(sites, quarter)
    form_households, form_hours = _count_d(sites, quarter)
    f, cumulative = _count_f(sites, quarter), _count_f_cumulative(starts, quarter)
    return {site: Counts(**trajectories.get(site, {}), C=c.get(site, 0),
                         form_households=dict(form_households.get(site, {})),
                         form_hours=dict(form_hours.get(site, {})), F=dict(f.get(site, {})),
                         F_cumulative=dict(cumulative.get(site, {})))
            for site in sites}


def _scope_report(scope: dict, quarter: rules.Quarter, parts: list[Counts], experiences: list[tuple]) -> dict:
    counts = combine(parts)
    counts.experiences = [row[1:] for row in experiences]
    return build_report(scope, quarter, counts)


def compute_monitor(*, site=None, region=None, quarter: str, direct: bool = False) -> dict:
    """The quarterly monitor of a site or a region (by model or by code) as the JSON object of monitor.md.
    `direct`: computed from the dossiers even when the ledger could answer (the reference)."""
    period = rules.parse_quarter(quarter)
    scope, starts = resolve_scope(site=site, region=region)
    per_site = load_counts(starts, period, direct) if starts else {}
    report = _scope_report(scope, period, list(per_site.values()), _experiences(list(starts), period))
    report["expert_presence"] = expert_presence(list(starts), period)
    return report


def compute_monitor_many(*, sites, quarter: str, direct: bool = False) -> dict[int, dict]:
    """The monitor of each of `sites` (models), keyed by site id, with the queries of one `compute_monitor`."""
    period = rules.parse_quarter(quarter)
    starts = programme_starts(Site.objects.filter(pk__in=[site.pk for site in sites]))
    if not starts:
        return {}
    per_site = load_counts(starts, period, direct)
    codes = dict(Site.objects.filter(pk__in=list(starts)).values_list("id", "code"))
    experiences, meetings = _experiences(list(starts), period), _expert_rows(list(starts), period)
    reports = {}
    for site, counts in per_site.items():
        reports[site] = _scope_report({"site": codes[site]}, period, [counts],
                                      [row for row in experiences if row[0] == site])
        reports[site]["expert_presence"] = _presence(meetings.get(site, {}))
    return reports


def compute_regions(*, regions, quarter: str, direct: bool = False) -> dict[str, dict]:
    """The monitor of each of `regions` (models or codes), keyed by region code: one pass over all their sites,
    then each region the sum of its sites (the national figures)."""
    period = rules.parse_quarter(quarter)
    regions = _regions(regions)
    sites = Site.objects.filter(region__in=regions)
    starts, region_of = programme_starts(sites), dict(sites.values_list("id", "region_id"))
    per_site = load_counts(starts, period, direct) if starts else {}
    experiences, meetings = _experiences(list(starts), period), _expert_rows(list(starts), period)
    reports = {}
    for region in regions:
        mine = {site for site, owner in region_of.items() if owner == region.pk}
        reports[region.code] = _scope_report({"region": region.code}, period,
                                             [per_site[site] for site in mine],
                                             [row for row in experiences if row[0] in mine])
        reports[region.code]["expert_presence"] = _presence(
            {key: sum(meetings.get(site, {}).get(key, 0) for site in mine) for key in ("total", "with_expert")})
    return reports


def _regions(regions) -> list[Region]:
    """Regions given as models or codes, in that order, with one query for the codes."""
    codes = [str(region).strip() for region in regions if not isinstance(region, Region)]
    found = {region.code: region for region in Region.objects.filter(code__in=codes)} if codes else {}
    return [region if isinstance(region, Region) else found.get(str(region).strip()) or _lookup(Region, region, "regio")
            for region in regions]


def _expert_rows(sites: list[int], quarter: rules.Quarter) -> dict[int, dict]:
    from tandem.safetyplan.models import NetworkMeeting

    rows = NetworkMeeting.objects.filter(
        **{f"{SITE}__in": sites}, held_on__gte=quarter.start, held_on__lte=quarter.end,
    ).order_by().values(SITE).annotate(total=Count("id"), with_expert=Count("id", filter=Q(expert__isnull=False)))
    return {row[SITE]: row for row in rows}


def _presence(counts: dict) -> dict:
    total, with_expert = counts.get("total", 0), counts.get("with_expert", 0)
    return {"meetings": total, "with_expert": with_expert, "pct": rules.percentage(with_expert, total)}


def expert_presence(sites: list[int], quarter: rules.Quarter) -> dict:
    """Network meetings held in the quarter and how many had an expert by experience present (issue "Tandem 3";
    domain §4 step 7: experience expertise is present at every meeting). Counts only."""
    rows = _expert_rows(sites, quarter).values()
    return _presence({key: sum(row[key] for row in rows) for key in ("total", "with_expert")})
