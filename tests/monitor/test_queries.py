"""compute_monitor against the database: a fixed number of queries, the same answers as the pure rules, and a
region that adds up its sites."""
import datetime as dt
import random
from collections import defaultdict
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tandem.monitor import rules
from tandem.monitor.queries import (
    compute_monitor,
    compute_monitor_many,
    compute_regions,
)
from tandem.monitor.rules import MonitorError, Quarter
from tandem.monitor.trends import trend_reports
from tandem.organisations.models import Region

D = dt.date
pytestmark = pytest.mark.django_db


def household_with_everything(build, site, registered_on):
    household = build.household(site, members=[(D(1980, 1, 1), None, False), (D(2015, 5, 5), None, False)])
    trajectory = build.trajectory(household, registered_on, measure_considered=True)
    build.episode(trajectory, "green", registered_on, hours=[(registered_on, 2)])
    build.episode(trajectory, "orange", registered_on, D(2025, 3, 1), hours=[(registered_on, 1.5)])
    build.measure(trajectory, "ots", registered_on)
    return household


def queries_for(**scope) -> int:
    with CaptureQueriesContext(connection) as captured:
        compute_monitor(quarter="2025-Q1", **scope)
    return len(captured.captured_queries)


def test_the_number_of_queries_does_not_grow_with_the_households(build, site):
    household_with_everything(build, site, D(2025, 1, 10))
    few = queries_for(site="HLV"), queries_for(region="GV")
    for day in range(1, 21):
        household_with_everything(build, site, D(2025, 2, day))
    assert (queries_for(site="HLV"), queries_for(region="GV")) == few
    assert max(few) <= 11  # ten for questions A–K, one for the expert presence at network meetings


@pytest.mark.parametrize("scope, message", [
    ({"site": "XXX"}, "Onbekende toekomsttuin 'XXX'"),
    ({"region": "XX"}, "Onbekende regio 'XX'"),
    ({}, "Kies een toekomsttuin of een regio"),
    ({"site": "HLV", "region": "GV"}, "Kies een toekomsttuin of een regio"),
])
def test_unknown_scopes_are_refused_in_dutch(site, scope, message):
    with pytest.raises(MonitorError, match=message):
        compute_monitor(quarter="2025-Q1", **scope)


def test_an_unknown_quarter_is_refused_in_dutch(site):
    with pytest.raises(MonitorError, match="Onbekend kwartaal '2025-Q7'"):
        compute_monitor(site=site, quarter="2025-Q7")


def test_c_with_network_persons_missing_birth_dates_and_no_members(build, site):
    registered_on = D(2025, 2, 1)
    grown_ups_and_network_child = [(D(1980, 1, 1), None, False), (D(2016, 1, 1), None, True)]
    for members in (grown_ups_and_network_child, [], [(None, False, False)], [(None, None, False)],
                    [(None, True, False)], [(D(2007, 2, 2), None, False)]):
        build.trajectory(build.household(site, members=members), registered_on)
    report = compute_monitor(site=site, quarter="2025-Q1")
    assert (report["A"], report["C"], report["C_pct"]) == (6, 4, 66.7)


def test_hours_only_count_for_households_of_that_form_in_the_quarter(build, site):
    trajectory = build.trajectory(build.household(site), D(2024, 7, 1))
    build.episode(trajectory, "green", D(2024, 11, 1), D(2024, 12, 15), hours=[(D(2025, 1, 5), 3)])
    build.episode(trajectory, "consult", D(2025, 3, 25), D(2025, 4, 20),
                  hours=[(D(2025, 3, 31), 1.5), (D(2025, 4, 1), 9), (D(2024, 12, 31), 9)])
    report = compute_monitor(site=site, quarter="2025-Q1")
    assert report["D"]["green"]["households"] == 0
    assert report["D"]["green"]["avg_hours_per_week"] is None
    assert report["D"]["consult"]["households"] == 1
    assert report["D"]["consult"]["avg_hours_per_week"] == 1.5  # 7 days: one week


def test_a_region_adds_up_its_sites(build, site, other_site):
    for place, hours in ((site, 2), (site, 10), (other_site, 0.5)):
        trajectory = build.trajectory(build.household(place), D(2025, 1, 6))
        build.episode(trajectory, "red", D(2025, 1, 6), D(2025, 1, 12), hours=[(D(2025, 1, 7), hours)])
        build.measure(trajectory, "contact_ban", D(2025, 1, 8))
    build.trajectory(build.household(other_site), D(2024, 9, 1))
    sites = [compute_monitor(site=code, quarter="2025-Q1") for code in ("HLV", "HZN")]
    region = compute_monitor(region="GV", quarter="2025-Q1")
    for key in ("active", "A", "B", "C", "E", "F_measures_sum"):
        assert region[key] == sum(each[key] for each in sites)
    assert region["F"]["contact_ban"] == 3
    assert region["D"]["red"]["households"] == 3
    assert region["D"]["red"]["pct_of_active"] == 75.0
    assert [each["D"]["red"]["avg_hours_per_week"] for each in sites] == [6.0, 0.5]
    assert region["D"]["red"]["avg_hours_per_week"] == 4.17  # (2 + 10 + 0.5) / 3, not (6 + 0.5) / 2
    assert region["D"]["red"]["by_intensity"] == {"licht": 1, "middel": 1, "zwaar": 1}
    assert region["scope"] == {"region": "GV"}


# --- the database aggregates give what the pure rules give, on random data ---

FIRST_DAY, DAYS = D(2024, 3, 1), 800


def random_day(rng, after=None):
    start = after or FIRST_DAY
    return start + dt.timedelta(days=rng.randrange(max(1, (FIRST_DAY + dt.timedelta(DAYS) - start).days)))


