"""Loading the monitor's figures for a site or a region and a quarter (`spec/monitor.md`).

A fixed number of queries, whatever the number of households: counts are aggregated in the database
(COUNT DISTINCT household); only what needs a date rule row by row comes back as value tuples (the members
of the households registered in the quarter, for C; the episodes of households with hours, for D).
A region is one scope: every household belongs to exactly one site, so the distinct counts over the region
equal the sums of its sites, and its average hours are the mean over all its households of that form.
"""
import datetime as dt
from collections import defaultdict

from django.db.models import Count, Exists, OuterRef, Q, Sum
from django.db.models.functions import ExtractQuarter, ExtractYear

from tandem.cases.models import Involvement, Measure, TimeEntry, Trajectory
from tandem.monitor import rules
from tandem.monitor.models import Experience
from tandem.monitor.report import Counts, build_report
from tandem.organisations.models import Region, Site

HOUSEHOLD = "trajectory__household"


def _lookup(model, value, what: str):
    if isinstance(value, model):
        return value
    found = model.objects.filter(code=str(value).strip()).first()
    if found is None:
        raise rules.MonitorError(f"Onbekende {what} '{value}'. Controleer de code.")
    return found


def resolve_scope(*, site=None, region=None) -> tuple[dict, Q, Region]:
    """(scope for the output, filter on the `site` of a household or an experience, region).

    Exactly one of `site` and `region`, each a model or its code."""
    if (site is None) == (region is None):
        raise rules.MonitorError("Kies een toekomsttuin of een regio, niet allebei en niet geen van beide.")
    if site is not None:
        site = _lookup(Site, site, "toekomsttuin")
        return {"site": site.code}, Q(site=site), site.region
    region = _lookup(Region, region, "regio")
    return {"region": region.code}, Q(site__region=region), region


def _prefixed(households: Q, prefix: str) -> Q:
    """The household filter as seen from a related model (`trajectory__household__site=…`)."""
    return Q(**{f"{prefix}__{key}": value for key, value in households.children})


def _trajectory_counts(households: Q, quarter: rules.Quarter, programme_start: dt.date) -> dict:
    """active, A, B and E in one query (as `rules.household_counts`): each only looks at trajectories active
    in the quarter, since one registered or closed in the quarter is active in it."""
    registered = Q(registered_on__range=(quarter.start, quarter.end))
    closed = Q(closed_on__range=(quarter.start, quarter.end), registered_on__gte=programme_start)
    return (
        Trajectory.objects.filter(_prefixed(households, "household"))
        .filter(Q(registered_on__lte=quarter.end), Q(closed_on__isnull=True) | Q(closed_on__gte=quarter.start))
        .aggregate(
            active=Count("household", distinct=True),
            A=Count("household", distinct=True, filter=registered),
            B=Count("household", distinct=True, filter=closed),
            E=Count("household", distinct=True, filter=registered & Q(measure_considered=True)),
        )
    )


def _count_c(households: Q, quarter: rules.Quarter) -> int:
    """C: households registered in the quarter with no member under 18 on that registration date."""
    rows = (
        Trajectory.objects.filter(_prefixed(households, "household"))
        .filter(registered_on__range=(quarter.start, quarter.end))
        .values_list("household_id", "registered_on", "household__members__birth_date",
                     "household__members__minor", "household__members__is_network")
    )
    registrations = defaultdict(list)
    for household, registered_on, birth_date, minor, is_network in rows:
        members = registrations[(household, registered_on)]
        if is_network is not None:  # None: a household without members (outer join)
            members.append((birth_date, minor, is_network))
    return len({household for (household, registered_on), members in registrations.items()
                if rules.without_minors(members, registered_on)})


def _episodes_in(households: Q, quarter: rules.Quarter):
    return Involvement.objects.filter(_prefixed(households, HOUSEHOLD)).filter(
        Q(start__lte=quarter.end), Q(end__isnull=True) | Q(end__gte=quarter.start))


def _form_households(households: Q, quarter: rules.Quarter) -> dict[str, int]:
    rows = _episodes_in(households, quarter).values("form").annotate(n=Count(HOUSEHOLD, distinct=True))
    return {row["form"]: row["n"] for row in rows}


def _hours(households: Q, quarter: rules.Quarter) -> dict[tuple, object]:
    """Hours per (household, form) registered with a date inside the quarter, summed in the database."""
    rows = (
        TimeEntry.objects.filter(_prefixed(households, f"involvement__{HOUSEHOLD}"))
        .filter(on__range=(quarter.start, quarter.end))
        .values_list(f"involvement__{HOUSEHOLD}", "involvement__form")
        .annotate(total=Sum("hours"))
    )
    return {(household, form): total for household, form, total in rows}


