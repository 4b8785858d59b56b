"""`tandem bench`: a synthetic national dataset and the time the monitor takes on it (docs/performance.md).

THE ONE PLACE THAT BYPASSES THE SERVICES. Every real registration goes through `tandem.cases.services` and its
guardrails; benchmark data of a million households would take hours that way, so this module writes rows
straight into the tables (COPY on PostgreSQL, executemany on SQLite), in batches. It is for benchmark data
only: it refuses a database that holds any household that is not benchmark data, and without `--force` any
household at all. Benchmark regions, sites and organisations have codes starting with `BENCH-`.

The dataset follows the demo's proportions roughly (`tandem.demo.stories`): households of one or two adults
with up to three children (a third without children), registrations spread from the programme start
(2024-06-01) to 2026-09-30, about 60 % closed again and 8 % registering a second time, one main episode per
trajectory (consult 25 %, green 35 %, orange 20 %, red 10 %, just registered 10 %), time registered every one
to two weeks, RvdK requests, OTS and sometimes a custody-ending measure for red, a restraining order or a
contact ban for some orange, and an OTS not initiated from the site for some.

Then it times `compute_monitor` (best of 3, `time.perf_counter`) for one site, one region and every region,
exports the same data to Parquet (pyarrow) and computes the national figures in DuckDB as the reference of
what the hardware can do, and checks that DuckDB's figures equal Tandem's.
"""
import datetime as dt
import random
import tempfile
import time
import uuid
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

from django.core.management.color import no_style
from django.db import connection, transaction
from django.utils import timezone

from tandem.cases.models import Household, Involvement, Measure, Member, TimeEntry, Trajectory
from tandem.monitor import ledger, rules
from tandem.monitor.queries import compute_monitor, compute_regions
from tandem.organisations.models import Organisation, Region, Site, User

PREFIX = "BENCH-"
FIRST_DAY = dt.date(2024, 6, 1)
LAST_DAY = dt.date(2026, 9, 30)
BATCH = 10_000  # households per batch
HOURS = tuple(Decimal(h) for h in ("0.50", "1.00", "1.50", "2.00", "3.00", "4.00"))


class BenchRefused(Exception):
    """The database holds data that the benchmark must not touch. The message is plain Dutch."""


# ------------------------------------------------------------------------------------------ guarding

def _bench_households():
    return Household.objects.filter(site__code__startswith=PREFIX)


def check_database(force: bool) -> None:
    """Refuse real data always; refuse earlier benchmark data unless `force` (it is then removed)."""
    total = Household.objects.count()
    if not total:
        return
    bench = _bench_households().count()
    if bench < total:
        raise BenchRefused(
            f"Deze database bevat {total - bench} echte huishoudens. De benchmark schrijft rechtstreeks in de "
            "tabellen en mengt nooit met echte gegevens: gebruik een lege database (DATABASE_URL).")
    if not force:
        raise BenchRefused(
            f"Deze database bevat al {bench} benchmarkhuishoudens. Gebruik --force om ze te verwijderen en "
            "opnieuw te beginnen, of een lege database.")
    remove_bench_data()


def remove_bench_data() -> None:
    """Delete earlier benchmark rows with plain DELETEs (no cascade in Python: that takes hours at 1 M)."""
    households = _bench_households()
    with transaction.atomic():
        ledger.invalidate("benchmarkgegevens verwijderd")
        TimeEntry.objects.filter(involvement__trajectory__household__in=households)._raw_delete(connection.alias)
        Involvement.objects.filter(trajectory__household__in=households)._raw_delete(connection.alias)
        Measure.objects.filter(trajectory__household__in=households)._raw_delete(connection.alias)
        Trajectory.objects.filter(household__in=households)._raw_delete(connection.alias)
        Member.objects.filter(household__in=households)._raw_delete(connection.alias)
        households._raw_delete(connection.alias)
        User.objects.filter(username__startswith=PREFIX).delete()
        Organisation.objects.filter(code__startswith=PREFIX).delete()
        Site.objects.filter(code__startswith=PREFIX).delete()
        Region.objects.filter(code__startswith=PREFIX).delete()


# ------------------------------------------------------------------------------------------- writing

