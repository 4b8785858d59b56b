"""Dates, versions and hours: the small guardrails every service uses (pure, no database)."""
import ast
import datetime as dt
import importlib
import inspect
from decimal import Decimal

import pytest

from tandem.cases import rules
from tandem.core.dates import add_months, age_on
from tandem.core.exceptions import RuleViolation, StaleEdit

D = dt.date


@pytest.mark.parametrize("module", ["__init__", "guardrails", "rights", "closing", "family"])
def test_rules_modules_are_pure(module):
    """The rules (guardrails and rights) run no queries: they import nothing from Django or the models."""
    source = importlib.import_module(f"tandem.cases.rules.{module}" if module != "__init__" else "tandem.cases.rules")
    tree = ast.parse(inspect.getsource(source))
    imported = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            imported |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            imported.add(node.module)
    allowed = {"datetime", "collections.abc", "dataclasses", "enum", "tandem.core.dates", "tandem.core.exceptions",
               "stdnum.nl"}  # python-stdnum: the BSN check, pure
    assert {m for m in imported if not m.startswith("tandem.cases.rules")} <= allowed


# --- check_not_future -------------------------------------------------------------------------------------

def test_not_future_allows_today_and_the_past():
    rules.check_not_future(D(2025, 3, 1), D(2025, 3, 1), "datum")
    rules.check_not_future(D(2025, 2, 28), D(2025, 3, 1), "datum")


def test_not_future_allows_no_date():
    rules.check_not_future(None, D(2025, 3, 1), "datum")


def test_not_future_refuses_tomorrow():
    with pytest.raises(RuleViolation) as info:
        rules.check_not_future(D(2025, 3, 2), D(2025, 3, 1), "geboortedatum")
    assert info.value.code == "date_in_future"
    assert "geboortedatum" in info.value.message and "2 maart 2025" in info.value.message


# --- closure, episodes, ordering --------------------------------------------------------------------------

def test_closure_on_the_registration_day_is_allowed():
    rules.check_closure_after_registration(D(2025, 1, 14), D(2025, 1, 14))
    rules.check_closure_after_registration(D(2025, 1, 14), D(2025, 6, 1))


def test_closure_before_registration_is_refused():
    with pytest.raises(RuleViolation) as info:
        rules.check_closure_after_registration(D(2025, 1, 14), D(2025, 1, 13))
    assert info.value.code == "closed_before_registered"


def test_episode_without_end_or_ending_on_start_day_is_allowed():
    rules.check_end_after_start(D(2025, 1, 20), None)
    rules.check_end_after_start(D(2025, 1, 20), D(2025, 1, 20))


def test_episode_ending_before_it_starts_is_refused():
    with pytest.raises(RuleViolation) as info:
        rules.check_end_after_start(D(2025, 1, 20), D(2025, 1, 19), "toestemming")
    assert info.value.code == "ends_before_start"
    assert "toestemming" in info.value.message


def test_on_or_after_boundary():
    rules.check_on_or_after(D(2025, 1, 14), D(2025, 1, 14), "datum", "de aanmelding")
    with pytest.raises(RuleViolation) as info:
        rules.check_on_or_after(D(2025, 1, 13), D(2025, 1, 14), "datum", "de aanmelding")
    assert info.value.code == "before_reference"
    assert "de aanmelding" in info.value.message


def test_not_after_closure_allows_open_trajectories_and_the_closing_day():
    rules.check_not_after_closure(D(2030, 1, 1), None, "datum")
    rules.check_not_after_closure(D(2025, 6, 30), D(2025, 6, 30), "datum")


def test_after_closure_is_refused():
    with pytest.raises(RuleViolation) as info:
        rules.check_not_after_closure(D(2025, 7, 1), D(2025, 6, 30), "datum van het contact")
    assert info.value.code == "after_closure"
    assert "datum van het contact" in info.value.message and "30 juni 2025" in info.value.message


# --- concurrency -----------------------------------------------------------------------------------------

def test_expected_version_none_skips_the_check():
    rules.check_expected_version(None, 7)


def test_expected_version_matching_is_allowed():
    rules.check_expected_version(7, 7)


@pytest.mark.parametrize("expected", [6, 8])
def test_expected_version_outdated_is_a_stale_edit(expected):
    with pytest.raises(StaleEdit) as info:
        rules.check_expected_version(expected, 7)
    assert isinstance(info.value, RuleViolation)
    assert info.value.code == "stale_edit"


# --- hours -----------------------------------------------------------------------------------------------

@pytest.mark.parametrize("hours", [Decimal("0.01"), 1, 2.5, Decimal("23.99"), 24, Decimal("24.00")])
def test_hours_in_range_are_allowed(hours):
    rules.check_hours(hours)


@pytest.mark.parametrize("hours", [0, Decimal("0"), -1, Decimal("24.01"), 24.01, 25])
def test_hours_out_of_range_are_refused(hours):
    with pytest.raises(RuleViolation) as info:
        rules.check_hours(hours)
    assert info.value.code == "hours_range"
    assert info.value.field == "hours"


# --- the date arithmetic the rules rely on ----------------------------------------------------------------

@pytest.mark.parametrize("birth, day, age", [
    (D(2007, 3, 1), D(2025, 2, 28), 17),
    (D(2007, 3, 1), D(2025, 3, 1), 18),
    (D(2008, 2, 29), D(2026, 2, 28), 17),   # no 29 February in 2026: a year older on 1 March
    (D(2008, 2, 29), D(2026, 3, 1), 18),
    (D(2008, 2, 29), D(2028, 2, 29), 20),
])
def test_age_on(birth, day, age):
    assert age_on(birth, day) == age


@pytest.mark.parametrize("day, months, result", [
    (D(2025, 1, 10), 3, D(2025, 4, 10)),
    (D(2025, 11, 30), 3, D(2026, 2, 28)),
    (D(2024, 2, 29), 12, D(2025, 2, 28)),
    (D(2025, 10, 31), 12, D(2026, 10, 31)),
])
def test_add_months(day, months, result):
    assert add_months(day, months) == result
