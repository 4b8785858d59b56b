"""Forms of involvement: anonymous consult, orange, red, green consent, the RvdK (pure, no database).

Sources: domain §4–§5 and the exchange format's "Rules an import enforces".
"""
import datetime as dt

import pytest

from tandem.cases import rules
from tandem.cases.rules import ConsentPeriod
from tandem.core.exceptions import RuleViolation

D = dt.date
START = D(2025, 2, 10)
DAY = dt.timedelta(days=1)


# --- anonymous only for a consult ------------------------------------------------------------------------

@pytest.mark.parametrize("form", ["consult", "green", "orange", "red", "other"])
def test_named_involvement_of_any_form_is_allowed(form):
    rules.check_anonymous_only_consult(form, False)


def test_anonymous_consult_is_allowed():
    rules.check_anonymous_only_consult("consult", True)


@pytest.mark.parametrize("form", ["green", "orange", "red", "other"])
def test_anonymous_non_consult_is_refused(form):
    with pytest.raises(RuleViolation) as info:
        rules.check_anonymous_only_consult(form, True)
    assert info.value.code == "anonymous_not_consult"


# --- orange: statutory powers only after a melding or measure --------------------------------------------

@pytest.mark.parametrize("start", [START, START + DAY, START + 100 * DAY])
def test_orange_on_or_after_the_report_is_allowed(start):
    rules.check_orange_after_report_or_measure(start, START)


def test_orange_the_day_before_the_report_is_refused():
    with pytest.raises(RuleViolation) as info:
        rules.check_orange_after_report_or_measure(START - DAY, START)
    assert info.value.code == "orange_without_report"
    assert info.value.field == "form"


def test_orange_without_any_report_or_measure_is_refused():
    with pytest.raises(RuleViolation) as info:
        rules.check_orange_after_report_or_measure(START, None)
    assert info.value.code == "orange_without_report"


# --- red: under a measure --------------------------------------------------------------------------------

def test_red_on_or_after_the_measure_is_allowed():
    rules.check_red_after_measure(START, START)
    rules.check_red_after_measure(START + DAY, START)


@pytest.mark.parametrize("first_measure", [None, START + DAY])
def test_red_without_measure_or_before_it_is_refused(first_measure):
    with pytest.raises(RuleViolation) as info:
        rules.check_red_after_measure(START, first_measure)
    assert info.value.code == "red_without_measure"


# --- consent periods -------------------------------------------------------------------------------------

@pytest.mark.parametrize("consent, valid", [
    (ConsentPeriod(START, None), True),                 # given on the day itself
    (ConsentPeriod(START - DAY, None), True),
    (ConsentPeriod(START + DAY, None), False),          # given the day after
    (ConsentPeriod(START - 10 * DAY, START + DAY), True),
    (ConsentPeriod(START - 10 * DAY, START), True),     # withdrawn on the day: "not withdrawn before it"
    (ConsentPeriod(START - 10 * DAY, START - DAY), False),
    (ConsentPeriod(START, START), True),
])
def test_consent_valid_on(consent, valid):
    assert rules.consent_valid_on([consent], START) is valid


def test_no_consent_is_never_valid():
    assert rules.consent_valid_on([], START) is False


def test_one_valid_consent_among_several_is_enough():
    consents = [ConsentPeriod(START - 10 * DAY, START - 5 * DAY), ConsentPeriod(START - 2 * DAY, None)]
    assert rules.consent_valid_on(consents, START) is True


# --- green needs the household's consent -----------------------------------------------------------------

@pytest.mark.parametrize("consent", [
    ConsentPeriod(START, None),
    ConsentPeriod(START - DAY, None),
    ConsentPeriod(START - DAY, START),   # exchange format: "not withdrawn before it"
])
def test_green_with_consent_is_allowed(consent):
    rules.check_green_has_consent(START, [consent])


@pytest.mark.parametrize("consents", [
    [],
    [ConsentPeriod(START + DAY, None)],
    [ConsentPeriod(START - 10 * DAY, START - DAY)],
])
def test_green_without_consent_is_refused(consents):
    with pytest.raises(RuleViolation) as info:
        rules.check_green_has_consent(START, consents)
    assert info.value.code == "green_without_consent"
    assert info.value.field == "organisation"


# --- the RvdK is never involved without the household knowing --------------------------------------------

def test_rvdk_anonymous_consult_needs_nothing():
    rules.check_rvdk_household_knows(START, True, [], None)


@pytest.mark.parametrize("informed_on", [START, START - DAY])
def test_rvdk_household_informed_on_or_before_start_is_allowed(informed_on):
    rules.check_rvdk_household_knows(START, False, [], informed_on)


def test_rvdk_with_consent_is_allowed():
    rules.check_rvdk_household_knows(START, False, [ConsentPeriod(START - DAY, None)], None)


@pytest.mark.parametrize("consents, informed_on", [
    ([], None),
    ([], START + DAY),
    ([ConsentPeriod(START + DAY, None)], None),
    ([ConsentPeriod(START - 10 * DAY, START - DAY)], None),
])
def test_rvdk_without_knowledge_is_refused(consents, informed_on):
    with pytest.raises(RuleViolation) as info:
        rules.check_rvdk_household_knows(START, False, consents, informed_on)
    assert info.value.code == "rvdk_without_knowledge"
    assert info.value.field == "household_informed_on"