class Sink:
    """Writes tuples straight into a model's table: COPY on PostgreSQL, executemany elsewhere."""

    def __init__(self):
        self.postgres = connection.vendor == "postgresql"

    def _sqlite_value(self, value):
        if isinstance(value, uuid.UUID):
            return value.hex
        if isinstance(value, dt.datetime):  # as Django stores it on SQLite: naive UTC
            return value.astimezone(dt.timezone.utc).replace(tzinfo=None).isoformat(" ")
        if isinstance(value, dt.date):
            return value.isoformat()
        if isinstance(value, Decimal):
            return str(value)
        return value

    def write(self, model, fields: tuple[str, ...], rows: list[tuple]) -> None:
        if not rows:
            return
        quote = connection.ops.quote_name
        table = quote(model._meta.db_table)
        columns = ", ".join(quote(model._meta.get_field(name).column) for name in fields)
        with connection.cursor() as cursor:
            if self.postgres:
                with cursor.cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
                    for row in rows:
                        copy.write_row(row)
            else:
                marks = ", ".join(["%s"] * len(fields))
                cursor.executemany(f"INSERT INTO {table} ({columns}) VALUES ({marks})",
                                   [tuple(self._sqlite_value(v) for v in row) for row in rows])


HOUSEHOLD_FIELDS = ("id", "site", "ref", "created_at")
MEMBER_FIELDS = ("id", "household", "ref", "given_names", "prefix", "family_name", "birth_date", "minor", "bsn",
                 "is_network", "relation")
TRAJECTORY_FIELDS = ("id", "household", "site", "ref", "registered_on", "measure_considered", "reason", "closed_on",
                     "end_evaluation", "version")
INVOLVEMENT_FIELDS = ("id", "trajectory", "site", "household", "organisation", "form", "start", "end", "anonymous",
                      "household_informed_on")
TIME_FIELDS = ("involvement", "site", "on", "hours", "professional")
MEASURE_FIELDS = ("trajectory", "site", "household", "type", "on", "ends_on", "provisional", "extends",
                  "initiated_from_site", "subject", "handled_by")


