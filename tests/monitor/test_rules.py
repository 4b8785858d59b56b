"""The monitor's counting rules (spec/monitor.md) as pure functions: no database."""
import datetime as dt
from fractions import Fraction

import pytest

from tandem.monitor import rules
from tandem.monitor.rules import Quarter

D = dt.date
Q1 = Quarter(2025, 1)
PROGRAMME_START = D(2024, 6, 1)


# --- quarters ---

@pytest.mark.parametrize("text, start, end", [
    ("2025-Q1", D(2025, 1, 1), D(2025, 3, 31)),
    ("2025-Q2", D(2025, 4, 1), D(2025, 6, 30)),
    ("2025-Q3", D(2025, 7, 1), D(2025, 9, 30)),
    ("2025-Q4", D(2025, 10, 1), D(2025, 12, 31)),
    (" 2024-q1 ", D(2024, 1, 1), D(2024, 3, 31)),
])
def test_quarter_runs_from_first_to_last_day(text, start, end):
    quarter = rules.parse_quarter(text)
    assert (quarter.start, quarter.end) == (start, end)
    assert quarter.label == text.strip().upper()


@pytest.mark.parametrize("text", ["2025-Q5", "2025-Q0", "2025Q1", "25-Q1", "2025-1", "", "kwartaal", "0000-Q1"])
def test_a_bad_quarter_is_refused_in_dutch(text):
    with pytest.raises(rules.MonitorError, match="Onbekend kwartaal.*JJJJ-Qn"):
        rules.parse_quarter(text)


def test_quarter_of_and_the_quarters_in_between():
    assert rules.quarter_of(D(2024, 6, 1)) == Quarter(2024, 2)
    assert rules.quarter_of(D(2024, 12, 31)) == Quarter(2024, 4)
    labels = [q.label for q in rules.quarters_from(Quarter(2024, 2), Quarter(2025, 1))]
    assert labels == ["2024-Q2", "2024-Q3", "2024-Q4", "2025-Q1"]
    assert rules.quarters_from(Quarter(2025, 1), Quarter(2024, 4)) == []


# --- active, A, B, E: quarter edges, re-registration, programme start ---

@pytest.mark.parametrize("registered_on, closed_on, active", [
    (D(2025, 3, 31), None, True),              # registered on the last day
    (D(2025, 4, 1), None, False),              # registered the day after
    (D(2024, 7, 1), D(2025, 1, 1), True),      # closed on the first day
    (D(2024, 7, 1), D(2024, 12, 31), False),   # closed the day before
    (D(2020, 1, 1), None, True),               # still open
])
def test_active_in_quarter_edges(registered_on, closed_on, active):
    assert rules.active_in(registered_on, closed_on, Q1) is active


def test_quarter_edges_for_a_and_b():
    trajectories = [
        ("first-day", D(2025, 1, 1), None, False),
        ("last-day", D(2025, 3, 31), None, True),
        ("closed-first-day", D(2024, 7, 1), D(2025, 1, 1), False),
        ("closed-after", D(2024, 7, 1), D(2025, 4, 1), False),
    ]
    counts = rules.household_counts(trajectories, Q1, PROGRAMME_START)
    assert counts == {"active": 4, "A": 2, "B": 1, "E": 1}


def test_a_household_that_registered_again_counts_once():
    trajectories = [
        ("h", D(2024, 8, 1), D(2024, 11, 30), False),
        ("h", D(2025, 2, 1), None, True),
    ]
    assert rules.household_counts(trajectories, Quarter(2024, 4), PROGRAMME_START) == {
        "active": 1, "A": 0, "B": 1, "E": 0}
    assert rules.household_counts(trajectories, Q1, PROGRAMME_START) == {"active": 1, "A": 1, "B": 0, "E": 1}
    twice_in_one_quarter = [("h", D(2025, 1, 2), D(2025, 1, 10), False), ("h", D(2025, 2, 2), None, False)]
    assert rules.household_counts(twice_in_one_quarter, Q1, PROGRAMME_START)["A"] == 1


@pytest.mark.parametrize("registered_on, counted", [
    (D(2024, 5, 31), False),   # the day before the programme start
    (D(2024, 6, 1), True),     # the programme start itself
])
def test_b_only_counts_registrations_from_programme_start(registered_on, counted):
    assert rules.counts_for_b(registered_on, D(2025, 2, 15), Q1, PROGRAMME_START) is counted


# --- C: ages at registration ---

@pytest.mark.parametrize("birth_date, registered_on, under_age", [
    (D(2007, 2, 9), D(2025, 2, 10), False),    # turned 18 the day before
    (D(2007, 2, 10), D(2025, 2, 10), False),   # turns 18 on the day itself
    (D(2007, 2, 11), D(2025, 2, 10), True),    # turns 18 the day after
    (D(2008, 2, 29), D(2026, 2, 28), True),    # born on 29 February: not yet 18 on 28 February
    (D(2008, 2, 29), D(2026, 3, 1), False),    # ... 18 on 1 March in a year without 29 February
    (D(2006, 2, 28), D(2024, 2, 29), False),    # 18 the day before a leap day
    (D(2004, 2, 29), D(2022, 3, 1), False),
    (D(2004, 2, 29), D(2022, 2, 28), True),
])
def test_age_at_registration(birth_date, registered_on, under_age):
    assert rules.under_age_at(birth_date, None, registered_on) is under_age


