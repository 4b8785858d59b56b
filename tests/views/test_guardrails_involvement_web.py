"""Guardrails of involvement (orange, red, RvdK, green) and the separation of functions, through the web forms
(the harness: guardrails_web.py)."""
import pytest

from tandem.cases import services

from .guardrails_web import (  # noqa: F401 - fixtures, used by name
    ALLOWED, ANONYMOUS, Case, D, GREEN, HANDLER, ORANGE, RED, RVDK, as_consultant, cases, consent_to, dossier,
    involvement, measure, measure_on, ots_handled_by, report_on, submit,
)


# --- involvement: orange, red, RvdK, green -------------------------------------------------------------------

ORANGE_CASES = [
    ("no melding or measure", Case("involvement_start", involvement("vt", "orange", "2025-02-10"), ORANGE)),
    ("before the melding", Case("involvement_start", involvement("vt", "orange", "2025-02-09"), ORANGE,
                                report_on(D(2025, 2, 10)))),
    ("on the melding date", Case("involvement_start", involvement("vt", "orange", "2025-02-10"), ALLOWED,
                                 report_on(D(2025, 2, 10)))),
    ("after the melding", Case("involvement_start", involvement("vt", "orange", "2025-03-01"), ALLOWED,
                               report_on(D(2025, 2, 10)))),
    ("after a measure, no melding", Case("involvement_start", involvement("vt", "orange", "2025-03-01"), ALLOWED,
                                         measure_on("ots", D(2025, 3, 1)))),
]


@pytest.mark.parametrize("case", cases(*ORANGE_CASES))
def test_orange_needs_a_melding_or_measure(as_consultant, dossier, case):
    submit(as_consultant, dossier, case)


RED_CASES = [
    ("no measure", Case("involvement_start", involvement("gi", "red", "2025-03-01"), RED)),
    ("a melding is not a measure", Case("involvement_start", involvement("gi", "red", "2025-03-01"), RED,
                                        report_on(D(2025, 2, 10)))),
    ("before the OTS", Case("involvement_start", involvement("gi", "red", "2025-02-28"), RED,
                            measure_on("ots", D(2025, 3, 1)))),
    ("on the OTS date", Case("involvement_start", involvement("gi", "red", "2025-03-01"), ALLOWED,
                             measure_on("ots", D(2025, 3, 1)))),
    ("after the OTS", Case("involvement_start", involvement("gi", "red", "2025-04-01"), ALLOWED,
                           measure_on("ots", D(2025, 3, 1)))),
]


@pytest.mark.parametrize("case", cases(*RED_CASES))
def test_red_needs_a_measure(as_consultant, dossier, case):
    submit(as_consultant, dossier, case)


RVDK_CASES = [
    ("household not told", Case("involvement_start", involvement("rvdk", "consult", "2025-03-01"), RVDK)),
    ("told after the start", Case("involvement_start", involvement("rvdk", "consult", "2025-03-01",
                                                                   household_informed_on="2025-03-02"), RVDK)),
    ("consent to another organisation", Case("involvement_start", involvement("rvdk", "consult", "2025-03-01"),
                                             RVDK, consent_to("vt", D(2025, 2, 1)))),
    ("orange with a melding, not told", Case("involvement_start", involvement("rvdk", "orange", "2025-03-01"),
                                             RVDK, report_on(D(2025, 2, 10)))),
    ("anonymous, but not a consult", Case("involvement_start", involvement("rvdk", "other", "2025-03-01",
                                                                           anonymous="on"), ANONYMOUS)),
    ("told on the start", Case("involvement_start", involvement("rvdk", "consult", "2025-03-01",
                                                                household_informed_on="2025-03-01"), ALLOWED)),
    ("told before the start", Case("involvement_start", involvement("rvdk", "other", "2025-03-01",
                                                                    household_informed_on="2025-02-15"), ALLOWED)),
    ("consent to the RvdK", Case("involvement_start", involvement("rvdk", "consult", "2025-03-01"), ALLOWED,
                                 consent_to("rvdk", D(2025, 2, 1)))),
    ("anonymous consult", Case("involvement_start", involvement("rvdk", "consult", "2025-03-01", anonymous="on"),
                               ALLOWED)),
]


@pytest.mark.parametrize("case", cases(*RVDK_CASES))
def test_rvdk_only_with_the_household_knowing(as_consultant, dossier, case):
    submit(as_consultant, dossier, case)


GREEN_CASES = [
    ("no consent", Case("involvement_start", involvement("vt", "green", "2025-03-01"), GREEN)),
    ("consent to another organisation", Case("involvement_start", involvement("vt", "green", "2025-03-01"), GREEN,
                                             consent_to("gi", D(2025, 2, 1)))),
    ("consent given after the start", Case("involvement_start", involvement("vt", "green", "2025-03-01"), GREEN,
                                           consent_to("vt", D(2025, 3, 2)))),
    ("consent withdrawn before the start", Case("involvement_start", involvement("vt", "green", "2025-03-01"),
                                                GREEN, consent_to("vt", D(2025, 2, 1), D(2025, 2, 28)))),
    ("consent given on the start", Case("involvement_start", involvement("vt", "green", "2025-03-01"), ALLOWED,
                                        consent_to("vt", D(2025, 3, 1)))),
    ("consent given before the start", Case("involvement_start", involvement("vt", "green", "2025-03-01"),
                                            ALLOWED, consent_to("vt", D(2025, 2, 1)))),
    ("consent withdrawn on the start", Case("involvement_start", involvement("vt", "green", "2025-03-01"),
                                            ALLOWED, consent_to("vt", D(2025, 2, 1), D(2025, 3, 1)))),
]


@pytest.mark.parametrize("case", cases(*GREEN_CASES))
def test_green_needs_consent_to_that_organisation(as_consultant, dossier, case):
    submit(as_consultant, dossier, case)


# --- separation of functions ---------------------------------------------------------------------------------

HANDLER_CASES = [
    ("OTS handled by a team member", Case("measure_record", measure("ots", "2025-03-01", "child",
                                                                    handled_by="partner"), HANDLER)),
    ("melding handled by a team member", Case("report_record", {"on": "2025-02-10", "organisation": "vt",
                                                                "initiated_from_site": "ja",
                                                                "handled_by": "partner"}, HANDLER)),
    ("handler joins the team later", Case("team_member_add", {"professional": "partner2", "joined_on": "2025-03-02"},
                                          HANDLER, ots_handled_by("partner2"))),
    ("OTS handled by a colleague", Case("measure_record", measure("ots", "2025-03-01", "child",
                                                                  handled_by="partner2"), ALLOWED)),
    ("melding handled by a colleague", Case("report_record", {"on": "2025-02-10", "organisation": "vt",
                                                              "initiated_from_site": "ja",
                                                              "handled_by": "partner2"}, ALLOWED)),
    ("someone else joins the team", Case("team_member_add", {"professional": "outsider", "joined_on": "2025-03-02"},
                                         ALLOWED, ots_handled_by("partner2"))),
]


@pytest.mark.parametrize("case", cases(*HANDLER_CASES))
def test_coercion_is_handled_by_someone_off_the_team(as_consultant, dossier, partner_on_team, case):
    submit(as_consultant, dossier, case)


def test_who_left_the_team_still_may_not_handle_coercion(as_consultant, dossier, partner_on_team):
    membership = dossier.family.team.get(professional=partner_on_team)
    services.team_member_leave(actor=None, membership=membership, left_on=D(2025, 2, 20))
    submit(as_consultant, dossier, Case("measure_record", measure("ots", "2025-03-01", "child",
                                                                  handled_by="partner"), HANDLER))