class Generator:
    """Rows for one batch of households at a time, reproducible from the seed."""

    def __init__(self, rng: random.Random, sites: list[Site], organisations: dict[int, int], next_involvement: int):
        self.rng = rng
        self.sites = sites
        self.organisations = organisations  # region id → organisation id
        self.involvement_id = next_involvement
        self.now = timezone.now()
        self.clear()

    def clear(self):
        self.households, self.members, self.trajectories = [], [], []
        self.involvements, self.times, self.measures = [], [], []

    def uuid(self) -> uuid.UUID:
        return uuid.UUID(int=self.rng.getrandbits(128), version=4)

    def day_between(self, first: dt.date, last: dt.date) -> dt.date:
        return first + dt.timedelta(days=self.rng.randint(0, max((last - first).days, 0)))

    def household(self, number: int) -> None:
        rng = self.rng
        site = self.sites[rng.randrange(len(self.sites))]
        household = self.uuid()
        self.households.append((household, site.id, f"B{number}", self.now))
        adults = 1 if rng.random() < 0.35 else 2
        children = 0 if rng.random() < 0.33 else rng.randint(1, 3)
        for i in range(adults + children):
            born = (self.day_between(dt.date(1965, 1, 1), dt.date(2000, 12, 31)) if i < adults
                    else self.day_between(dt.date(2006, 1, 1), dt.date(2024, 6, 1)))
            self.members.append((self.uuid(), household, "", "Lid", "", f"Bench{number}", born, None, "", False, ""))
        organisation = self.organisations[site.region_id]
        registered = self.day_between(FIRST_DAY, LAST_DAY)
        closed = self.trajectory((household, site.id), organisation, registered)
        if closed and rng.random() < 0.08 * 2.5:  # about 8 % of all households register again
            again = closed + dt.timedelta(days=rng.randint(30, 200))
            if again <= LAST_DAY:
                self.trajectory((household, site.id), organisation, again)

    def trajectory(self, household: tuple, organisation: int, registered: dt.date) -> dt.date | None:
        """`household` is (household id, site id): the site is copied onto the trajectory, as the services do."""
        rng = self.rng
        closed = registered + dt.timedelta(days=rng.randint(30, 365)) if rng.random() < 0.6 else None
        if closed and closed > LAST_DAY:
            closed = None
        trajectory = self.uuid()
        story = rng.random()
        form = ("consult" if story < 0.25 else "green" if story < 0.60 else "orange" if story < 0.80
                else "red" if story < 0.90 else None)
        considered = form == "red" or (form == "orange" and rng.random() < 0.5) or rng.random() < 0.05
        self.trajectories.append((trajectory, *household, "", registered, considered, "", closed, "", 1))
        key = (trajectory, household[1], household[0])  # what episodes and measures copy: site and household
        if form:
            start = registered + dt.timedelta(days=rng.randint(0, 20))
            end = closed or (start + dt.timedelta(days=rng.randint(60, 200)) if rng.random() < 0.5 else None)
            if end and end < start:
                end = start
            self.episode(key, organisation, form, start, end)
            if form in ("orange", "red") and rng.random() < 0.3:  # advice before the heavier form
                self.episode(key, organisation, "consult", registered, start)
        self.legal(key, form, registered)
        return closed

    def episode(self, trajectory: tuple, organisation: int, form: str, start: dt.date, end: dt.date | None) -> None:
        rng = self.rng
        self.involvement_id += 1
        episode = self.involvement_id
        self.involvements.append((episode, *trajectory, organisation, form, start, end, False, None))
        last = min(end or LAST_DAY, start + dt.timedelta(days=180), LAST_DAY)
        day, entries = start, (rng.randint(1, 3) if form == "consult" else 16)
        while day <= last and entries:
            self.times.append((episode, trajectory[1], day, rng.choice(HOURS), None))
            day += dt.timedelta(days=rng.randint(7, 14))
            entries -= 1

    def legal(self, trajectory: tuple, form: str | None, registered: dt.date) -> None:
        rng = self.rng

        def measure(kind: str, on: dt.date, initiated: bool = True):
            if on <= LAST_DAY:
                self.measures.append((*trajectory, kind, on, None, False, None, initiated, None, None))

        if form == "red":
            request = registered + dt.timedelta(days=rng.randint(5, 30))
            measure("rvdk_request", request)
            ots = request + dt.timedelta(days=rng.randint(30, 90))
            measure("ots", ots)
            if rng.random() < 0.15:
                measure("muhp", ots + dt.timedelta(days=rng.randint(0, 30)))
            elif rng.random() < 0.3:
                measure("custody_ending", ots + dt.timedelta(days=rng.randint(120, 240)))
        elif form == "orange" and rng.random() < 0.3:
            measure(rng.choice(("restraining_order", "contact_ban")), registered + dt.timedelta(days=rng.randint(0, 30)))
        if rng.random() < 0.05:
            measure("ots", registered - dt.timedelta(days=rng.randint(10, 300)), initiated=False)
        if rng.random() < 0.02:
            measure("probation", registered + dt.timedelta(days=rng.randint(10, 200)))

    def flush(self, sink: Sink) -> None:
        sink.write(Household, HOUSEHOLD_FIELDS, self.households)
        sink.write(Member, MEMBER_FIELDS, self.members)
        sink.write(Trajectory, TRAJECTORY_FIELDS, self.trajectories)
        sink.write(Involvement, INVOLVEMENT_FIELDS, self.involvements)
        sink.write(TimeEntry, TIME_FIELDS, self.times)
        sink.write(Measure, MEASURE_FIELDS, self.measures)
        self.clear()


def build_dataset(households: int, sites: int, regions: int, seed: int,
                  progress: Callable[[str], None] = lambda text: None) -> None:
    """Write `households` benchmark households over `sites` sites in `regions` regions, batch by batch."""
    rng = random.Random(seed)
    with transaction.atomic():
        ledger.invalidate("benchmarkgegevens rechtstreeks geschreven")
        Region.objects.bulk_create(
            [Region(code=f"{PREFIX}R{r:02d}", name=f"Benchmarkregio {r}") for r in range(1, regions + 1)])
        region_rows = list(Region.objects.filter(code__startswith=PREFIX).order_by("code"))
        Site.objects.bulk_create([
            Site(region=region_rows[s % regions], code=f"{PREFIX}S{s + 1:03d}", name=f"Benchmarktuin {s + 1}",
                 municipality=f"Gemeente {s + 1}") for s in range(sites)])
        Organisation.objects.bulk_create([
            Organisation(code=f"{PREFIX}VT-{region.code[len(PREFIX):]}", name=f"Veilig Thuis {region.name}",
                         kind="veilig_thuis", region=region) for region in region_rows])
        organisations = dict(Organisation.objects.filter(code__startswith=PREFIX).values_list("region_id", "id"))
        site_rows = list(Site.objects.filter(code__startswith=PREFIX).order_by("code"))
        last = Involvement.objects.order_by("-id").values_list("id", flat=True).first() or 0
        generator, sink = Generator(rng, site_rows, organisations, last), Sink()
        for number in range(households):
            generator.household(number)
            if (number + 1) % BATCH == 0:
                generator.flush(sink)
                progress(f"{number + 1} huishoudens geschreven")
        generator.flush(sink)
        if sink.postgres:
            with connection.cursor() as cursor:
                for statement in connection.ops.sequence_reset_sql(no_style(), [Involvement]):
                    cursor.execute(statement)
    fresh_statistics()


