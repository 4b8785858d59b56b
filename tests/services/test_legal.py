"""Reports (meldingen) and measures (domain §4 step 6, §5): separation of functions, subjects, terms."""
import datetime as dt

import pytest

from tandem.cases.models import Measure, Report
from tandem.cases.services import (
    MemberData,
    measure_record,
    member_add,
    report_record,
    team_member_leave,
    trajectory_close,
)
from tandem.core.exceptions import NotPermitted, RuleViolation, StaleEdit

from .helpers import assert_audited, refused, version

D = dt.date


def measure(actor, trajectory, type="ots", on=D(2025, 2, 10), **kwargs):
    return measure_record(actor=actor, trajectory=trajectory, type=type, on=on, **kwargs)


def report(actor, trajectory, organisation, on=D(2025, 2, 1), **kwargs):
    return report_record(actor=actor, trajectory=trajectory, on=on, organisation=organisation, **kwargs)


# --- report_record ---------------------------------------------------------------------------------------

def test_report_record_works(actors, family, orgs, child):
    melding = report(actors["consulent"], family, orgs["vt"], subject=child, handled_by=actors["partner2"],
                     expected_version=1)
    stored = Report.objects.get(pk=melding.pk)
    assert (stored.on, stored.organisation, stored.subject, stored.handled_by) == (
        D(2025, 2, 1), orgs["vt"], child, actors["partner2"])
    assert version(family) == 2
    assert assert_audited("report_record", melding, actors["consulent"], family.household_id).detail == {
        "organisation": "VT-GV"}


def test_report_handled_by_a_team_member_is_refused(actors, family, orgs, on_team):
    with refused(RuleViolation, "handler_on_team"):
        report(actors["consulent"], family, orgs["vt"], handled_by=actors["partner"])


def test_report_about_someone_outside_the_household_is_refused(actors, family, orgs, other_family):
    with refused(RuleViolation, "subject_not_member"):
        report(actors["consulent"], family, orgs["vt"], subject=other_family.household.members.get())


@pytest.mark.parametrize("kwargs, code", [
    ({"on": D(2025, 1, 13)}, "before_reference"),
    ({"on": D(2099, 1, 1)}, "date_in_future"),
    ({"expected_version": 3}, "stale_edit"),
])
def test_report_record_refused(actors, family, orgs, kwargs, code):
    with refused(RuleViolation, code):
        report(actors["consulent"], family, orgs["vt"], **kwargs)


def test_report_not_initiated_from_the_site_may_predate_registration(actors, family, orgs):
    assert report(actors["consulent"], family, orgs["vt"], D(2024, 12, 1), initiated_from_site=False).pk


@pytest.mark.parametrize("who", ["partner", "outsider", "other_site", "coordinator", "expert"])
def test_report_record_not_permitted(actors, family, orgs, who):
    with refused(NotPermitted):
        report(actors[who], family, orgs["vt"])


# --- measure_record: separation of functions -------------------------------------------------------------

def test_measure_record_works(actors, family, child, on_team):
    ots = measure(actors["consulent"], family, subject=child, ends_on=D(2026, 2, 10), handled_by=actors["partner2"],
                  expected_version=version(family))
    stored = Measure.objects.get(pk=ots.pk)
    assert (stored.type, stored.on, stored.ends_on, stored.subject, stored.handled_by, stored.initiated_from_site) \
        == ("ots", D(2025, 2, 10), D(2026, 2, 10), child, actors["partner2"], True)
    assert assert_audited("measure_record", ots, actors["consulent"], family.household_id).detail == {"type": "ots"}


def test_coercive_measure_handled_by_a_team_member_of_that_organisation_is_refused(actors, family, child, on_team):
    with refused(RuleViolation, "handler_on_team"):
        measure(actors["consulent"], family, subject=child, handled_by=actors["partner"])


def test_coercive_measure_handled_by_a_colleague_is_allowed(actors, family, child, on_team):
    assert measure(actors["consulent"], family, subject=child, handled_by=actors["partner2"]).handled_by \
        == actors["partner2"]


