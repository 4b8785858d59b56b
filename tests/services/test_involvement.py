"""Involvement episodes and time (domain §4 step 4, §5): consult, green, orange, red, the RvdK."""
import datetime as dt
from decimal import Decimal

import pytest
from django.utils import timezone

from tandem.cases.models import Involvement, TimeEntry
from tandem.cases.services import (
    consent_record,
    involvement_end,
    involvement_start,
    measure_record,
    report_record,
    time_register,
    trajectory_close,
)
from tandem.core.exceptions import NotPermitted, RuleViolation, StaleEdit

from .helpers import assert_audited, refused, version

D = dt.date


def start(actor, trajectory, organisation, form="consult", on=D(2025, 2, 10), **kwargs):
    return involvement_start(actor=actor, trajectory=trajectory, organisation=organisation, form=form, start=on,
                             **kwargs)


# --- involvement_start -----------------------------------------------------------------------------------

def test_involvement_start_works(actors, family, orgs):
    involvement = start(actors["consulent"], family, orgs["vt"], expected_version=1)
    assert (involvement.form, involvement.start, involvement.end, involvement.anonymous) == (
        "consult", D(2025, 2, 10), None, False)
    assert version(family) == 2
    event = assert_audited("involvement_start", involvement, actors["consulent"], family.household_id)
    assert event.detail == {"form": "consult", "organisation": "VT-GV"}


def test_involvement_with_start_and_end_on_one_day(actors, family, orgs):
    assert start(actors["consulent"], family, orgs["vt"], end=D(2025, 2, 10)).end == D(2025, 2, 10)


@pytest.mark.parametrize("form", ["green", "orange", "red", "other"])
def test_anonymous_non_consult_is_refused(actors, family, orgs, vt_consent, form):
    report_record(actor=actors["consulent"], trajectory=family, on=D(2025, 2, 1), organisation=orgs["vt"])
    with refused(RuleViolation, "anonymous_not_consult"):
        start(actors["consulent"], family, orgs["vt"], form, anonymous=True)


def test_anonymous_consult_is_allowed(actors, family, orgs):
    assert start(actors["consulent"], family, orgs["vt"], anonymous=True).anonymous


# orange: statutory powers only once a melding or measure exists

def test_orange_without_a_report_is_refused(actors, family, orgs):
    with refused(RuleViolation, "orange_without_report"):
        start(actors["consulent"], family, orgs["vt"], "orange")


def test_orange_on_the_day_of_the_report_is_allowed(actors, family, orgs):
    report_record(actor=actors["consulent"], trajectory=family, on=D(2025, 2, 10), organisation=orgs["vt"])
    assert start(actors["consulent"], family, orgs["vt"], "orange", D(2025, 2, 10)).form == "orange"


def test_orange_the_day_before_the_report_is_refused(actors, family, orgs):
    report_record(actor=actors["consulent"], trajectory=family, on=D(2025, 2, 10), organisation=orgs["vt"])
    with refused(RuleViolation, "orange_without_report"):
        start(actors["consulent"], family, orgs["vt"], "orange", D(2025, 2, 9))


def test_orange_after_a_measure_is_allowed(actors, family, orgs):
    measure_record(actor=actors["consulent"], trajectory=family, type="contact_ban", on=D(2025, 2, 1))
    assert start(actors["consulent"], family, orgs["gi"], "orange", D(2025, 2, 1)).pk


# red: under a measure

def test_red_without_a_measure_is_refused(actors, family, orgs):
    report_record(actor=actors["consulent"], trajectory=family, on=D(2025, 2, 1), organisation=orgs["vt"])
    with refused(RuleViolation, "red_without_measure"):
        start(actors["consulent"], family, orgs["gi"], "red")


def test_red_on_the_day_of_the_measure_is_allowed(actors, family, orgs, child):
    measure_record(actor=actors["consulent"], trajectory=family, type="ots", on=D(2025, 2, 10), subject=child)
    assert start(actors["consulent"], family, orgs["gi"], "red", D(2025, 2, 10)).form == "red"
    with refused(RuleViolation, "red_without_measure"):
        start(actors["consulent"], family, orgs["gi"], "red", D(2025, 2, 9))


# green: with consent (see test_consent.py for the consent boundaries)

def test_green_without_consent_is_refused(actors, family, orgs):
    with refused(RuleViolation, "green_without_consent"):
        start(actors["consulent"], family, orgs["vt"], "green")


def test_green_with_consent_is_allowed(actors, family, orgs, vt_consent):
    assert start(actors["consulent"], family, orgs["vt"], "green").form == "green"