def test_without_birth_date_the_minor_flag_decides():
    assert rules.under_age_at(None, True, D(2025, 1, 1)) is True
    assert rules.under_age_at(None, False, D(2025, 1, 1)) is False
    assert rules.under_age_at(None, None, D(2025, 1, 1)) is False


def test_c_looks_at_household_members_only():
    registered_on = D(2025, 3, 1)
    adults = [(D(1980, 1, 1), None, False), (None, False, False)]
    assert rules.without_minors(adults, registered_on)
    assert not rules.without_minors([*adults, (None, True, False)], registered_on)
    assert not rules.without_minors([*adults, (D(2010, 1, 1), None, False)], registered_on)
    network_child = (D(2015, 1, 1), None, True)  # a network person is no household member
    assert rules.without_minors([*adults, network_child], registered_on)
    born_later = (D(2025, 6, 1), None, False)  # not yet born at registration
    assert rules.without_minors([*adults, born_later], registered_on)
    assert rules.without_minors([], registered_on)


# --- D: episodes, weeks, intensity ---

def test_union_of_overlapping_episodes_is_counted_once():
    episodes = [(D(2025, 1, 1), D(2025, 1, 28)), (D(2025, 1, 15), D(2025, 2, 11))]
    assert rules.covered_days(episodes, Q1) == 42


@pytest.mark.parametrize("episodes, days", [
    ([(D(2025, 1, 1), D(2025, 1, 10)), (D(2025, 1, 11), D(2025, 1, 20))], 20),     # adjacent
    ([(D(2025, 1, 1), D(2025, 1, 31)), (D(2025, 1, 5), D(2025, 1, 6))], 31),       # contained
    ([(D(2025, 1, 1), D(2025, 1, 7)), (D(2025, 3, 1), D(2025, 3, 7))], 14),        # a gap
    ([(D(2024, 12, 27), D(2025, 1, 5))], 5),                                       # clipped at the start
    ([(D(2025, 3, 18), D(2025, 4, 20))], 14),                                      # clipped at the end
    ([(D(2025, 3, 16), None)], 16),                                                # still running
    ([(D(2024, 1, 1), None)], 90),                                                 # the whole quarter
    ([(D(2024, 1, 1), D(2024, 12, 31)), (D(2025, 4, 1), None)], 0),                # outside
    ([(D(2025, 1, 15), D(2025, 1, 15))], 1),                                       # one day
])
def test_days_covered_in_the_quarter(episodes, days):
    assert rules.covered_days(episodes, Q1) == days


def test_weeks_are_days_over_seven_and_at_least_one():
    assert rules.weeks(0) == 1
    assert rules.weeks(3) == 1
    assert rules.weeks(7) == 1
    assert rules.weeks(14) == 2
    assert rules.weeks(90) == Fraction(90, 7)
    assert rules.hours_per_week(4, 1) == 4            # one day still counts as a whole week
    assert rules.hours_per_week(8.0, 42) == Fraction(8, 6)


@pytest.mark.parametrize("value, level", [
    (0, "licht"), (0.99, "licht"), (1, "middel"), (3.99, "middel"), (4, "zwaar"), (45, "zwaar"), (None, None),
])
def test_intensity_class_edges(value, level):
    assert rules.intensity(value) == level


def test_by_intensity_counts_each_household_by_its_own_hours():
    assert rules.by_intensity([0.99, 1, 3.99, 4, Fraction(1, 3)]) == {"licht": 2, "middel": 2, "zwaar": 1}


def test_form_summary_averages_the_households_with_hours():
    summary = rules.form_summary([Fraction(1, 2), Fraction(5, 4)], households=3, active=12)
    assert summary == {"households": 3, "pct_of_active": 25.0, "avg_hours_per_week": 0.88, "intensity": "licht",
                       "by_intensity": {"licht": 1, "middel": 1, "zwaar": 0}}
    nobody = rules.form_summary([], households=2, active=0)
    assert nobody == {"households": 2, "pct_of_active": None, "avg_hours_per_week": None, "intensity": None,
                      "by_intensity": {"licht": 0, "middel": 0, "zwaar": 0}}


def test_intensity_follows_the_rounded_average():
    summary = rules.form_summary([Fraction(996, 1000)], households=1, active=1)
    assert summary["avg_hours_per_week"] == 1.0
    assert summary["intensity"] == "middel"
    assert summary["by_intensity"] == {"licht": 1, "middel": 0, "zwaar": 0}


# --- rounding ---