def _episodes_with_hours(households: Q, quarter: rules.Quarter):
    """(household, form, start, end) of the quarter's episodes of households that have hours on that form."""
    hours = TimeEntry.objects.filter(
        involvement__trajectory__household=OuterRef(HOUSEHOLD), involvement__form=OuterRef("form"),
        on__range=(quarter.start, quarter.end))
    return _episodes_in(households, quarter).filter(Exists(hours)).values_list(HOUSEHOLD, "form", "start", "end")


def _form_hours(households: Q, quarter: rules.Quarter) -> dict[str, list]:
    """D: per form, each household's hours per week (hours over the days covered by its episodes, in weeks)."""
    episodes = defaultdict(list)
    for household, form, start, end in _episodes_with_hours(households, quarter):
        episodes[(household, form)].append((start, end))
    per_form = defaultdict(list)
    for (household, form), total in _hours(households, quarter).items():
        if (household, form) in episodes:  # hours count only for households of that form in the quarter
            days = rules.covered_days(episodes[(household, form)], quarter)
            per_form[form].append(rules.hours_per_week(total, days))
    return dict(per_form)


def _measures(households: Q, first: dt.date, last: dt.date):
    return Measure.objects.filter(_prefixed(households, HOUSEHOLD)).filter(
        initiated_from_site=True, on__range=(first, last))


def _count_f(households: Q, quarter: rules.Quarter) -> dict[str, int]:
    rows = _measures(households, quarter.start, quarter.end).values("type").annotate(
        n=Count(HOUSEHOLD, distinct=True))
    return {row["type"]: row["n"] for row in rows}


def _count_f_cumulative(households: Q, quarter: rules.Quarter, programme_start: dt.date) -> dict[str, int]:
    """F per type, summed over the quarters from the programme start's quarter up to and including this one."""
    first = rules.quarter_of(programme_start)
    if not rules.quarters_from(first, quarter):
        return {}
    rows = (
        _measures(households, first.start, quarter.end)
        .values("type", year=ExtractYear("on"), number=ExtractQuarter("on"))
        .annotate(n=Count(HOUSEHOLD, distinct=True))
    )
    totals = defaultdict(int)
    for row in rows:
        totals[row["type"]] += row["n"]
    return dict(totals)


def _experiences(households: Q, quarter: rules.Quarter) -> list[tuple]:
    """G–K in the order they were entered. The scope filter works on anything with a `site` field."""
    return list(
        Experience.objects.filter(households, quarter=quarter.label).order_by("id")
        .values_list("question", "text", "answer", "reasons")
    )


def load_counts(households: Q, quarter: rules.Quarter, programme_start: dt.date) -> Counts:
    trajectories = _trajectory_counts(households, quarter, programme_start)
    return Counts(
        **trajectories,
        C=_count_c(households, quarter),
        form_households=_form_households(households, quarter),
        form_hours=_form_hours(households, quarter),
        F=_count_f(households, quarter),
        F_cumulative=_count_f_cumulative(households, quarter, programme_start),
        experiences=_experiences(households, quarter),
    )


def compute_monitor(*, site=None, region=None, quarter: str) -> dict:
    """The quarterly monitor of a site or a region (by model or by code) as the JSON object of monitor.md."""
    period = rules.parse_quarter(quarter)
    scope, households, scope_region = resolve_scope(site=site, region=region)
    counts = load_counts(households, period, scope_region.programme_start)
    report = build_report(scope, period, counts)
    report["expert_presence"] = expert_presence(households, period)
    return report


def expert_presence(households: Q, quarter: rules.Quarter) -> dict:
    """Network meetings held in the quarter and how many had an expert by experience present (issue "Tandem 3";
    domain §4 step 7: experience expertise is present at every meeting). Counts only."""
    from tandem.safetyplan.models import NetworkMeeting

    counts = NetworkMeeting.objects.filter(
        _prefixed(households, "trajectory__household"), held_on__gte=quarter.start, held_on__lte=quarter.end,
    ).aggregate(total=Count("id"), with_expert=Count("id", filter=Q(expert__isnull=False)))
    return {"meetings": counts["total"], "with_expert": counts["with_expert"],
            "pct": rules.percentage(counts["with_expert"], counts["total"])}