def fresh_statistics() -> None:
    """ANALYZE, or the planner guesses on tables that were empty. VACUUM as well on PostgreSQL, so that index-only
    scans need not visit the table (not possible inside a transaction, as in the test suite)."""
    vacuum = connection.vendor == "postgresql" and not connection.in_atomic_block
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE" if vacuum else "ANALYZE")


# ------------------------------------------------------------------------------------------ measuring

def best_of(function: Callable[[], object], runs: int = 3) -> float:
    """The fastest of `runs` runs in milliseconds (the first run also warms the caches)."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return round(min(times) * 1000, 1)


def bench_regions() -> list[str]:
    return list(Region.objects.filter(code__startswith=PREFIX).order_by("code").values_list("code", flat=True))


def national(quarter: str) -> dict[str, dict]:
    """Every region's monitor in one pass over all their sites (`compute_regions`; a national figure is the sum
    of the regions)."""
    return compute_regions(regions=bench_regions(), quarter=quarter)


def region_page_client(region: str):
    """A test client logged in as the benchmark's coordinator of `region` (created once, username `BENCH-…`):
    coordinators see a region's figures and never dossiers."""
    from django.test import Client

    from tandem.organisations.models import Role

    organisation = Organisation.objects.get(code=f"{PREFIX}VT-{region[len(PREFIX):]}")
    user, _ = User.objects.get_or_create(username=f"{PREFIX}coordinator-{region}",
                                         defaults={"organisation": organisation, "role": Role.COORDINATOR})
    client = Client()
    client.force_login(user)
    try:  # signed in with the second factor as well, as the test suite's client does
        from tandem.accounts.verification import VERIFIED_KEY
    except ImportError:
        return client
    session = client.session
    session[VERIFIED_KEY] = user.pk
    session.save()
    return client


def region_page_ms(region: str, quarter: str) -> float:
    """The web page of a region's monitor (figures, trends since the programme start), best of 3."""
    from django.urls import reverse

    client, url = region_page_client(region), reverse("monitor:page", args=["regio", region, quarter])

    def fetch():
        response = client.get(url)
        if response.status_code != 200:
            raise BenchRefused(f"De monitorpagina {url} gaf status {response.status_code}.")

    return best_of(fetch)


# ------------------------------------------------------------------------------------- DuckDB reference

def _str(value):
    return None if value is None else str(value)


