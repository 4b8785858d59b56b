"""Reading the monitor's figures from the ledger (`tandem.monitor.ledger`): per site, a quarter's sum of its
entries (running keys: up to and including the quarter). The same `report.Counts` as the direct computation in
`tandem.monitor.queries`, from a few thousand rows for the whole country instead of every row of the quarter."""
from collections import defaultdict

from django.db.models import DateField, Q, Sum, Value

from tandem.monitor import contributions, rules
from tandem.monitor.models import LedgerEntry, LedgerSite, LedgerState
from tandem.monitor.report import Counts


READY = -1  # in `usable`'s one query: the row that says the ledger is complete


def usable(starts: dict) -> bool:
    """The ledger is complete, and it counted B with the programme start each site's region has now (one query)."""
    if not starts:
        return False
    ready = LedgerState.objects.filter(ready=True).values_list(Value(READY), Value(None, output_field=DateField()))
    rows = dict(ready.union(LedgerSite.objects.filter(site_id__in=list(starts)).values_list("site_id", "programme_start"),
                            all=True))
    return READY in rows and all(rows.get(site, start) == start for site, start in starts.items())


def _by_start(starts: dict, quarter: int) -> Q:
    """F cumulative: F's entries from the quarter of each site's programme start up to `quarter`."""
    groups = defaultdict(list)
    for site, start in starts.items():
        groups[contributions.number_of_day(start)].append(site)
    condition = Q(pk__in=[])
    for first, sites in groups.items():
        condition |= Q(site_id__in=sites, quarter__gte=first)
    return condition & Q(quarter__lte=quarter, key__startswith="F:")


def _apply(counts: Counts, key: str, number: int) -> None:
    if key in ("active", "A", "B", "C", "E"):
        setattr(counts, key, getattr(counts, key) + number)
    elif key.startswith("D:"):
        counts.form_households[key[2:]] = counts.form_households.get(key[2:], 0) + number
    elif key.startswith("F:"):
        counts.F[key[2:]] = counts.F.get(key[2:], 0) + number


def site_counts(starts: dict, quarter: rules.Quarter) -> dict[int, Counts]:
    """Counts per site (experiences apart) for every site in `starts`, from the ledger."""
    sites, number = list(starts), contributions.quarter_number(quarter)
    found = {site: Counts() for site in sites}
    entries = LedgerEntry.objects.filter(site_id__in=sites).order_by()
    now = Q(quarter=number, running=False) | Q(quarter__lte=number, running=True)
    cumulative = _by_start(starts, number)
    rows = (entries.filter(now | cumulative).exclude(key__startswith="H:").values_list("site_id", "key")
            .annotate(n=Sum("number", filter=now, default=0), cumulative=Sum("number", filter=cumulative, default=0)))
    for site, key, n, total in rows:
        _apply(found[site], key, n)
        if key.startswith("F:") and total:
            found[site].F_cumulative[key[2:]] = total
    for site, key, n, weight in entries.filter(quarter=number, key__startswith="H:").values_list(
            "site_id", "key", "number", "weight"):
        _, form, level = key.split(":")
        found[site].form_hours.setdefault(form, rules.HoursTally()).add_class(level, n, int(weight))
    return found


def trend_counts(starts: dict, quarters: list[rules.Quarter]) -> dict[str, Counts]:
    """The trend figures (active, A, B, E, D's households, F) of the scope for each of `quarters` (consecutive),
    summed over its sites: one query, running keys added up quarter by quarter."""
    numbers = {contributions.quarter_number(q): q.label for q in quarters}
    first, last = min(numbers), max(numbers)
    rows = (LedgerEntry.objects.filter(site_id__in=list(starts), quarter__lte=last).order_by()
            .filter(Q(running=True) | Q(quarter__gte=first)).exclude(key__startswith="H:")
            .exclude(key="C").values_list("quarter", "key").annotate(n=Sum("number")).order_by("quarter"))
    per_quarter, running = defaultdict(dict), defaultdict(int)
    for number, key, n in rows:
        per_quarter[number][key] = n
    found = {}
    for number in sorted(set(per_quarter) | set(numbers)):
        if number > last:
            break
        for key, n in per_quarter.get(number, {}).items():
            if key in contributions.RUNNING:
                running[key] += n
        if number in numbers:
            counts = Counts()
            for key, n in running.items():
                _apply(counts, key, n)
            for key, n in per_quarter.get(number, {}).items():
                if key not in contributions.RUNNING:
                    _apply(counts, key, n)
            found[numbers[number]] = counts
    return found
