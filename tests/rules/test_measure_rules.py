"""Measures: separation of functions, MUHP with OTS, subjects' ages and maximum terms (pure, no database)."""
import datetime as dt

import pytest

from tandem.cases import rules
from tandem.core.exceptions import RuleViolation

D = dt.date
DAY = dt.timedelta(days=1)


def refused(code, fn, *args):
    with pytest.raises(RuleViolation) as info:
        fn(*args)
    assert info.value.code == code
    return info.value


# --- separation of functions ------------------------------------------------------------------------------

def test_handler_not_on_team_is_allowed():
    rules.check_handler_not_on_team(False)


def test_handler_on_team_is_refused():
    assert refused("handler_on_team", rules.check_handler_not_on_team, True).field == "handled_by"


# --- MUHP only with an OTS -------------------------------------------------------------------------------

@pytest.mark.parametrize("ots_dates", [[D(2025, 3, 1)], [D(2025, 2, 1)], [D(2025, 4, 1), D(2025, 2, 1)]])
def test_muhp_with_an_ots_on_or_before_it_is_allowed(ots_dates):
    rules.check_muhp_has_ots(D(2025, 3, 1), ots_dates)


@pytest.mark.parametrize("ots_dates", [[], [D(2025, 3, 2)]])
def test_muhp_without_earlier_ots_is_refused(ots_dates):
    refused("muhp_without_ots", rules.check_muhp_has_ots, D(2025, 3, 1), ots_dates)


def test_muhp_accepts_a_generator_of_dates():
    rules.check_muhp_has_ots(D(2025, 3, 1), (d for d in [D(2025, 3, 1)]))


# --- subject: a minor for OTS/MUHP/custody ending, an adult for a restraining order ---------------------

ADULT_ON_1_MARCH = D(2007, 3, 1)    # 18 exactly on 1 March 2025
LEAPLING = D(2008, 2, 29)           # 18 on 1 March 2026 (no 29 February in 2026)


@pytest.mark.parametrize("measure_type", ["ots", "muhp", "custody_ending"])
def test_minor_measure_for_a_child_is_allowed(measure_type):
    rules.check_measure_subject(measure_type, D(2025, 2, 28), ADULT_ON_1_MARCH, None)
    rules.check_measure_subject(measure_type, D(2026, 2, 28), LEAPLING, None)


@pytest.mark.parametrize("measure_type", ["ots", "muhp", "custody_ending"])
def test_minor_measure_on_the_18th_birthday_is_refused(measure_type):
    error = refused("measure_needs_minor", rules.check_measure_subject, measure_type, D(2025, 3, 1),
                    ADULT_ON_1_MARCH, None)
    assert error.field == "subject"
    refused("measure_needs_minor", rules.check_measure_subject, measure_type, D(2026, 3, 1), LEAPLING, None)


def test_restraining_order_on_the_18th_birthday_is_allowed():
    rules.check_measure_subject("restraining_order", D(2025, 3, 1), ADULT_ON_1_MARCH, None)
    rules.check_measure_subject("restraining_order", D(2026, 3, 1), LEAPLING, None)


def test_restraining_order_the_day_before_the_18th_birthday_is_refused():
    refused("restraining_order_needs_adult", rules.check_measure_subject, "restraining_order", D(2025, 2, 28),
            ADULT_ON_1_MARCH, None)
    refused("restraining_order_needs_adult", rules.check_measure_subject, "restraining_order", D(2026, 2, 28),
            LEAPLING, None)


def test_subject_without_birth_date_uses_minor_flag():
    rules.check_measure_subject("ots", D(2025, 3, 1), None, True)
    rules.check_measure_subject("restraining_order", D(2025, 3, 1), None, False)
    refused("measure_needs_minor", rules.check_measure_subject, "ots", D(2025, 3, 1), None, False)
    refused("restraining_order_needs_adult", rules.check_measure_subject, "restraining_order", D(2025, 3, 1),
            None, True)


def test_birth_date_wins_over_minor_flag():
    refused("measure_needs_minor", rules.check_measure_subject, "ots", D(2025, 3, 1), D(1990, 1, 1), True)


@pytest.mark.parametrize("measure_type", ["ots", "restraining_order"])
def test_subject_of_unknown_age_is_not_checked(measure_type):
    rules.check_measure_subject(measure_type, D(2025, 3, 1), None, None)


