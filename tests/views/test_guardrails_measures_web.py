"""Guardrails of measures (MUHP, subject, terms) and of dates, through the web forms (the harness:
guardrails_web.py)."""
import datetime as dt

import pytest
from django.urls import reverse

from tandem.cases.models import Household

from .guardrails_web import (  # noqa: F401 - fixtures, used by name
    ALLOWED, BEFORE_REGISTRATION, CLOSED_BEFORE, CLOSE_REST, Case, D, FUTURE, IN_FUTURE, MAX_28, MUHP,
    NEEDS_ADULT, NEEDS_MINOR, NOTHING_SAVED, ONE_YEAR, PROVISIONAL, TEN_DAYS, as_consultant, cases, dossier,
    involvement, measure, measure_on, page_text, submit,
)


# --- measures: MUHP, subject, terms --------------------------------------------------------------------------

MUHP_CASES = [
    ("no OTS", Case("measure_record", measure("muhp", "2025-03-01", "child"), MUHP)),
    ("OTS only later", Case("measure_record", measure("muhp", "2025-03-01", "child"), MUHP,
                            measure_on("ots", D(2025, 3, 2)))),
    ("OTS on the same day", Case("measure_record", measure("muhp", "2025-03-01", "child"), ALLOWED,
                                 measure_on("ots", D(2025, 3, 1)))),
    ("OTS earlier", Case("measure_record", measure("muhp", "2025-04-01", "child"), ALLOWED,
                         measure_on("ots", D(2025, 3, 1)))),
]


@pytest.mark.parametrize("case", cases(*MUHP_CASES))
def test_muhp_needs_an_ots(as_consultant, dossier, case):
    submit(as_consultant, dossier, case)


OTS_FIRST = measure_on("ots", D(2025, 2, 1))  # so a MUHP meets the subject rule, not the OTS rule
SUBJECT_CASES = [
    ("restraining order against the child", Case("measure_record",
                                                 measure("restraining_order", "2025-03-01", "child"), NEEDS_ADULT)),
    ("OTS for the mother", Case("measure_record", measure("ots", "2025-03-01", "mother"),
                                NEEDS_MINOR.format("Een ondertoezichtstelling"))),
    ("MUHP for the mother", Case("measure_record", measure("muhp", "2025-03-01", "mother"),
                                 NEEDS_MINOR.format("Een machtiging uithuisplaatsing"), OTS_FIRST)),
    ("custody ending for the mother", Case("measure_record", measure("custody_ending", "2025-03-01", "mother"),
                                           NEEDS_MINOR.format("Een gezagsbeëindigende maatregel"))),
    ("restraining order against the mother", Case("measure_record",
                                                  measure("restraining_order", "2025-03-01", "mother"), ALLOWED)),
    ("OTS for the child", Case("measure_record", measure("ots", "2025-03-01", "child"), ALLOWED)),
    ("MUHP for the child", Case("measure_record", measure("muhp", "2025-03-01", "child"), ALLOWED, OTS_FIRST)),
    ("custody ending for the child", Case("measure_record", measure("custody_ending", "2025-03-01", "child"),
                                          ALLOWED)),
]


@pytest.mark.parametrize("case", cases(*SUBJECT_CASES))
def test_measure_is_against_the_right_person(as_consultant, dossier, case):
    submit(as_consultant, dossier, case)


FIRST_ORDER = measure_on("restraining_order", D(2025, 3, 1), "mother", ends_on=D(2025, 3, 10))
TERM_CASES = [
    ("provisional OTS a day over 3 months", Case("measure_record", measure("ots", "2025-03-01", "child",
                                                                           ends_on="2025-06-02",
                                                                           provisional="on"), PROVISIONAL)),
    ("provisional OTS of exactly 3 months", Case("measure_record", measure("ots", "2025-03-01", "child",
                                                                           ends_on="2025-06-01",
                                                                           provisional="on"), ALLOWED)),
    ("ordinary OTS longer than 3 months", Case("measure_record", measure("ots", "2025-03-01", "child",
                                                                         ends_on="2025-09-01"), ALLOWED)),
    ("OTS a day over a year", Case("measure_record", measure("ots", "2025-03-01", "child", ends_on="2026-03-02"),
                                   ONE_YEAR)),
    ("OTS of exactly a year", Case("measure_record", measure("ots", "2025-03-01", "child", ends_on="2026-03-01"),
                                   ALLOWED)),
    ("MUHP a day over a year", Case("measure_record", measure("muhp", "2025-03-01", "child", ends_on="2026-03-02"),
                                    ONE_YEAR, measure_on("ots", D(2025, 3, 1)))),
    ("restraining order of 11 days", Case("measure_record", measure("restraining_order", "2025-03-01", "mother",
                                                                    ends_on="2025-03-11"), TEN_DAYS)),
    ("restraining order of 10 days", Case("measure_record", measure("restraining_order", "2025-03-01", "mother",
                                                                    ends_on="2025-03-10"), ALLOWED)),
    ("extension to 29 days", Case("measure_record", measure("restraining_order", "2025-03-11", "mother",
                                                            ends_on="2025-03-29", extends=0), MAX_28, FIRST_ORDER)),
    ("extension to 28 days", Case("measure_record", measure("restraining_order", "2025-03-11", "mother",
                                                            ends_on="2025-03-28", extends=0), ALLOWED, FIRST_ORDER)),
]