def maybe_end(rng, start):
    return None if rng.random() < 0.3 else start + dt.timedelta(days=rng.randrange(0, 120))


def random_members(rng):
    return [(random_day(rng, D(1960, 1, 1)) if rng.random() < 0.9 else None,
             rng.choice([True, False, None]), rng.random() < 0.1) for _ in range(rng.randrange(0, 4))]


def make_random_household(build, rng, site, facts):
    members = random_members(rng)
    household = build.household(site, members=members)
    facts["members"][household.pk] = members
    for _ in range(rng.randrange(1, 3)):
        registered_on = random_day(rng)
        closed_on = maybe_end(rng, registered_on)
        considered = rng.random() < 0.4
        trajectory = build.trajectory(household, registered_on, closed_on, measure_considered=considered)
        facts["trajectories"].append((household.pk, registered_on, closed_on, considered))
        for _ in range(rng.randrange(0, 3)):
            start = random_day(rng, registered_on)
            end, form = maybe_end(rng, start), rng.choice(rules.FORMS)
            hours = [(start + dt.timedelta(days=rng.randrange(-5, 90)), rng.choice([0.25, 0.5, 1, 2, 6, 12]))
                     for _ in range(rng.randrange(5))]
            build.episode(trajectory, form, start, end, hours=hours)
            facts["episodes"].append((household.pk, form, start, end, hours))
        for _ in range(rng.randrange(0, 3)):
            kind, on, initiated = rng.choice(rules.MEASURE_TYPES), random_day(rng, registered_on), rng.random() < 0.7
            build.measure(trajectory, kind, on, initiated_from_site=initiated)
            facts["measures"].append((kind, household.pk, on, initiated))


def expected_c(facts, quarter):
    return len({household for household, registered_on, _, _ in facts["trajectories"]
                if rules.in_quarter(registered_on, quarter)
                and rules.without_minors(facts["members"][household], registered_on)})


def expected_d(facts, quarter):
    episodes, hours = defaultdict(list), defaultdict(Decimal)
    for household, form, start, end, entries in facts["episodes"]:
        if rules.overlaps(start, end, quarter):
            episodes[(household, form)].append((start, end))
        for on, amount in entries:
            if rules.in_quarter(on, quarter):
                hours[(household, form)] += Decimal(str(amount))
    per_form = defaultdict(list)
    for key in episodes.keys() & hours.keys():
        per_form[key[1]].append(rules.hours_per_week(hours[key], rules.covered_days(episodes[key], quarter)))
    counts = defaultdict(int)
    for _, form in episodes:
        counts[form] += 1
    return {form: rules.form_summary(per_form[form], counts[form], 0) for form in rules.FORMS}


def test_database_and_pure_rules_agree_on_random_households(build, site):
    rng, facts = random.Random(20250331), {"members": {}, "trajectories": [], "episodes": [], "measures": []}
    for _ in range(40):
        make_random_household(build, rng, site, facts)
    for quarter in rules.quarters_from(Quarter(2024, 1), Quarter(2026, 2)):
        report = compute_monitor(site=site, quarter=quarter.label)
        counts = rules.household_counts(facts["trajectories"], quarter, D(2024, 6, 1))
        assert {key: report[key] for key in counts} == counts, quarter
        assert report["C"] == expected_c(facts, quarter), quarter
        assert report["F"] == rules.measure_counts(facts["measures"], quarter), quarter
        assert report["F_cumulative"] == rules.measure_cumulative(facts["measures"], quarter, D(2024, 6, 1))
        for form, expected in expected_d(facts, quarter).items():
            actual = report["D"][form]
            assert (actual["households"], actual["avg_hours_per_week"], actual["by_intensity"]) == (
                expected["households"], expected["avg_hours_per_week"], expected["by_intensity"]), (quarter, form)


# --- grouped computations: many sites or regions at once, and the trend figures of many quarters at once ---

QUARTERS = rules.quarters_from(Quarter(2024, 1), Quarter(2026, 2))


@pytest.fixture
def random_region(build, site, other_site):
    rng, facts = random.Random(20251231), {"members": {}, "trajectories": [], "episodes": [], "measures": []}
    for number in range(40):
        make_random_household(build, rng, site if number % 3 else other_site, facts)
    return site.region


def trend_figures(report: dict) -> dict:
    return {"active": report["active"], "A": report["A"], "B": report["B"], "E": report["E"],
            "D": {form: values["households"] for form, values in report["D"].items()},
            "F": report["F"], "F_measures_sum": report["F_measures_sum"]}


def test_trend_figures_of_all_quarters_equal_each_quarters_monitor(random_region, site):
    for scope in ({"region": random_region.code}, {"site": site.code}):
        trends = trend_reports(**scope, quarters=QUARTERS)
        for quarter in QUARTERS:
            expected = compute_monitor(**scope, quarter=quarter.label)
            assert trend_figures(trends[quarter.label]) == trend_figures(expected), (scope, quarter)


def test_many_sites_and_regions_at_once_equal_one_at_a_time(random_region, site, other_site):
    for quarter in QUARTERS[::3]:
        many = compute_monitor_many(sites=[site, other_site], quarter=quarter.label)
        for each in (site, other_site):
            assert many[each.pk] == compute_monitor(site=each, quarter=quarter.label), quarter
        regions = compute_regions(regions=[random_region.code], quarter=quarter.label)
        assert regions[random_region.code] == compute_monitor(region=random_region, quarter=quarter.label)


def test_no_quarters_and_regions_without_sites(region):
    empty = Region.objects.create(code="LEEG", name="Lege regio")
    assert trend_reports(region=region, quarters=[]) == {}
    assert compute_regions(regions=[empty], quarter="2025-Q1")["LEEG"] == compute_monitor(region=empty,
                                                                                          quarter="2025-Q1")