def export_parquet(directory: Path) -> None:
    """The benchmark data as six Parquet files: only the columns the monitor reads."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    def dump(name, queryset, fields, schema, convert=None):
        columns = {field: [] for field in schema.names}
        for row in queryset.values_list(*fields).iterator(chunk_size=50_000):
            for field, value in zip(schema.names, row):
                columns[field].append(convert[field](value) if convert and field in convert else value)
        pq.write_table(pa.table(columns, schema=schema), directory / f"{name}.parquet")

    households = _bench_households()
    ids = {"id": _str, "household": _str}
    dump("households", households, ("id", "site__region__code", "site__region__programme_start"),
         pa.schema([("id", pa.string()), ("region", pa.string()), ("programme_start", pa.date32())]), ids)
    dump("trajectories", Trajectory.objects.filter(household__in=households),
         ("household_id", "registered_on", "closed_on", "measure_considered"),
         pa.schema([("household", pa.string()), ("registered_on", pa.date32()), ("closed_on", pa.date32()),
                    ("measure_considered", pa.bool_())]), ids)
    dump("members", Member.objects.filter(household__in=households),
         ("household_id", "birth_date", "minor", "is_network"),
         pa.schema([("household", pa.string()), ("birth_date", pa.date32()), ("minor", pa.bool_()),
                    ("is_network", pa.bool_())]), ids)
    dump("involvements", Involvement.objects.filter(trajectory__household__in=households),
         ("id", "trajectory__household_id", "form", "start", "end"),
         pa.schema([("id", pa.int64()), ("household", pa.string()), ("form", pa.string()), ("start", pa.date32()),
                    ("end", pa.date32())]), {"household": _str})
    dump("time_entries", TimeEntry.objects.filter(involvement__trajectory__household__in=households),
         ("involvement_id", "on", "hours"),
         pa.schema([("involvement", pa.int64()), ("on", pa.date32()), ("hours", pa.decimal128(5, 2))]))
    dump("measures", Measure.objects.filter(trajectory__household__in=households),
         ("trajectory__household_id", "type", "on", "initiated_from_site"),
         pa.schema([("household", pa.string()), ("type", pa.string()), ("on", pa.date32()),
                    ("initiated_from_site", pa.bool_())]), {"household": _str})


DUCKDB_SQL = """
CREATE OR REPLACE TEMP VIEW h AS SELECT * FROM read_parquet('{dir}/households.parquet');
CREATE OR REPLACE TEMP VIEW t AS SELECT t.*, h.region, h.programme_start FROM read_parquet('{dir}/trajectories.parquet') t
  JOIN h ON t.household = h.id;
CREATE OR REPLACE TEMP VIEW m AS SELECT * FROM read_parquet('{dir}/members.parquet');
CREATE OR REPLACE TEMP VIEW i AS SELECT i.*, h.region FROM read_parquet('{dir}/involvements.parquet') i
  JOIN h ON i.household = h.id;
CREATE OR REPLACE TEMP VIEW te AS SELECT * FROM read_parquet('{dir}/time_entries.parquet');
CREATE OR REPLACE TEMP VIEW f AS SELECT f.*, h.region, h.programme_start FROM read_parquet('{dir}/measures.parquet') f
  JOIN h ON f.household = h.id;
"""

COUNTS_SQL = """
SELECT region,
  count(DISTINCT household) AS active,
  count(DISTINCT household) FILTER (registered_on BETWEEN $qs AND $qe) AS "A",
  count(DISTINCT household) FILTER (closed_on BETWEEN $qs AND $qe AND registered_on >= programme_start) AS "B",
  count(DISTINCT household) FILTER (registered_on BETWEEN $qs AND $qe AND measure_considered) AS "E"
FROM t WHERE registered_on <= $qe AND (closed_on IS NULL OR closed_on >= $qs) GROUP BY region
"""

C_SQL = """
WITH r AS (SELECT DISTINCT region, household, registered_on FROM t WHERE registered_on BETWEEN $qs AND $qe),
minors AS (
  SELECT r.region, r.household, r.registered_on,
    bool_or(CASE WHEN m.is_network IS NULL OR m.is_network THEN false
                 WHEN m.birth_date IS NULL THEN coalesce(m.minor, false)
                 WHEN m.birth_date > r.registered_on THEN false
                 ELSE r.registered_on < CASE WHEN month(m.birth_date) = 2 AND day(m.birth_date) = 29
                                             THEN make_date(year(m.birth_date) + 18, 3, 1)
                                             ELSE make_date(year(m.birth_date) + 18, month(m.birth_date),
                                                            day(m.birth_date)) END END) AS has_minor
  FROM r LEFT JOIN m ON m.household = r.household GROUP BY ALL)
SELECT region, count(DISTINCT household) AS "C" FROM minors WHERE NOT has_minor GROUP BY region
"""

D_SQL = """
WITH ep AS (
  SELECT region, household, form, greatest(start, $qs) AS s, least(coalesce("end", $qe), $qe) AS e
  FROM i WHERE start <= $qe AND ("end" IS NULL OR "end" >= $qs)),
