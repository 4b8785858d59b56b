"""The monitor's ledger: every site's figures for every quarter, kept up to date in the same transaction as each
change of a dossier, so that a region or the whole country sums a few thousand rows instead of scanning the
quarter's trajectories, episodes and hours (docs/architecture.md, "The monitor's ledger").

How it stays exact:
- A household's contributions (`contributions.household_contributions`) are a pure function of its facts.
- When a change of a household begins (`household_changing`, sent by `cases.services.base.lock` and the
  registration services), its row is locked and, the first time since the ledger was built, its current
  contributions are stored (`HouseholdLedger`): that is what the ledger holds for it.
- When the change is done (`household_changed`, sent by `log_change`), its contributions are computed again and
  only the difference is added to the ledger (`LedgerEntry`, insert only: changes of different households never
  wait for each other, and an import holds no lock but its own households').
- `rebuild` builds the ledger from the direct computation (`queries.direct_counts`), quarter by quarter.
- A change that bypassed the begin signal (a service that does not lock) turns the ledger off
  (`LedgerState.ready`), and the monitor falls back to the direct computation until the next `rebuild`. It is
  never wrong, at worst slow. Writes straight into the tables (the benchmark, a test's rows) call `invalidate`.
On PostgreSQL a rebuild takes an exclusive advisory lock that every change takes shared, so no change is lost
between the snapshot a rebuild counts and the moment it is ready. SQLite runs one writer at a time anyway.
"""
import logging
from collections import defaultdict

from django.db import DEFAULT_DB_ALIAS, connection, transaction
from django.db.models import Count, Max, Min, Q
from django.db.models.signals import pre_delete
from django.utils import timezone

from tandem.cases.models import Household, Involvement, Measure, Member, TimeEntry, Trajectory
from tandem.core import changes
from tandem.monitor import contributions, rules
from tandem.monitor.models import HouseholdLedger, LedgerEntry, LedgerSite, LedgerState
from tandem.organisations.models import Site

log = logging.getLogger(__name__)

LOCK_KEY = 0x7A4D0E  # the advisory lock between rebuilding and changing (PostgreSQL)
COMPACT_AFTER = 64  # a site's entries are summed up once it has this many new ones


# ------------------------------------------------------------------------------------------------ state

def is_ready() -> bool:
    return LedgerState.objects.filter(ready=True).exists()


def _set_state(ready: bool, note: str) -> None:
    updated = LedgerState.objects.update(ready=ready, note=note[:200], changed_at=timezone.now())
    if not updated:
        LedgerState.objects.create(ready=ready, note=note[:200])


def invalidate(note: str) -> None:
    """The ledger no longer holds every change: the monitor computes directly until the next `rebuild`."""
    _set_state(False, note)


def start_empty(*, using: str = DEFAULT_DB_ALIAS, **kwargs) -> None:
    """After `migrate` (and a test's flush): an installation without households has a complete, empty ledger. One
    with households keeps the state it has; without a state it is built now (once, when upgrading)."""
    if using != DEFAULT_DB_ALIAS or LedgerState.objects.exists():
        return
    if Household.objects.exists():
        rebuild()
    else:
        _set_state(True, "leeg begonnen")


def _lock(shared: bool) -> None:
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            function = "pg_advisory_xact_lock_shared" if shared else "pg_advisory_xact_lock"
            cursor.execute(f"SELECT {function}(%s)", [LOCK_KEY])


# ------------------------------------------------------------------------------------ one household's facts

def _facts(household_id) -> tuple[int | None, contributions.Facts | None]:
    """(site id, facts) of a household; (None, None) when it no longer exists. Through the trajectories: every
    table has an index that starts with the trajectory (the copied household has none of its own)."""
    row = Household.objects.filter(pk=household_id).values_list("site_id", "site__region__programme_start").first()
    if row is None:
        return None, None
    site_id, start = row
    recorded = LedgerSite.objects.filter(site_id=site_id).values_list("programme_start", flat=True).first()
    if recorded is None:
        LedgerSite.objects.get_or_create(site_id=site_id, defaults={"programme_start": start})
        recorded = start
    facts = contributions.Facts(
        programme_start=recorded,
        trajectories=list(Trajectory.objects.filter(household_id=household_id).order_by()
                          .values_list("registered_on", "closed_on", "measure_considered")),
        members=list(Member.objects.filter(household_id=household_id).order_by()
                     .values_list("birth_date", "minor", "is_network")),
        episodes=list(Involvement.objects.filter(trajectory__household_id=household_id).order_by()
                      .values_list("id", "form", "start", "end")),
        time_entries=list(TimeEntry.objects.filter(involvement__trajectory__household_id=household_id).order_by()
                          .values_list("involvement_id", "on", "hours")),
        measures=list(Measure.objects.filter(trajectory__household_id=household_id).order_by()
                      .values_list("type", "on", "initiated_from_site")),
    )
    return site_id, facts