def test_green_with_consent_to_another_organisation_is_refused(actors, family, orgs, vt_consent):
    with refused(RuleViolation, "green_without_consent"):
        start(actors["consulent"], family, orgs["gi"], "green")


# the RvdK: never without the household knowing

def test_named_rvdk_consult_without_knowledge_is_refused(actors, family, orgs):
    with refused(RuleViolation, "rvdk_without_knowledge"):
        start(actors["consulent"], family, orgs["rvdk"])


def test_anonymous_rvdk_consult_is_allowed(actors, family, orgs):
    assert start(actors["consulent"], family, orgs["rvdk"], anonymous=True).anonymous


def test_rvdk_with_household_informed_on_the_start_day_is_allowed(actors, family, orgs):
    involvement = start(actors["consulent"], family, orgs["rvdk"], household_informed_on=D(2025, 2, 10))
    assert involvement.household_informed_on == D(2025, 2, 10)


def test_rvdk_with_household_informed_the_day_after_is_refused(actors, family, orgs):
    with refused(RuleViolation, "rvdk_without_knowledge"):
        start(actors["consulent"], family, orgs["rvdk"], household_informed_on=D(2025, 2, 11))


def test_rvdk_with_consent_is_allowed(actors, family, orgs, mother):
    consent_record(actor=actors["consulent"], how="conversation", trajectory=family, organisation=orgs["rvdk"], given_by=mother,
                   purpose="onderzoek", given_on=D(2025, 2, 1))
    assert start(actors["consulent"], family, orgs["rvdk"], "green").pk


def test_rvdk_red_without_knowledge_is_refused_even_under_a_measure(actors, family, orgs, child):
    measure_record(actor=actors["consulent"], trajectory=family, type="rvdk_request", on=D(2025, 2, 1))
    with refused(RuleViolation, "rvdk_without_knowledge"):
        start(actors["consulent"], family, orgs["rvdk"], "red")


# dates, closure, concurrency, permission

@pytest.mark.parametrize("kwargs, code", [
    ({"on": D(2025, 1, 13)}, "before_reference"),
    ({"on": D(2099, 1, 1)}, "date_in_future"),
    ({"end": D(2025, 2, 9)}, "ends_before_start"),
    ({"end": D(2099, 1, 1)}, "date_in_future"),
    ({"household_informed_on": D(2099, 1, 1)}, "date_in_future"),
    ({"expected_version": 2}, "stale_edit"),
])
def test_involvement_start_refused(actors, family, orgs, kwargs, code):
    with refused(RuleViolation, code):
        start(actors["consulent"], family, orgs["vt"], **kwargs)


def test_involvement_start_in_a_closed_trajectory_is_refused(actors, family, orgs):
    trajectory_close(actor=actors["consulent"], trajectory=family, closed_on=D(2025, 3, 1), end_evaluation="Veilig genoeg.",
                     exit_participants="Anna, Fatima")
    with refused(RuleViolation, "trajectory_closed"):
        start(actors["consulent"], family, orgs["vt"], on=D(2025, 2, 10))


@pytest.mark.parametrize("who", ["partner", "outsider", "other_site", "coordinator", "expert"])
def test_involvement_start_not_permitted(actors, family, orgs, who):
    with refused(NotPermitted):
        start(actors[who], family, orgs["vt"])


def test_a_partner_on_the_team_may_register_its_own_involvement(actors, family, orgs, on_team):
    assert start(actors["partner"], family, orgs["vt"]).pk


# --- involvement_end -------------------------------------------------------------------------------------

def test_involvement_end_works(actors, family, orgs):
    involvement = start(actors["consulent"], family, orgs["vt"])
    ended = involvement_end(actor=actors["consulent"], involvement=involvement, end=D(2025, 3, 1),
                            expected_version=version(family))
    assert Involvement.objects.get(pk=involvement.pk).end == D(2025, 3, 1) == ended.end
    assert_audited("involvement_end", ended, actors["consulent"], family.household_id)


@pytest.mark.parametrize("end, code", [(D(2025, 2, 9), "ends_before_start"), (D(2099, 1, 1), "date_in_future")])
def test_involvement_end_refused(actors, family, orgs, end, code):
    involvement = start(actors["consulent"], family, orgs["vt"])
    with refused(RuleViolation, code):
        involvement_end(actor=actors["consulent"], involvement=involvement, end=end)


