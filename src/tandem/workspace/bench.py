"""`tandem bench-families`: one consultant with many visible families, and how fast 'Mijn gezinnen' answers.

Unlike the monitor's bench, this builder goes THROUGH THE SERVICES (registration, triage, consent, involvement,
melding, measure, closing), as the screens do, so every guardrail holds for the data it measures on. It refuses a
database that holds any household outside its own site (codes start with FAMBENCH-), and earlier data of its own
unless `force`. Names are invented (tandem.demo.names). It then fetches /gezinnen/ as that consultant with Django's
test client (the whole request: middleware, the selectors, the template), best and median of `repeats`, and counts
the queries. docs/performance.md, section "Mijn gezinnen".
"""
import datetime as dt
import os
import random
import statistics
import time

from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from tandem.accounts.testing import TwoFactorClient
from tandem.cases import services
from tandem.cases.models import Household
from tandem.demo.names import BOYS, GIRLS, MEN, SURNAMES, WOMEN
from tandem.organisations.models import Organisation, Region, Site, User
from tandem.workspace.families import family_rows

PREFIX = "FAMBENCH-"
USERNAME = "fambench-consulent"


class BenchRefused(Exception):
    """The database holds data this builder must not touch. The message is plain Dutch."""


def check_database(force: bool) -> None:
    total = Household.objects.count()
    own = Household.objects.filter(site__code__startswith=PREFIX).count()
    if total > own:
        raise BenchRefused(f"Deze database bevat {total - own} andere huishoudens. Gebruik een lege database "
                           "(DATABASE_URL) voor deze meting.")
    if own and not force:
        raise BenchRefused(f"Deze database bevat al {own} huishoudens van deze meting. Gebruik --force om opnieuw "
                           "te beginnen, of --reuse om opnieuw te meten.")
    if own:
        Household.objects.filter(site__code__startswith=PREFIX).delete()


def _world():
    region, _ = Region.objects.get_or_create(code=PREFIX + "R", defaults={"name": "Regio Meetland"})
    site, _ = Site.objects.get_or_create(code=PREFIX + "S", defaults={"region": region, "name": "Toekomsttuin Meetstad",
                                                                       "municipality": "Meetstad"})
    local, _ = Organisation.objects.get_or_create(code=PREFIX + "LT", defaults={
        "name": "Gemeente Meetstad, lokaal team", "kind": "local_team", "site": site})
    vt, _ = Organisation.objects.get_or_create(code=PREFIX + "VT", defaults={
        "name": "Veilig Thuis Meetland", "kind": "veilig_thuis", "region": region})
    consultant = User.objects.filter(username=USERNAME).first() or User.objects.create_user(
        username=USERNAME, first_name="Meta", last_name="Meting", organisation=local, role="consulent")
    colleague = User.objects.filter(username=USERNAME + "-2").first() or User.objects.create_user(
        username=USERNAME + "-2", first_name="Mark", last_name="Meting", organisation=local, role="consulent")
    return site, vt, consultant, colleague


def _members(rng: random.Random) -> list[services.MemberData]:
    prefix, surname = rng.choice(SURNAMES)
    adult = services.MemberData(given_names=rng.choice(WOMEN + MEN), prefix=prefix, family_name=surname,
                                birth_date=dt.date(rng.randint(1970, 1998), rng.randint(1, 12), rng.randint(1, 28)))
    children = [services.MemberData(given_names=rng.choice(GIRLS + BOYS), prefix=prefix, family_name=surname,
                                    birth_date=dt.date(rng.randint(2008, 2023), rng.randint(1, 12), rng.randint(1, 28)))
                for _ in range(rng.randint(0, 3))]
    return [adult, *children]