def test_measure_handled_by_someone_who_left_the_team_is_refused(actors, family, child, on_team):
    team_member_leave(actor=actors["consulent"], membership=on_team, left_on=D(2025, 2, 1))
    with refused(RuleViolation, "handler_on_team"):
        measure(actors["consulent"], family, subject=child, handled_by=actors["partner"])


def test_measure_handled_by_the_lead_is_refused(actors, family, child):
    with refused(RuleViolation, "handler_on_team"):
        measure(actors["consulent"], family, subject=child, handled_by=actors["consulent"])


# --- subjects --------------------------------------------------------------------------------------------

@pytest.mark.parametrize("type", ["ots", "muhp", "custody_ending"])
def test_minor_measure_about_an_adult_is_refused(actors, family, mother, child, type):
    measure(actors["consulent"], family, "ots", D(2025, 2, 1), subject=child)
    with refused(RuleViolation, "measure_needs_minor"):
        measure(actors["consulent"], family, type, subject=mother)


def test_restraining_order_about_a_child_is_refused(actors, family, child):
    with refused(RuleViolation, "restraining_order_needs_adult"):
        measure(actors["consulent"], family, "restraining_order", subject=child)


def test_restraining_order_about_an_adult_is_allowed(actors, family, mother):
    assert measure(actors["consulent"], family, "restraining_order", subject=mother).subject == mother


def test_measure_on_the_18th_birthday(actors, family):
    teen = member_add(actor=actors["consulent"], household=family.household,
                      data=MemberData(given_names="Sam", family_name="Vries", birth_date=D(2007, 3, 1)))
    assert measure(actors["consulent"], family, "ots", D(2025, 2, 28), subject=teen).pk
    with refused(RuleViolation, "measure_needs_minor"):
        measure(actors["consulent"], family, "custody_ending", D(2025, 3, 1), subject=teen)
    assert measure(actors["consulent"], family, "restraining_order", D(2025, 3, 1), subject=teen).pk


@pytest.mark.parametrize("network", [True, False])
def test_measure_about_a_non_member_is_refused(actors, family, other_family, network):
    if network:
        subject = member_add(actor=actors["consulent"], household=family.household,
                             data=MemberData(given_names="Joop", family_name="Buur", is_network=True))
    else:
        subject = other_family.household.members.get()
    with refused(RuleViolation, "subject_not_member"):
        measure(actors["consulent"], family, "restraining_order", subject=subject)


# --- MUHP with OTS ---------------------------------------------------------------------------------------

def test_muhp_without_ots_is_refused(actors, family, child):
    with refused(RuleViolation, "muhp_without_ots"):
        measure(actors["consulent"], family, "muhp", subject=child)


def test_muhp_with_an_ots_on_the_same_day_is_allowed(actors, family, child):
    measure(actors["consulent"], family, "ots", subject=child)
    assert measure(actors["consulent"], family, "muhp", subject=child, ends_on=D(2026, 2, 10)).pk


def test_muhp_before_the_ots_is_refused(actors, family, child):
    measure(actors["consulent"], family, "ots", D(2025, 2, 10), subject=child)
    with refused(RuleViolation, "muhp_without_ots"):
        measure(actors["consulent"], family, "muhp", D(2025, 2, 9), subject=child)


# --- terms and extensions --------------------------------------------------------------------------------

def test_provisional_ots_of_exactly_3_months(actors, family, child):
    assert measure(actors["consulent"], family, provisional=True, ends_on=D(2025, 5, 10), subject=child).pk
    with refused(RuleViolation, "provisional_ots_too_long"):
        measure(actors["consulent"], family, provisional=True, ends_on=D(2025, 5, 11), subject=child)


def test_ots_of_one_year_and_a_day_is_refused(actors, family, child):
    with refused(RuleViolation, "term_too_long"):
        measure(actors["consulent"], family, ends_on=D(2026, 2, 11), subject=child)