def test_involvement_end_refuses_a_stale_edit(actors, family, orgs):
    involvement = start(actors["consulent"], family, orgs["vt"])
    with refused(StaleEdit):
        involvement_end(actor=actors["consulent"], involvement=involvement, end=D(2025, 3, 1), expected_version=1)


@pytest.mark.parametrize("who", ["partner", "other_site", "coordinator"])
def test_involvement_end_not_permitted(actors, family, orgs, who):
    involvement = start(actors["consulent"], family, orgs["vt"])
    with refused(NotPermitted):
        involvement_end(actor=actors[who], involvement=involvement, end=D(2025, 3, 1))


# --- time_register ---------------------------------------------------------------------------------------

@pytest.fixture
def episode(actors, family, orgs, on_team):
    return start(actors["consulent"], family, orgs["vt"], on=D(2025, 2, 10), end=D(2025, 3, 10))


@pytest.mark.parametrize("hours", [Decimal("0.01"), 2, 2.5, 24])
def test_time_register_works(actors, family, episode, hours):
    entry = time_register(actor=actors["partner"], involvement=episode, on=D(2025, 2, 11), hours=hours,
                          expected_version=version(family))
    stored = TimeEntry.objects.get(pk=entry.pk)
    assert stored.hours == Decimal(str(hours)) and stored.professional == actors["partner"]
    event = assert_audited("time_register", entry, actors["partner"], family.household_id)
    assert Decimal(event.detail["hours"]) == Decimal(str(hours))


@pytest.mark.parametrize("hours", [0, -1, Decimal("24.01"), 25, Decimal("0.001")])
def test_time_register_refuses_hours_out_of_range(actors, episode, hours):
    with refused(RuleViolation, "hours_range"):
        time_register(actor=actors["partner"], involvement=episode, on=D(2025, 2, 11), hours=hours)


@pytest.mark.parametrize("on", [D(2025, 2, 10), D(2025, 3, 10)])
def test_time_on_the_first_and_last_day_of_the_episode(actors, episode, on):
    assert time_register(actor=actors["partner"], involvement=episode, on=on, hours=1).on == on


@pytest.mark.parametrize("on", [D(2025, 1, 14), D(2025, 2, 9), D(2025, 3, 11)])
def test_preparation_and_aftercare_count_within_the_trajectory(actors, episode, on):
    assert time_register(actor=actors["partner"], involvement=episode, on=on, hours=1).on == on


def test_time_before_the_registration_is_refused(actors, episode):
    with refused(RuleViolation, "before_reference"):
        time_register(actor=actors["partner"], involvement=episode, on=D(2025, 1, 13), hours=1)


def test_time_in_the_future_is_refused(actors, family, orgs):
    open_episode = start(actors["consulent"], family, orgs["vt"])
    with refused(RuleViolation, "date_in_future"):
        time_register(actor=actors["consulent"], involvement=open_episode,
                      on=timezone.localdate() + dt.timedelta(days=1), hours=1)


def test_time_may_still_be_registered_after_closure_but_not_dated_after_it(actors, family, episode):
    trajectory_close(actor=actors["consulent"], trajectory=family, closed_on=D(2025, 3, 10), end_evaluation="Veilig genoeg.",
                     exit_participants="Anna, Fatima")
    assert time_register(actor=actors["consulent"], involvement=episode, on=D(2025, 3, 10), hours=1).pk
    with refused(RuleViolation, "after_closure"):
        time_register(actor=actors["consulent"], involvement=episode, on=D(2025, 3, 11), hours=1)


def test_closing_before_registered_time_is_refused(actors, family, orgs):
    open_episode = start(actors["consulent"], family, orgs["vt"], on=D(2025, 2, 10))
    time_register(actor=actors["consulent"], involvement=open_episode, on=D(2025, 3, 5), hours=1)
    with refused(RuleViolation, "before_reference"):
        trajectory_close(actor=actors["consulent"], trajectory=family, closed_on=D(2025, 3, 4), end_evaluation="Veilig genoeg.",
                     exit_participants="Anna, Fatima")


def test_time_register_refuses_a_stale_edit(actors, episode):
    with refused(StaleEdit):
        time_register(actor=actors["partner"], involvement=episode, on=D(2025, 2, 11), hours=1, expected_version=1)


@pytest.mark.parametrize("who", ["partner2", "outsider", "other_site", "coordinator", "expert"])
def test_time_register_not_permitted(actors, episode, who):
    with refused(NotPermitted):
        time_register(actor=actors[who], involvement=episode, on=D(2025, 2, 11), hours=1)