def _story(rng, trajectory, consultant, vt, today) -> None:
    """Some of what happens in a trajectory, through the services (the guardrails hold)."""
    on = trajectory.registered_on
    if rng.random() < 0.8:
        services.triage_record(actor=consultant, trajectory=trajectory, kind="access", decided_on=on,
                               outcome="admitted", participants="Lokaal team en Veilig Thuis")
    kind = rng.random()
    if kind < 0.25:
        services.involvement_start(actor=consultant, trajectory=trajectory, organisation=vt, form="consult", start=on)
    elif kind < 0.55:
        mother = trajectory.household.members.order_by("birth_date").first()
        services.consent_record(actor=consultant, trajectory=trajectory, organisation=vt, given_by=mother,
                                purpose="samenwerken", given_on=on, how="paper")
        services.involvement_start(actor=consultant, trajectory=trajectory, organisation=vt, form="green", start=on)
    elif kind < 0.7:
        services.report_record(actor=consultant, trajectory=trajectory, on=on, organisation=vt)
        services.involvement_start(actor=consultant, trajectory=trajectory, organisation=vt, form="orange", start=on)
        if rng.random() < 0.3:
            child = trajectory.household.members.filter(birth_date__year__gte=2008).first()
            if child is not None:
                services.measure_record(actor=consultant, trajectory=trajectory, type="ots", on=on, subject=child,
                                        ends_on=min(on + dt.timedelta(days=rng.randint(200, 360)),
                                                    dt.date(on.year + 1, on.month, min(on.day, 28))))
    if rng.random() < 0.15 and on < today - dt.timedelta(days=30):
        services.trajectory_close(actor=consultant, trajectory=trajectory, closed_on=today,
                                  end_evaluation="Het is veilig genoeg.", exit_participants="Lokaal team en gezin",
                                  reason="Afgesloten voor de meting.")


def build(households: int, seed: int = 2024) -> float:
    """`households` registrations by one consultant at one site; returns the seconds it took."""
    started, rng, today = time.perf_counter(), random.Random(seed), timezone.localdate()
    site, vt, consultant, colleague = _world()
    for number in range(households):
        with transaction.atomic():
            registered = today - dt.timedelta(days=rng.randint(30, 700))
            owner = consultant if number % 4 else colleague  # a quarter led by a colleague: visible all the same
            trajectory = services.household_register(
                actor=owner, site=site, members=_members(rng), registered_on=registered,
                measure_considered=rng.random() < 0.3, reason="Zorgen over veiligheid.")
            _story(rng, trajectory, owner, vt, today)
    with connection.cursor() as cursor:  # fresh planner statistics, as autovacuum would keep them
        cursor.execute("ANALYZE")
    return round(time.perf_counter() - started, 1)


def _fetch(client, url) -> tuple[float, float, int, int]:
    with CaptureQueriesContext(connection) as queries:
        started, cpu = time.perf_counter(), time.process_time()
        response = client.get(url)
        elapsed, cpu = (time.perf_counter() - started) * 1000, (time.process_time() - cpu) * 1000
    return elapsed, cpu, len(queries), response.status_code


def _timed(client, url, repeats: int) -> dict:
    """Wall-clock time of the whole request (best and median), and the CPU time this process spent on it (the
    database server's own time is in the wall-clock figure only). On a shared machine the CPU figure shows what
    the page costs when the machine is not busy with other work."""
    _fetch(client, url)  # warm the caches
    runs = [_fetch(client, url) for _ in range(repeats)]
    if any(status != 200 for *_, status in runs):
        raise BenchRefused(f"{url} gaf geen pagina: {[status for *_, status in runs]}")
    times = [ms for ms, *_ in runs]
    return {"best_ms": round(min(times), 1), "median_ms": round(statistics.median(times), 1),
            "best_cpu_ms": round(min(cpu for _, cpu, *_ in runs), 1), "queries": runs[-1][2]}


def measure(repeats: int = 5) -> dict:
    """Time 'Mijn gezinnen' for the consultant: the first page, a name search, filters, sorting and paging; and
    the work list ("Mijn werk")."""
    consultant = User.objects.get(username=USERNAME)
    client = TwoFactorClient()
    client.force_login(consultant)
    url = reverse("cases:my_families")
    visible = len(family_rows(consultant, timezone.localdate()))
    result = {"database": connection.vendor, "visible_families": visible,
              "load_average": [round(x, 1) for x in os.getloadavg()], "first_page": _timed(client, url, repeats)}
    surname = SURNAMES[0][1]
    client.post(url, {"text": surname})
    result["search_name"] = _timed(client, url, repeats)
    client.post(url, {"phase": "Lopend", "regime": "orange"})
    result["filter_phase_regime"] = _timed(client, url, repeats)
    client.post(url, {"attention": "on"})
    result["filter_needs_attention"] = _timed(client, url, repeats)
    client.post(url, {"wissen": "1"})
    result["sorted_by_lead_page_3"] = _timed(client, url + "?sorteer=regie&pagina=3", repeats)
    result["work_list_page"] = _timed(client, reverse("workspace:work"), repeats)
    return result