reach AS (
  SELECT *, max(e) OVER (PARTITION BY household, form ORDER BY s, e
                         ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS before FROM ep),
islands AS (
  SELECT *, sum(CASE WHEN before IS NULL OR s > before THEN 1 ELSE 0 END)
              OVER (PARTITION BY household, form ORDER BY s, e) AS island FROM reach),
covered AS (
  SELECT region, household, form, sum(days) AS days FROM (
    SELECT region, household, form, island, max(e) - min(s) + 1 AS days FROM islands GROUP BY ALL) GROUP BY ALL),
hours AS (
  SELECT i.household, i.form, sum(te.hours) AS total FROM te JOIN i ON te.involvement = i.id
  WHERE te."on" BETWEEN $qs AND $qe GROUP BY ALL),
per_household AS (
  SELECT c.region, c.form, c.household,
         CAST(hours.total AS DOUBLE) * 7 / greatest(c.days, 7) AS hpw
  FROM covered c LEFT JOIN hours USING (household, form))
SELECT region, form, count(*) AS households, avg(hpw) AS avg_hours,
       count(hpw) FILTER (hpw < 1) AS licht, count(hpw) FILTER (hpw >= 1 AND hpw < 4) AS middel,
       count(hpw) FILTER (hpw >= 4) AS zwaar
FROM per_household GROUP BY ALL
"""

F_SQL = """
SELECT region, type, count(DISTINCT household) AS n FROM f
WHERE initiated_from_site AND "on" BETWEEN $qs AND $qe GROUP BY ALL
"""

F_CUMULATIVE_SQL = """
SELECT region, type, sum(n) AS n FROM (
  SELECT region, type, year("on") AS y, quarter("on") AS q, count(DISTINCT household) AS n FROM f
  WHERE initiated_from_site AND "on" BETWEEN $first AND $qe GROUP BY ALL) GROUP BY ALL
"""


def duckdb_national(directory: Path, quarter: str, programme_start: dt.date) -> dict[str, dict]:
    """The national figures per region, computed by DuckDB from the Parquet files."""
    import duckdb

    period = rules.parse_quarter(quarter)
    params = {"qs": period.start, "qe": period.end}
    db = duckdb.connect()
    db.execute(DUCKDB_SQL.format(dir=str(directory).replace("'", "''")))
    result: dict[str, dict] = {}

    def region(code):
        return result.setdefault(code, {"active": 0, "A": 0, "B": 0, "C": 0, "E": 0, "D": {}, "F": {},
                                        "F_cumulative": {}})

    for code, active, A, B, E in db.execute(COUNTS_SQL, params).fetchall():
        region(code).update(active=active, A=A, B=B, E=E)
    for code, C in db.execute(C_SQL, params).fetchall():
        region(code)["C"] = C
    for code, form, households, average, licht, middel, zwaar in db.execute(D_SQL, params).fetchall():
        region(code)["D"][form] = {"households": households, "avg_hours_per_week": average,
                                   "by_intensity": {"licht": licht, "middel": middel, "zwaar": zwaar}}
    for code, kind, n in db.execute(F_SQL, params).fetchall():
        region(code)["F"][kind] = n
    first = rules.quarter_of(programme_start).start
    for code, kind, n in db.execute(F_CUMULATIVE_SQL, {"first": first, "qe": period.end}).fetchall():
        region(code)["F_cumulative"][kind] = int(n)
    db.close()
    return result


def differences(tandem: dict[str, dict], reference: dict[str, dict]) -> list[str]:
    """Where DuckDB's figures differ from Tandem's (empty when they agree): counts exactly, hours within 0.01."""
    found = []
    for code, report in tandem.items():
        other = reference.get(code, {"active": 0, "A": 0, "B": 0, "C": 0, "E": 0, "D": {}, "F": {},
                                     "F_cumulative": {}})
        for key in ("active", "A", "B", "C", "E"):
            if report[key] != other[key]:
                found.append(f"{code} {key}: {report[key]} != {other[key]}")
        for form, values in report["D"].items():
            theirs = other["D"].get(form, {"households": 0, "avg_hours_per_week": None,
                                           "by_intensity": dict.fromkeys(rules.INTENSITIES, 0)})
            if values["households"] != theirs["households"] or values["by_intensity"] != theirs["by_intensity"]:
                found.append(f"{code} D {form}: {values} != {theirs}")
            mine, average = values["avg_hours_per_week"], theirs["avg_hours_per_week"]
            if (mine is None) != (average is None) or (mine is not None and abs(mine - average) > 0.01):
                found.append(f"{code} D {form} uren: {mine} != {average}")
        for key in ("F", "F_cumulative"):
            for kind, n in report[key].items():
                if n != other[key].get(kind, 0):
                    found.append(f"{code} {key} {kind}: {n} != {other[key].get(kind, 0)}")
    return found


# ------------------------------------------------------------------------------------------------ run

def build_ledger(progress: Callable[[str], None] = lambda text: None) -> float:
    """The monitor's ledger for the data written past the services (`ledger.rebuild`), in seconds."""
    start = time.perf_counter()
    ledger.rebuild(progress)
    return round(time.perf_counter() - start, 1)


def measure(quarter: str) -> dict:
    """The times of the first benchmark site, the first region, all regions and the first region's page (from
    the ledger), and of all regions computed directly from the dossiers (the reference), which must be equal."""
    site = Site.objects.filter(code__startswith=PREFIX).order_by("code").values_list("code", flat=True).first()
    region = bench_regions()[0]
    if not ledger.is_ready():
        raise BenchRefused("Het grootboek van de monitor is niet compleet: tandem monitor_ledger --rebuild.")
    direct = compute_regions(regions=bench_regions(), quarter=quarter, direct=True)
    return {
        "households": _bench_households().count(),
        "database": connection.vendor,
        "quarter": quarter,
        "site_ms": best_of(lambda: compute_monitor(site=site, quarter=quarter)),
        "region_ms": best_of(lambda: compute_monitor(region=region, quarter=quarter)),
        "national_ms": best_of(lambda: national(quarter)),
        "region_page_ms": region_page_ms(region, quarter),
        "direct_national_ms": best_of(lambda: compute_regions(regions=bench_regions(), quarter=quarter,
                                                              direct=True), runs=2),
        "ledger_equals_direct": national(quarter) == direct,
        "duckdb_national_ms": None,
    }


def run(households: int, sites: int, regions: int, seed: int, quarter: str, force: bool = False,
        build: bool = True, progress: Callable[[str], None] = lambda text: None, parquet: Path | None = None) -> dict:
    """Build (unless `build` is false and benchmark data is there), measure and return the figures."""
    if build:
        check_database(force)
        start = time.perf_counter()
        build_dataset(households, sites, regions, seed, progress)
        built_s = round(time.perf_counter() - start, 1)
    else:
        built_s = None
    ledger_s = None if ledger.is_ready() else build_ledger(progress)
    progress("meten: één toekomsttuin, één regio, alle regio's, de webpagina van een regio")
    figures = {**measure(quarter), "build_s": built_s, "ledger_build_s": ledger_s}
    try:
        import duckdb  # noqa: F401
        import pyarrow  # noqa: F401
    except ImportError as missing:
        figures["duckdb_note"] = f"DuckDB-referentie overgeslagen: {missing.name} is niet geïnstalleerd."
        progress(figures["duckdb_note"])
        return figures
    figures |= reference(quarter, progress, parquet)
    figures["duckdb_to_national"] = round(figures["duckdb_national_ms"] / figures["national_ms"], 1)
    return figures


def reference(quarter: str, progress: Callable[[str], None], parquet: Path | None = None) -> dict:
    """The DuckDB reference over a Parquet export, and whether its figures equal Tandem's. With `parquet`, the
    export is kept in (and on later runs read from) that folder, so repeated runs measure without exporting."""
    if parquet is None:
        with tempfile.TemporaryDirectory(prefix="tandem-bench-") as directory:
            return _reference(Path(directory), quarter, progress, export=True)
    parquet.mkdir(parents=True, exist_ok=True)
    return _reference(parquet, quarter, progress, export=not (parquet / "time_entries.parquet").exists())


def _reference(directory: Path, quarter: str, progress: Callable[[str], None], export: bool) -> dict:
    figures = {"parquet_export_s": None}
    if export:
        progress("exporteren naar Parquet")
        start = time.perf_counter()
        export_parquet(directory)
        figures["parquet_export_s"] = round(time.perf_counter() - start, 1)
    programme_start = Region.objects.get(code=bench_regions()[0]).programme_start
    progress("landelijke cijfers in DuckDB")
    figures["duckdb_national_ms"] = best_of(lambda: duckdb_national(directory, quarter, programme_start))
    problems = differences(national(quarter), duckdb_national(directory, quarter, programme_start))
    figures["duckdb_matches"] = not problems
    if problems:
        figures["duckdb_differences"] = problems[:10]
    return figures
