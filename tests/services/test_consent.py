"""Consent statements (toestemmingsverklaring, domain §5) and the green regime that needs them."""
import datetime as dt

import pytest
from django.utils import timezone

from tandem.cases.models import Consent
from tandem.cases.services import (
    MemberData,
    consent_record,
    consent_withdraw,
    involvement_start,
    member_add,
    trajectory_close,
)
from tandem.core.exceptions import NotPermitted, RuleViolation, StaleEdit

from .helpers import assert_audited, refused, version

D = dt.date


def record(actor, trajectory, organisation, given_by, given_on=D(2025, 1, 18), **kwargs):
    kwargs.setdefault("purpose", "begeleiding en analyse")
    kwargs.setdefault("how", "paper" if actor is not None else "")
    return consent_record(actor=actor, trajectory=trajectory, organisation=organisation, given_by=given_by,
                          given_on=given_on, **kwargs)


def green(actors, family, orgs, on):
    return involvement_start(actor=actors["consulent"], trajectory=family, organisation=orgs["vt"], form="green",
                             start=on)


# --- consent_record --------------------------------------------------------------------------------------

def test_consent_record_works(actors, family, orgs, mother):
    consent = record(actors["consulent"], family, orgs["vt"], mother, expected_version=1)
    stored = Consent.objects.get(pk=consent.pk)
    assert (stored.organisation, stored.given_by, stored.given_on, stored.withdrawn_on) == (
        orgs["vt"], mother, D(2025, 1, 18), None)
    assert version(family) == 2
    event = assert_audited("consent_record", consent, actors["consulent"], family.household_id)
    assert event.detail == {"organisation": "VT-GV", "how": "paper"}


def test_a_child_under_the_regions_consent_age_may_not_consent(actors, family, orgs, child):
    with refused(RuleViolation, "consent_too_young"):  # Daan is 8: his parents consent for him
        record(actors["consulent"], family, orgs["vt"], child)


def test_a_young_person_from_the_regions_consent_age_consents_alone(actors, family, orgs):
    teen = member_add(actor=actors["consulent"], household=family.household,
                      data=MemberData(given_names="Sara", family_name="Amrani", birth_date=D(2009, 1, 18)))
    assert record(actors["consulent"], family, orgs["vt"], teen, given_on=D(2025, 1, 18)).given_by == teen
    with refused(RuleViolation, "consent_too_young"):  # one day short of 16
        record(actors["consulent"], family, orgs["vt"], teen, given_on=D(2025, 1, 17))


def test_the_consent_age_is_a_setting_of_the_region(actors, family, orgs, child, region):
    region.consent_min_age = 8
    region.save()
    assert record(actors["consulent"], family, orgs["vt"], child).given_by == child


def test_consent_by_a_network_person_is_refused(actors, family, orgs):
    neighbour = member_add(actor=actors["consulent"], household=family.household,
                           data=MemberData(given_names="Joop", family_name="Buur", is_network=True))
    with refused(RuleViolation, "consent_not_member"):
        record(actors["consulent"], family, orgs["vt"], neighbour)


def test_consent_by_a_member_of_another_household_is_refused(actors, family, orgs, other_family):
    stranger = other_family.household.members.get()
    with refused(RuleViolation, "consent_not_member"):
        record(actors["consulent"], family, orgs["vt"], stranger)


@pytest.mark.parametrize("kwargs, code", [
    ({"purpose": "   "}, "purpose_missing"),
    ({"given_on": D(2025, 1, 13)}, "before_reference"),
    ({"given_on": D(2099, 1, 1)}, "date_in_future"),
    ({"expected_version": 0}, "stale_edit"),
])
def test_consent_record_refused(actors, family, orgs, mother, kwargs, code):
    with refused(RuleViolation, code):
        record(actors["consulent"], family, orgs["vt"], mother, **kwargs)


def test_consent_record_in_a_closed_trajectory_is_refused(actors, family, orgs, mother):
    trajectory_close(actor=actors["consulent"], trajectory=family, closed_on=D(2025, 3, 1), end_evaluation="Veilig genoeg.",
                     exit_participants="Anna, Fatima")
    with refused(RuleViolation, "trajectory_closed"):
        record(actors["consulent"], family, orgs["vt"], mother)


@pytest.mark.parametrize("who", ["partner", "outsider", "other_site", "coordinator", "expert"])
def test_consent_record_not_permitted(actors, family, orgs, mother, who):
    with refused(NotPermitted):
        record(actors[who], family, orgs["vt"], mother)


# --- consent_withdraw ------------------------------------------------------------------------------------

