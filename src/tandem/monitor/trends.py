"""The figures of the monitor page's trend charts for many quarters at once (`presentation.trend_charts`).

The charts show active, A, B, E, D's households per form and F per type. Instead of one full
`compute_monitor` per quarter since the programme start, each of these is one query over all the quarters:
a conditional COUNT DISTINCT per quarter (active, A, B, E; the households per form) or a GROUP BY on the
measure's quarter (F). The counting conditions are those of `queries` (and `rules`), quarter by quarter;
`tests/monitor/test_queries.py` checks that both agree. The other figures (C, hours, F cumulative,
experiences) are not in the charts and are left empty.
"""
from collections import defaultdict
from types import SimpleNamespace

from django.db.models import Count, Q
from django.db.models.functions import ExtractQuarter, ExtractYear

from tandem.cases.models import Involvement, Measure, Trajectory
from tandem.monitor import ledger_counts, rules
from tandem.monitor.queries import _after_programme_start, resolve_scope
from tandem.monitor.report import Counts, build_report


def _active(quarter: rules.Quarter) -> Q:
    return Q(registered_on__lte=quarter.end) & (Q(closed_on__isnull=True) | Q(closed_on__gte=quarter.start))


def _trajectory_counts(starts: dict, quarters: list[rules.Quarter]) -> dict[str, dict]:
    after_start, aggregates = _after_programme_start(starts), {}
    for i, quarter in enumerate(quarters):
        registered = Q(registered_on__range=(quarter.start, quarter.end))
        closed = Q(closed_on__range=(quarter.start, quarter.end)) & after_start
        aggregates |= {f"active_{i}": Count("household_id", distinct=True, filter=_active(quarter)),
                       f"A_{i}": Count("household_id", distinct=True, filter=registered),
                       f"B_{i}": Count("household_id", distinct=True, filter=closed),
                       f"E_{i}": Count("household_id", distinct=True, filter=registered & Q(measure_considered=True))}
    row = (Trajectory.objects.filter(site_id__in=list(starts)).filter(_active(_span(quarters)))
           .order_by().aggregate(**aggregates))
    return {quarter.label: {key: row[f"{key}_{i}"] for key in ("active", "A", "B", "E")}
            for i, quarter in enumerate(quarters)}


def _span(quarters: list[rules.Quarter]) -> SimpleNamespace:
    """From the first quarter's start to the last one's end, as a stand-in quarter (`start` and `end`)."""
    return SimpleNamespace(start=quarters[0].start, end=quarters[-1].end)


def _overlap(quarter) -> Q:
    return Q(start__lte=quarter.end) & (Q(end__isnull=True) | Q(end__gte=quarter.start))


def _form_households(sites: list[int], quarters: list[rules.Quarter]) -> dict[str, dict]:
    rows = (
        Involvement.objects.filter(site_id__in=sites).filter(_overlap(_span(quarters)))
        .order_by().values("form")
        .annotate(**{f"q_{i}": Count("household_id", distinct=True, filter=_overlap(quarter))
                     for i, quarter in enumerate(quarters)})
    )
    found = defaultdict(dict)
    for row in rows:
        for i, quarter in enumerate(quarters):
            found[quarter.label][row["form"]] = row[f"q_{i}"]
    return found


def _measures(sites: list[int], quarters: list[rules.Quarter]) -> dict[str, dict]:
    rows = (
        Measure.objects.filter(site_id__in=sites, initiated_from_site=True,
                               on__range=(quarters[0].start, quarters[-1].end))
        .order_by().values_list("type", ExtractYear("on"), ExtractQuarter("on"))
        .annotate(n=Count("household_id", distinct=True))
    )
    found = defaultdict(dict)
    for kind, year, number, n in rows:
        found[rules.Quarter(year, number).label][kind] = n
    return found


def trend_reports(*, site=None, region=None, quarters: list[rules.Quarter], direct: bool = False) -> dict[str, dict]:
    """{quarter label: a monitor object with the trend figures filled in} for the given (consecutive) quarters:
    from the ledger when it is complete (`ledger_counts.trend_counts`), else (or with `direct`) as below."""
    if not quarters:
        return {}
    scope, starts = resolve_scope(site=site, region=region)
    if not starts:
        return {q.label: build_report(scope, q, Counts()) for q in quarters}
    if not direct and ledger_counts.usable(starts):
        counts = ledger_counts.trend_counts(starts, quarters)
        return {q.label: build_report(scope, q, counts[q.label]) for q in quarters}
    counts = _trajectory_counts(starts, quarters)
    forms, measures = _form_households(list(starts), quarters), _measures(list(starts), quarters)
    return {q.label: build_report(scope, q, Counts(**counts[q.label], form_households=forms.get(q.label, {}),
                                                   F=measures.get(q.label, {})))
            for q in quarters}