@pytest.mark.parametrize("measure_type", ["contact_ban", "probation", "rvdk_request"])
@pytest.mark.parametrize("birth_date", [D(2010, 1, 1), D(1980, 1, 1)])
def test_other_measures_take_any_age(measure_type, birth_date):
    rules.check_measure_subject(measure_type, D(2025, 3, 1), birth_date, None)


# --- maximum terms ---------------------------------------------------------------------------------------

def term(measure_type, on, ends_on, provisional=False, first_start=None):
    rules.check_measure_term(measure_type, on, ends_on, provisional, first_start or on)


@pytest.mark.parametrize("measure_type", ["ots", "muhp", "restraining_order", "contact_ban", "custody_ending"])
def test_open_ended_measure_is_not_checked(measure_type):
    term(measure_type, D(2025, 1, 10), None, provisional=True)


def test_measure_ending_before_it_starts_is_refused():
    refused("ends_before_start", rules.check_measure_term, "contact_ban", D(2025, 1, 10), D(2025, 1, 9), False,
            D(2025, 1, 10))


@pytest.mark.parametrize("on, last_day", [(D(2025, 1, 10), D(2025, 4, 10)), (D(2025, 11, 30), D(2026, 2, 28))])
def test_provisional_ots_reaching_exactly_3_months_is_allowed(on, last_day):
    term("ots", on, last_day, provisional=True)


@pytest.mark.parametrize("on, last_day", [(D(2025, 1, 10), D(2025, 4, 10)), (D(2025, 11, 30), D(2026, 2, 28))])
def test_provisional_ots_a_day_over_3_months_is_refused(on, last_day):
    error = refused("provisional_ots_too_long", rules.check_measure_term, "ots", on, last_day + DAY, True, on)
    assert error.field == "ends_on"


def test_ordinary_ots_may_run_longer_than_3_months():
    term("ots", D(2025, 1, 10), D(2025, 4, 11), provisional=False)


@pytest.mark.parametrize("measure_type", ["ots", "muhp"])
@pytest.mark.parametrize("on, last_day", [(D(2025, 2, 10), D(2026, 2, 10)), (D(2024, 2, 29), D(2025, 2, 28))])
def test_ots_or_muhp_of_exactly_one_year_is_allowed(measure_type, on, last_day):
    term(measure_type, on, last_day)


@pytest.mark.parametrize("measure_type", ["ots", "muhp"])
@pytest.mark.parametrize("on, last_day", [(D(2025, 2, 10), D(2026, 2, 10)), (D(2024, 2, 29), D(2025, 2, 28))])
def test_ots_or_muhp_a_day_over_one_year_is_refused(measure_type, on, last_day):
    refused("term_too_long", rules.check_measure_term, measure_type, on, last_day + DAY, False, on)


@pytest.mark.parametrize("measure_type", ["custody_ending", "contact_ban", "probation", "rvdk_request"])
def test_other_measures_have_no_maximum_term(measure_type):
    term(measure_type, D(2025, 1, 10), D(2027, 1, 10))


@pytest.mark.parametrize("ends_on", [D(2025, 3, 1), D(2025, 3, 10)])
def test_restraining_order_of_up_to_10_days_is_allowed(ends_on):
    term("restraining_order", D(2025, 3, 1), ends_on)


def test_restraining_order_of_11_days_is_refused():
    error = refused("restraining_order_too_long", rules.check_measure_term, "restraining_order", D(2025, 3, 1),
                    D(2025, 3, 11), False, D(2025, 3, 1))
    assert error.field == "ends_on"


def test_restraining_order_extension_reaching_28_days_is_allowed():
    term("restraining_order", D(2025, 3, 11), D(2025, 3, 28), first_start=D(2025, 3, 1))


def test_restraining_order_extension_reaching_29_days_is_refused():
    refused("restraining_order_over_28", rules.check_measure_term, "restraining_order", D(2025, 3, 11),
            D(2025, 3, 29), False, D(2025, 3, 1))


def test_late_short_extension_still_counts_from_the_first_start():
    refused("restraining_order_over_28", rules.check_measure_term, "restraining_order", D(2025, 3, 25),
            D(2025, 3, 30), False, D(2025, 3, 1))


# --- extensions ------------------------------------------------------------------------------------------

@pytest.mark.parametrize("measure_type", ["ots", "muhp", "restraining_order"])
def test_extension_of_the_same_type_is_allowed(measure_type):
    rules.check_extension(measure_type, measure_type)


def test_extension_of_another_type_is_refused():
    assert refused("extension_type", rules.check_extension, "muhp", "ots").field == "extends"