def _encode(found: dict) -> list:
    return [[quarter, key, number, str(weight)] for (quarter, key), (number, weight) in sorted(found.items())]


def _decode(stored: list) -> dict:
    return {(quarter, key): (number, int(weight)) for quarter, key, number, weight in stored}


def _current(household_id) -> tuple[int | None, dict]:
    site_id, facts = _facts(household_id)
    return site_id, (contributions.household_contributions(facts) if facts else {})


def _write(site_id: int, found: dict) -> None:
    LedgerEntry.objects.bulk_create([
        LedgerEntry(site_id=site_id, quarter=quarter, key=key, running=key in contributions.RUNNING,
                    number=number, weight=str(weight))
        for (quarter, key), (number, weight) in sorted(found.items())])
    transaction.on_commit(lambda: compact_when_due(site_id), robust=True)


# ------------------------------------------------------------------------------------------------ hooks

def household_changing(*, household_id, **kwargs) -> None:
    """A change of this household begins: lock it and make sure what the ledger holds for it is stored."""
    _lock(shared=True)
    if not is_ready():
        return
    list(Household.objects.select_for_update().filter(pk=household_id).values_list("pk"))
    if not HouseholdLedger.objects.filter(pk=household_id).exists():
        site_id, found = _current(household_id)
        if site_id is not None:
            HouseholdLedger.objects.create(household_id=household_id, site_id=site_id, contributions=_encode(found))


def household_changed(*, household_id, **kwargs) -> None:
    """The change is made: add the difference of the household's contributions to the ledger."""
    if not is_ready():
        return
    stored = HouseholdLedger.objects.filter(pk=household_id).first()
    if stored is None:
        log.warning("monitor ledger: a change without household_changing; computing directly until a rebuild")
        invalidate("wijziging zonder household_changing: opnieuw opbouwen nodig")
        return
    site_id, found = _current(household_id)
    difference = contributions.difference(found, _decode(stored.contributions))
    if difference:
        _write(stored.site_id, difference)
        stored.contributions = _encode(found)
        stored.save(update_fields=["contributions"])


def household_deleted(*, instance, **kwargs) -> None:
    """A household is removed (retention): take what the ledger holds for it out again."""
    if not is_ready():
        return
    stored = HouseholdLedger.objects.filter(pk=instance.pk).first()
    site_id, found = (stored.site_id, _decode(stored.contributions)) if stored else _current(instance.pk)
    if site_id is not None and found:
        _write(site_id, contributions.difference({}, found))


def connect() -> None:
    """Called by `MonitorConfig.ready()`: the core and `cases` do not import the monitor."""
    changes.household_changing.connect(household_changing, dispatch_uid="monitor-ledger-changing")
    changes.household_changed.connect(household_changed, dispatch_uid="monitor-ledger-changed")
    pre_delete.connect(household_deleted, sender=Household, dispatch_uid="monitor-ledger-deleted")


# ------------------------------------------------------------------------------------------- compaction

def compact_when_due(site_id: int) -> None:
    if LedgerEntry.objects.filter(site_id=site_id, compacted=False).count() >= COMPACT_AFTER:
        compact(site_ids=[site_id])


def _delete_returning(site_ids: list[int]) -> list[tuple]:
    """Delete the sites' entries and return exactly those that were deleted (also when two compactions meet)."""
    table = connection.ops.quote_name(LedgerEntry._meta.db_table)
    marks = ", ".join(["%s"] * len(site_ids))
    with connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {table} WHERE site_id IN ({marks}) "
                       "RETURNING site_id, quarter, key, running, number, weight", site_ids)
        return cursor.fetchall()