def test_restraining_order_of_10_days_and_11_days(actors, family):
    assert measure(actors["consulent"], family, "restraining_order", D(2025, 3, 1), ends_on=D(2025, 3, 10)).pk
    with refused(RuleViolation, "restraining_order_too_long"):
        measure(actors["consulent"], family, "restraining_order", D(2025, 4, 1), ends_on=D(2025, 4, 11))


def test_restraining_order_extended_to_28_days_and_not_29(actors, family, mother):
    order = measure(actors["consulent"], family, "restraining_order", D(2025, 3, 1), ends_on=D(2025, 3, 10),
                    subject=mother)
    with refused(RuleViolation, "restraining_order_over_28"):
        measure(actors["consulent"], family, "restraining_order", D(2025, 3, 11), ends_on=D(2025, 3, 29),
                extends=order, subject=mother)
    extension = measure(actors["consulent"], family, "restraining_order", D(2025, 3, 11), ends_on=D(2025, 3, 28),
                        extends=order, subject=mother)
    assert extension.extends == order
    with refused(RuleViolation, "restraining_order_over_28"):   # a second extension counts from the first start
        measure(actors["consulent"], family, "restraining_order", D(2025, 3, 28), ends_on=D(2025, 3, 29),
                extends=extension, subject=mother)


def test_extension_of_another_type_is_refused(actors, family, child):
    ots = measure(actors["consulent"], family, "ots", subject=child)
    with refused(RuleViolation, "extension_type"):
        measure(actors["consulent"], family, "muhp", D(2025, 2, 11), extends=ots, subject=child)


def test_extension_dated_before_the_measure_is_refused(actors, family, child):
    ots = measure(actors["consulent"], family, "ots", D(2025, 2, 10), subject=child)
    with refused(RuleViolation, "before_reference"):
        measure(actors["consulent"], family, "ots", D(2025, 2, 9), extends=ots, subject=child)


def test_extension_of_a_measure_of_another_trajectory_is_refused(actors, family, other_family):
    foreign = measure(actors["consulent"], other_family, "contact_ban", D(2025, 2, 1))
    with refused(RuleViolation, "extension_elsewhere"):
        measure(actors["consulent"], family, "contact_ban", D(2025, 2, 10), extends=foreign)


# --- dates, closure, concurrency, permission -------------------------------------------------------------

def test_measure_already_running_may_predate_registration(actors, family, child):
    assert measure(actors["consulent"], family, on=D(2024, 6, 1), initiated_from_site=False, subject=child).pk


@pytest.mark.parametrize("kwargs, code", [
    ({"on": D(2025, 1, 13)}, "before_reference"),
    ({"on": D(2099, 1, 1)}, "date_in_future"),
    ({"ends_on": D(2025, 2, 9)}, "ends_before_start"),
    ({"expected_version": 0}, "stale_edit"),
])
def test_measure_record_refused(actors, family, kwargs, code):
    with refused(RuleViolation, code):
        measure(actors["consulent"], family, "contact_ban", **kwargs)


def test_measure_in_a_closed_trajectory_is_refused(actors, family):
    trajectory_close(actor=actors["consulent"], trajectory=family, closed_on=D(2025, 3, 1), end_evaluation="Veilig genoeg.",
                     exit_participants="Anna, Fatima")
    with refused(RuleViolation, "trajectory_closed"):
        measure(actors["consulent"], family, "contact_ban", D(2025, 2, 1))


def test_stale_measure_overwrites_nothing(actors, family, child):
    seen = version(family)
    measure(actors["consulent"], family, "ots", subject=child, expected_version=seen)
    with refused(StaleEdit):
        measure(actors["consulent"], family, "muhp", subject=child, expected_version=seen)
    assert list(family.measures.values_list("type", flat=True)) == ["ots"]


@pytest.mark.parametrize("who", ["partner", "outsider", "other_site", "coordinator", "expert"])
def test_measure_record_not_permitted(actors, family, who):
    with refused(NotPermitted):
        measure(actors[who], family, "contact_ban")