@pytest.mark.parametrize("case", cases(*TERM_CASES))
def test_measure_terms(as_consultant, dossier, case):
    submit(as_consultant, dossier, case)


# --- dates ---------------------------------------------------------------------------------------------------

future = FUTURE.isoformat()
DATE_CASES = [
    ("closure in the future", Case("trajectory_close", {"closed_on": future, "end_evaluation": "Rust", **CLOSE_REST},
                                   IN_FUTURE.format("afsluitdatum"))),
    ("closure before the registration", Case("trajectory_close", {"closed_on": "2025-01-13",
                                                                  "end_evaluation": "Rust", **CLOSE_REST}, CLOSED_BEFORE)),
    ("triage in the future", Case("triage_record", {"kind": "access", "decided_on": future, "outcome": "admitted",
                                                    "participants": "Anna"}, IN_FUTURE.format("datum van de triage"))),
    ("involvement starting in the future", Case("involvement_start", involvement("vt", "consult", future),
                                                IN_FUTURE.format("begindatum"))),
    ("household informed in the future", Case("involvement_start", involvement("rvdk", "consult", "2025-03-01",
                                                                               household_informed_on=future),
                                              IN_FUTURE.format("datum waarop het gezin is geïnformeerd"))),
    ("measure in the future", Case("measure_record", measure("ots", future, "child"),
                                   IN_FUTURE.format("datum van de maatregel"))),
    ("melding in the future", Case("report_record", {"on": future, "organisation": "vt",
                                                     "initiated_from_site": "ja"},
                                   IN_FUTURE.format("datum van de melding"))),
    ("consent in the future", Case("consent_record", {"how": "paper", "given_by": "mother", "organisation": "vt",
                                                      "purpose": "Meekijken", "given_on": future},
                                   IN_FUTURE.format("datum van de toestemming"))),
    ("measure from the site before the registration", Case("measure_record", measure("ots", "2024-12-01", "child"),
                                                           BEFORE_REGISTRATION)),
    ("measure already running at registration", Case("measure_record",
                                                     measure("ots", "2024-12-01", "child", initiated_from_site="nee"),
                                                     ALLOWED)),
    ("closure on the registration day", Case("trajectory_close", {"closed_on": "2025-01-14",
                                                                  "end_evaluation": "Rust", **CLOSE_REST}, ALLOWED)),
    ("closure today", Case("trajectory_close", {"closed_on": dt.date.today().isoformat(),
                                                "end_evaluation": "Rust", **CLOSE_REST}, ALLOWED)),
]


@pytest.mark.parametrize("case", cases(*DATE_CASES))
def test_dates_lie_between_registration_and_today(as_consultant, dossier, case):
    submit(as_consultant, dossier, case)


def registration(registered_on: str) -> dict:
    return {"registered_on": registered_on, "measure_considered": "nee",
            "leden-TOTAL_FORMS": "6", "leden-INITIAL_FORMS": "0", "leden-MIN_NUM_FORMS": "1",
            "leden-MAX_NUM_FORMS": "6",
            "leden-0-given_names": "Sanne", "leden-0-family_name": "Bakker", "leden-0-birth_date": "1990-04-04"}


@pytest.mark.parametrize("registered_on, expected", [
    pytest.param(future, IN_FUTURE.format("datum van aanmelding"), id="in the future"),
    pytest.param("2025-03-01", ALLOWED, id="in the past"),
])
def test_registration_date_not_in_the_future(as_consultant, site, registered_on, expected):
    before = Household.objects.count()
    response = as_consultant.post(reverse("cases:household_register"), registration(registered_on))
    if expected is ALLOWED:
        assert response.status_code == 302
        assert Household.objects.count() == before + 1
    else:
        assert response.status_code == 200
        html = page_text(response)
        assert expected in html and NOTHING_SAVED in html
        assert Household.objects.count() == before