@transaction.atomic
def compact(*, site_ids: list[int] | None = None) -> int:
    """Replace the entries of these sites (all sites: None) by one entry per site, quarter and key. Returns the
    number of entries left. The figures stay the same."""
    if site_ids is None:
        site_ids = list(Site.objects.values_list("id", flat=True))
    sums = defaultdict(lambda: [0, 0])
    for start in range(0, len(site_ids), 500):
        for site_id, quarter, key, running, number, weight in _delete_returning(site_ids[start:start + 500]):
            total = sums[(site_id, quarter, key, bool(running))]
            total[0] += number
            total[1] += int(weight)
    rows = [LedgerEntry(site_id=site_id, quarter=quarter, key=key, running=running, number=number,
                        weight=str(weight), compacted=True)
            for (site_id, quarter, key, running), (number, weight) in sorted(sums.items()) if number or weight]
    LedgerEntry.objects.bulk_create(rows, batch_size=5000)
    return len(rows)


# ---------------------------------------------------------------------------------------------- rebuild

def _data_span() -> tuple[rules.Quarter, rules.Quarter] | None:
    """The first and last quarter of any date the monitor reads (the last at least today's quarter)."""
    days = []
    for model, name in ((Trajectory, "registered_on"), (Trajectory, "closed_on"), (Involvement, "start"),
                        (Involvement, "end"), (TimeEntry, "on"), (Measure, "on")):
        days += model.objects.aggregate(first=Min(name), last=Max(name)).values()
    days = [day for day in days if day is not None]
    if not days:
        return None
    return rules.quarter_of(min(days)), rules.quarter_of(max(max(days), timezone.localdate()))


def _entries_of(site_id: int, number: int, counts, previous: dict) -> list[LedgerEntry]:
    """The entries of one site for one quarter from its directly computed counts (running keys as changes)."""
    values = {"active": counts.active, "A": counts.A, "B": counts.B, "C": counts.C, "E": counts.E}
    values |= {f"D:{form}": counts.form_households.get(form, 0) for form in rules.FORMS}
    values |= {f"F:{kind}": n for kind, n in counts.F.items()}
    entries = []
    for key, value in values.items():
        if key in contributions.RUNNING:
            value, previous[key] = value - previous.get(key, 0), value
        if value:
            entries.append(LedgerEntry(site_id=site_id, quarter=number, key=key, running=key in contributions.RUNNING,
                                       number=value, compacted=True))
    for form, tally in counts.form_hours.items():
        for level in rules.INTENSITIES:
            if tally.by_class[level] or tally.weights[level]:
                entries.append(LedgerEntry(site_id=site_id, quarter=number, key=f"H:{form}:{level}",
                                           number=tally.by_class[level], weight=str(tally.weights[level]),
                                           compacted=True))
    return entries


def _clear() -> None:
    for model in (LedgerEntry, HouseholdLedger, LedgerSite):
        model.objects.all()._raw_delete(connection.alias)


@transaction.atomic
def rebuild(progress=lambda text: None) -> int:
    """Build the ledger from the direct computation, quarter by quarter from the first date in the data to the
    quarter after today's (from then on nothing changes without a change of a dossier). Returns the number of
    entries. Changes wait meanwhile (PostgreSQL: the advisory lock)."""
    from tandem.monitor.queries import direct_counts, programme_starts

    _lock(shared=False)
    _clear()
    starts, span, total = programme_starts(Site.objects.all()), _data_span(), 0
    LedgerSite.objects.bulk_create([LedgerSite(site_id=site, programme_start=start) for site, start in starts.items()])
    if span is not None and starts:
        previous = defaultdict(dict)
        for quarter in rules.quarters_from(span[0], span[1].next()):
            progress(f"grootboek: {quarter.label}")
            number, rows = contributions.quarter_number(quarter), []
            for site_id, counts in direct_counts(starts, quarter).items():
                rows += _entries_of(site_id, number, counts, previous[site_id])
            LedgerEntry.objects.bulk_create(rows, batch_size=5000)
            total += len(rows)
    _set_state(True, f"opgebouwd: {total} regels")
    return total


def status() -> dict:
    """For `tandem monitor_ledger`: whether the ledger is used, and its size."""
    state = LedgerState.objects.first()
    entries = LedgerEntry.objects.aggregate(total=Count("id"), new=Count("id", filter=Q(compacted=False)))
    return {"ready": bool(state and state.ready), "note": state.note if state else "",
            "changed_at": state.changed_at.isoformat() if state else None, "entries": entries["total"],
            "uncompacted": entries["new"], "households_stored": HouseholdLedger.objects.count()}
