"""Members: BSN, known age, open trajectories, the lead (pure, no database)."""
import datetime as dt

import pytest

from tandem.cases import rules
from tandem.core.exceptions import RuleViolation

D = dt.date


# --- BSN (elfproef) --------------------------------------------------------------------------------------

@pytest.mark.parametrize("bsn", ["111222333", "123456782", "012345672", ""])
def test_valid_or_empty_bsn_is_allowed(bsn):
    rules.check_bsn(bsn)


@pytest.mark.parametrize("bsn", ["123456789", "111222334", "000000000", "000000009"])
def test_bsn_failing_the_elfproef_is_refused(bsn):
    with pytest.raises(RuleViolation) as info:
        rules.check_bsn(bsn)
    assert info.value.code == "bsn_elfproef"
    assert info.value.field == "bsn"


@pytest.mark.parametrize("bsn", ["12345678", "1234567820", "12345678a", "123 456 782", "12345678\u00b2",
                                 "\u0661\u0662\u0663\u0664\u0665\u0666\u0667\u0668\u0662"])
def test_bsn_of_wrong_length_or_not_ascii_digits_is_refused(bsn):
    with pytest.raises(RuleViolation) as info:
        rules.check_bsn(bsn)
    assert info.value.code == "bsn_format"
    assert info.value.field == "bsn"


# --- age known -------------------------------------------------------------------------------------------

@pytest.mark.parametrize("birth_date, minor", [(D(2016, 5, 2), None), (None, True), (None, False),
                                               (D(2016, 5, 2), True)])
def test_age_known_from_birth_date_or_minor(birth_date, minor):
    rules.check_member_age_known(birth_date, minor)


def test_age_unknown_is_refused():
    with pytest.raises(RuleViolation) as info:
        rules.check_member_age_known(None, None)
    assert info.value.code == "age_unknown"
    assert info.value.field == "birth_date"


# --- trajectories and the tandem -------------------------------------------------------------------------

def test_register_again_allowed_without_open_trajectory():
    rules.check_single_open_trajectory(False)


def test_register_again_refused_while_open():
    with pytest.raises(RuleViolation) as info:
        rules.check_single_open_trajectory(True)
    assert info.value.code == "already_open"


def test_open_trajectory_accepts_changes():
    rules.check_trajectory_open(None)


def test_closed_trajectory_refuses_changes():
    with pytest.raises(RuleViolation) as info:
        rules.check_trajectory_open(D(2025, 6, 30))
    assert info.value.code == "trajectory_closed"
    assert "30 juni 2025" in info.value.message


def test_team_member_without_lead_can_leave():
    rules.check_lead_stays(False)


def test_lead_cannot_leave():
    with pytest.raises(RuleViolation) as info:
        rules.check_lead_stays(True)
    assert info.value.code == "lead_cannot_leave"


# --- birth date (issue 11: 0001-01-01 was accepted) ---------------------------------------------------------

@pytest.mark.parametrize("born", [D(1, 1, 1), D(1899, 12, 31)])
def test_a_birth_date_before_1900_is_refused(born):
    with pytest.raises(RuleViolation) as info:
        rules.check_birth_date(born)
    assert (info.value.code, info.value.field) == ("birth_date_too_early", "birth_date")
    assert "vóór 1900" in info.value.message and f"{born.year:04d}" in info.value.message


@pytest.mark.parametrize("born", [D(1900, 1, 1), D(2016, 5, 2), None])
def test_a_birth_date_from_1900_on_is_accepted(born):
    rules.check_birth_date(born)