@pytest.mark.parametrize("value, digits, rounded", [
    (0.125, 2, 0.13), (2.675, 2, 2.68), (1.005, 2, 1.01), (0.25, 1, 0.3), (0.35, 1, 0.4),
    (-0.05, 1, -0.1), (-2.675, 2, -2.68), (Fraction(1, 3), 2, 0.33), (Fraction(2, 3), 1, 0.7), (7, 2, 7.0),
])
def test_rounding_is_half_away_from_zero(value, digits, rounded):
    assert rules.round_half_away(value, digits) == rounded


@pytest.mark.parametrize("part, whole, pct", [
    (1, 8, 12.5), (1, 16, 6.3), (1, 3, 33.3), (2, 3, 66.7), (1, 7, 14.3), (0, 5, 0.0), (3, 3, 100.0),
    (1, 0, None), (0, 0, None),
])
def test_percentages(part, whole, pct):
    assert rules.percentage(part, whole) == pct


def test_hours_are_rounded_after_averaging():
    assert rules.mean_hours([Fraction(1, 3), Fraction(1, 3), Fraction(1, 3)]) == 0.33
    assert rules.mean_hours([0.125, 0.125]) == 0.13       # not 0.13 + 0.13 averaged from rounded parts
    assert rules.mean_hours([Fraction(1, 200), 0]) == 0.0   # 0.0025
    assert rules.mean_hours([]) is None


# --- F: measures ---

def test_measures_not_initiated_from_the_site_are_not_counted():
    measures = [
        ("ots", "h1", D(2025, 2, 1), False),
        ("rvdk_request", "h1", D(2025, 2, 1), True),
        ("rvdk_request", "h2", D(2025, 3, 31), True),
    ]
    counts = rules.measure_counts(measures, Q1)
    assert counts["ots"] == 0
    assert counts["rvdk_request"] == 2
    assert set(counts) == set(rules.MEASURE_TYPES)


def test_f_counts_households_not_measures():
    measures = [("ots", "h1", D(2025, 3, 16), True), ("ots", "h1", D(2025, 3, 20), True),
                ("ots", "h2", D(2025, 4, 1), True)]
    assert rules.measure_counts(measures, Q1)["ots"] == 1


def test_f_cumulative_starts_in_the_quarter_of_the_programme_start():
    measures = [
        ("custody_ending", "h1", D(2024, 4, 1), True),    # first day of the programme start's quarter
        ("custody_ending", "h2", D(2024, 3, 31), True),   # the day before: not counted
        ("ots", "h3", D(2024, 8, 1), False),              # not initiated from the site
        ("ots", "h4", D(2024, 9, 1), True),
        ("ots", "h4", D(2025, 1, 5), True),               # the same household again in a later quarter
        ("ots", "h4", D(2025, 4, 1), True),               # after the quarter
    ]
    totals = rules.measure_cumulative(measures, Q1, PROGRAMME_START)
    assert totals["custody_ending"] == 1
    assert totals["ots"] == 2
    assert rules.measure_cumulative(measures, Quarter(2024, 1), PROGRAMME_START) == dict.fromkeys(
        rules.MEASURE_TYPES, 0)


def test_measures_sum_leaves_out_rvdk_requests_and_muhp():
    counts = {"rvdk_request": 5, "ots": 1, "muhp": 7, "custody_ending": 1, "restraining_order": 1,
              "contact_ban": 1, "probation": 1}
    assert rules.measures_sum(counts) == 5


# --- G–K ---

def test_experiences_keep_their_order_and_count_reasons_of_yes_answers():
    rows = [
        ("G", "eerste", None, []), ("H", "top3", None, []), ("G", "tweede", None, []),
        ("J", "", True, ["brugfunctie", "begrepen"]), ("J", "", True, ["brugfunctie"]), ("J", "", False, []),
        ("K", "betekenis", None, []),
    ]
    assert rules.experiences_summary(rows) == {
        "G": ["eerste", "tweede"], "H": ["top3"], "I": [], "K": ["betekenis"],
        "J": {"yes": 2, "no": 1, "reasons": {"brugfunctie": 2, "begrepen": 1}},
    }
    assert rules.experiences_summary([]) == {"G": [], "H": [], "I": [], "K": [],
                                             "J": {"yes": 0, "no": 0, "reasons": {}}}


@pytest.mark.parametrize("episode", [
    (dt.date(2024, 12, 1), None), (dt.date(2024, 12, 1), dt.date(2024, 12, 31)), (dt.date(2025, 4, 1), None),
    (dt.date(2025, 2, 1), dt.date(2025, 2, 1)), (dt.date(2025, 3, 31), dt.date(2025, 5, 1)),
    (dt.date(2024, 1, 1), dt.date(2025, 1, 1)),
])
def test_covered_days_of_one_episode_in_a_list_as_the_general_case(episode):
    quarter = rules.parse_quarter("2025-Q1")
    assert rules.covered_days([episode], quarter) == rules.covered_days(iter([episode]), quarter)
    assert rules.covered_days([episode], quarter) == rules.covered_days([episode, episode], quarter)