def test_consent_withdraw_works(actors, family, vt_consent):
    withdrawn = consent_withdraw(actor=actors["consulent"], consent=vt_consent, withdrawn_on=D(2025, 4, 1),
                                 expected_version=version(family))
    assert Consent.objects.get(pk=vt_consent.pk).withdrawn_on == D(2025, 4, 1) == withdrawn.withdrawn_on
    assert_audited("consent_withdraw", withdrawn, actors["consulent"], family.household_id)


def test_withdrawing_on_the_day_it_was_given_is_allowed(actors, vt_consent):
    assert consent_withdraw(actor=actors["consulent"], consent=vt_consent, withdrawn_on=D(2025, 1, 18)).withdrawn_on


def test_consent_may_be_withdrawn_after_closure(actors, family, vt_consent):
    trajectory_close(actor=actors["consulent"], trajectory=family, closed_on=D(2025, 3, 1), end_evaluation="Veilig genoeg.",
                     exit_participants="Anna, Fatima")
    assert consent_withdraw(actor=actors["consulent"], consent=vt_consent, withdrawn_on=D(2025, 4, 1)).withdrawn_on


@pytest.mark.parametrize("withdrawn_on, code", [
    (D(2025, 1, 17), "ends_before_start"),
    (D(2099, 1, 1), "date_in_future"),
])
def test_consent_withdraw_refuses_bad_dates(actors, vt_consent, withdrawn_on, code):
    with refused(RuleViolation, code):
        consent_withdraw(actor=actors["consulent"], consent=vt_consent, withdrawn_on=withdrawn_on)


def test_withdrawing_twice_is_refused(actors, vt_consent):
    consent_withdraw(actor=actors["consulent"], consent=vt_consent, withdrawn_on=D(2025, 4, 1))
    with refused(RuleViolation, "already_withdrawn"):
        consent_withdraw(actor=actors["consulent"], consent=vt_consent, withdrawn_on=D(2025, 4, 2))
    assert Consent.objects.get(pk=vt_consent.pk).withdrawn_on == D(2025, 4, 1)


def test_consent_withdraw_refuses_a_stale_edit_and_overwrites_nothing(actors, vt_consent):
    with refused(StaleEdit):
        consent_withdraw(actor=actors["consulent"], consent=vt_consent, withdrawn_on=D(2025, 4, 1),
                         expected_version=1)
    assert Consent.objects.get(pk=vt_consent.pk).withdrawn_on is None


@pytest.mark.parametrize("who", ["partner", "outsider", "other_site", "coordinator", "expert"])
def test_consent_withdraw_not_permitted(actors, vt_consent, who):
    with refused(NotPermitted):
        consent_withdraw(actor=actors[who], consent=vt_consent, withdrawn_on=D(2025, 4, 1))


def test_withdrawing_today_is_allowed(actors, vt_consent):
    today = timezone.localdate()
    assert consent_withdraw(actor=actors["consulent"], consent=vt_consent, withdrawn_on=today).withdrawn_on == today


# --- green needs a consent valid on its start ------------------------------------------------------------

def test_green_on_the_day_consent_is_given_is_allowed(actors, family, orgs, vt_consent):
    assert green(actors, family, orgs, D(2025, 1, 18)).pk


def test_green_the_day_before_consent_is_refused(actors, family, orgs, vt_consent):
    with refused(RuleViolation, "green_without_consent"):
        green(actors, family, orgs, D(2025, 1, 17))


def test_green_after_consent_was_withdrawn_is_refused(actors, family, orgs, vt_consent):
    consent_withdraw(actor=actors["consulent"], consent=vt_consent, withdrawn_on=D(2025, 2, 1))
    with refused(RuleViolation, "green_without_consent"):
        green(actors, family, orgs, D(2025, 2, 2))


def test_green_starting_on_the_day_consent_is_withdrawn_is_allowed(actors, family, orgs, vt_consent):
    """Exchange format: a consent 'given on or before its start and not withdrawn before it'."""
    consent_withdraw(actor=actors["consulent"], consent=vt_consent, withdrawn_on=D(2025, 2, 1))
    assert green(actors, family, orgs, D(2025, 2, 1)).pk


def test_green_before_withdrawal_is_allowed(actors, family, orgs, vt_consent):
    consent_withdraw(actor=actors["consulent"], consent=vt_consent, withdrawn_on=D(2025, 2, 1))
    assert green(actors, family, orgs, D(2025, 1, 25)).pk


def test_a_new_consent_after_withdrawal_counts(actors, family, orgs, vt_consent, mother):
    consent_withdraw(actor=actors["consulent"], consent=vt_consent, withdrawn_on=D(2025, 2, 1))
    record(actors["consulent"], family, orgs["vt"], mother, D(2025, 3, 1))
    with refused(RuleViolation, "green_without_consent"):
        green(actors, family, orgs, D(2025, 2, 15))
    assert green(actors, family, orgs, D(2025, 3, 1)).pk
