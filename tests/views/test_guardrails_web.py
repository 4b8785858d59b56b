"""Every legal guardrail, refused and allowed, through the web forms.

Each case opens the real form page (reading the hidden `expected_version` from it, as a browser would), posts the
form's own field names to the real URL and then checks one of two outcomes:

- refused: the form comes back (200) with the rule's Dutch message in the error summary, no row was added and the
  trajectory version did not move (the whole change rolled back);
- allowed: a redirect to the household page and exactly one new row.

The facts a case needs (a melding, a measure, a consent) are put in place through the services beforehand.
"""
import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from html import unescape

import pytest
from django.urls import reverse

from tandem.cases import services
from tandem.cases.rules.rights import Action, Cell, Limit, Position, allowed
from tandem.cases.rules.rights import cell as rights_cell
from tandem.core.dates import dutch_date
from tandem.cases.models import (
    Consent,
    Household,
    Involvement,
    JournalEntry,
    Measure,
    Report,
    TeamMembership,
    Trajectory,
    TriageDecision,
)

D = dt.date
FUTURE = dt.date.today() + dt.timedelta(days=2)  # two days: later than today in any time zone


def _fmt(day: dt.date) -> str:
    return dutch_date(day)


# The Dutch messages of the rules (tandem.cases.rules), as the person reads them.
ORANGE = ("Oranje betrokkenheid (met wettelijke bevoegdheden) kan pas als er een melding of maatregel is, op of "
          "vóór de begindatum.")
RED = "Rode betrokkenheid hoort bij een maatregel. Registreer eerst de maatregel"
RVDK = "De Raad voor de Kinderbescherming mag niet betrokken worden zonder dat het gezin dat weet."
ANONYMOUS = "Alleen advies of consult kan anoniem."
GREEN = "Groene betrokkenheid kan alleen met toestemming van het gezin voor deze organisatie"
HANDLER = ("Deze maatregel moet worden uitgevoerd door een andere medewerker dan degene die in het team van dit "
           "gezin zit (scheiding van functies).")
MUHP = "Een machtiging uithuisplaatsing kan alleen samen met een ondertoezichtstelling."
NEEDS_MINOR = "{} geldt voor een kind onder de 18. Kies het kind om wie het gaat."
NEEDS_ADULT = "Een tijdelijk huisverbod wordt opgelegd aan een volwassene (18 jaar of ouder)."
PROVISIONAL = "Een voorlopige ondertoezichtstelling duurt hoogstens 3 maanden."
ONE_YEAR = "Een ondertoezichtstelling of machtiging uithuisplaatsing duurt hoogstens een jaar per keer."
TEN_DAYS = "Een tijdelijk huisverbod duurt 10 dagen. Langer kan alleen met een verlenging."
MAX_28 = "Een tijdelijk huisverbod duurt met verlenging hoogstens 28 dagen in totaal."
IN_FUTURE = "De {} (" + _fmt(FUTURE) + ") ligt in de toekomst. Vul een datum in tot en met vandaag."
CLOSED_BEFORE = ("De afsluitdatum (13 januari 2025) ligt vóór de aanmelding (14 januari 2025). Kies een datum op of na de "
                 "aanmelding.")
BEFORE_REGISTRATION = "De datum van de maatregel (1 december 2024) ligt vóór de aanmelding (14 januari 2025)."
STALE = ("Iemand anders heeft dit dossier intussen gewijzigd. Uw wijziging is niet opgeslagen. Open het dossier "
         "opnieuw, bekijk de wijziging en voer uw wijziging dan nog een keer in.")
NOTHING_SAVED = "Nog niets is opgeslagen."
ALLOWED = None

# What a form adds, counted before and after the post.
ROWS: dict[str, Callable[[], int]] = {
    "involvement_start": lambda: Involvement.objects.count(),
    "measure_record": lambda: Measure.objects.count(),
    "report_record": lambda: Report.objects.count(),
    "consent_record": lambda: Consent.objects.count(),
    "team_member_add": lambda: TeamMembership.objects.count(),
    "triage_record": lambda: TriageDecision.objects.count(),
    "trajectory_close": lambda: Trajectory.objects.filter(closed_on__isnull=False).count(),
}


# --- the dossier and the form round trip ---------------------------------------------------------------------

@dataclass
class Dossier:
    """The family's trajectory with the facts a case puts in place first (through the services, as the system)."""

    family: Trajectory
    orgs: dict
    actors: dict
    members: dict
    measures: list = field(default_factory=list)

    def report(self, on, organisation="vt"):
        services.report_record(actor=None, trajectory=self.family, on=on, organisation=self.orgs[organisation])

    def measure(self, type, on, subject="child", **extra):
        self.measures.append(services.measure_record(actor=None, trajectory=self.family, type=type, on=on,
                                                     subject=self.members[subject], **extra))

    def consent(self, organisation, given_on, withdrawn_on=None):
        consent = services.consent_record(actor=None, trajectory=self.family, organisation=self.orgs[organisation],
                                          given_by=self.members["mother"], purpose="Meekijken", given_on=given_on)
        if withdrawn_on is not None:
            services.consent_withdraw(actor=None, consent=consent, withdrawn_on=withdrawn_on)

    def version(self) -> int:
        self.family.refresh_from_db()
        return self.family.version

    def resolve(self, data: dict) -> dict:
        """Form data with names ('vt', 'child', 'partner2', measure 0) turned into the ids the form posts."""
        ids = {"organisation": lambda v: self.orgs[v].pk, "subject": lambda v: self.members[v].pk,
               "given_by": lambda v: self.members[v].pk, "handled_by": lambda v: self.actors[v].pk,
               "professional": lambda v: self.actors[v].pk, "extends": lambda v: self.measures[v].pk}
        return {k: ids[k](v) if k in ids else v for k, v in data.items()}


@pytest.fixture
def dossier(family, orgs, actors, mother, child):
    return Dossier(family, orgs, actors, {"mother": mother, "child": child})


def form_version(html: str) -> int:
    """The hidden expected_version the form page was rendered with."""
    match = re.search(r'<input type="hidden" name="expected_version" value="(\d+)"', html)
    assert match, "the form carries no hidden expected_version"
    return int(match.group(1))


def page_name(name: str) -> str:
    """The closing page composes the dossier with the safety plan: it lives in the workspace app."""
    return f"workspace:{name}" if name == "trajectory_close" else f"cases:{name}"


CLOSE_REST = {"exit_participants": "Anna en het gezin", "confirmed": "on"}


def open_form(client, dossier: Dossier, name: str) -> tuple[str, int]:
    url = reverse(page_name(name), args=[dossier.family.pk])
    response = client.get(url)
    assert response.status_code == 200
    return url, form_version(response.content.decode())


def page_text(response) -> str:
    return unescape(response.content.decode())


@dataclass(frozen=True)
class Case:
    form: str  # the url name of the form
    data: dict  # form fields, with names instead of ids (see Dossier.resolve)
    expected: str | None  # the Dutch message of the refusal, or ALLOWED
    setup: Callable[[Dossier], None] | None = None


def submit(client, dossier: Dossier, case: Case) -> None:
    """Open the form, post it and check the outcome: refused (message, nothing saved) or allowed (one row)."""
    if case.setup:
        case.setup(dossier)
    url, version = open_form(client, dossier, case.form)
    assert version == dossier.version()
    rows = ROWS[case.form]
    before = rows()
    response = client.post(url, {"expected_version": version, **dossier.resolve(case.data)})
    if case.expected is ALLOWED:
        assert response.status_code == 302, page_text(response)[:3000]
        assert response.url == reverse("cases:household", args=[dossier.family.household_id])
        assert rows() == before + 1
        assert dossier.version() == version + 1
    else:
        assert response.status_code == 200
        html = page_text(response)
        assert case.expected in html
        assert NOTHING_SAVED in html
        assert rows() == before
        assert dossier.version() == version  # not even the version bump survived


def cases(*rows):
    """(id, Case) pairs as pytest params."""
    return [pytest.param(case, id=case_id) for case_id, case in rows]


def involvement(organisation, form, start, **extra):
    return {"organisation": organisation, "form": form, "start": start, **extra}


def measure(type, on, subject, **extra):
    return {"type": type, "on": on, "subject": subject, "initiated_from_site": "ja", **extra}


def report_on(day, organisation="vt"):
    return lambda d: d.report(day, organisation)


def measure_on(type, day, subject="child", **extra):
    return lambda d: d.measure(type, day, subject, **extra)


def ots_handled_by(who):
    return lambda d: d.measure("ots", D(2025, 3, 1), handled_by=d.actors[who])


def consent_to(organisation, given_on, withdrawn_on=None):
    return lambda d: d.consent(organisation, given_on, withdrawn_on)


@pytest.fixture
def as_consultant(client, actors):
    client.force_login(actors["consulent"])
    return client


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


# --- concurrent edits ----------------------------------------------------------------------------------------

STALE_CASES = [
    ("close", Case("trajectory_close", {"closed_on": "2025-06-01", "end_evaluation": "Rust", **CLOSE_REST}, STALE)),
    ("involvement", Case("involvement_start", involvement("vt", "consult", "2025-03-01"), STALE)),
    ("measure", Case("measure_record", measure("ots", "2025-03-01", "child"), STALE)),
    ("consent", Case("consent_record", {"how": "paper", "given_by": "mother", "organisation": "vt", "purpose": "Meekijken",
                                        "given_on": "2025-03-01"}, STALE)),
    ("team", Case("team_member_add", {"professional": "partner2", "joined_on": "2025-03-01"}, STALE)),
    ("triage", Case("triage_record", {"kind": "access", "decided_on": "2025-01-20", "outcome": "admitted",
                                      "participants": "Anna"}, STALE)),
]


def submit_stale(client, dossier: Dossier, case: Case) -> None:
    """Open the form, let a colleague change the dossier, then post the form as it was opened."""
    url, opened_at = open_form(client, dossier, case.form)
    colleague = services.journal_entry_add(actor=dossier.actors["consulent"], trajectory=dossier.family,
                                           kind="contact_note", nature="fact", source="telefoon", text="Gebeld.")
    after_colleague = dossier.version()
    assert after_colleague == opened_at + 1
    before = ROWS[case.form]()
    response = client.post(url, {"expected_version": opened_at, **dossier.resolve(case.data)})
    assert response.status_code == 200
    html = page_text(response)
    assert STALE in html and NOTHING_SAVED in html
    assert ROWS[case.form]() == before
    assert dossier.version() == after_colleague
    assert JournalEntry.objects.filter(pk=colleague.pk).exists()  # the colleague's change stands


@pytest.mark.parametrize("case", cases(*STALE_CASES))
def test_stale_edit_is_refused(as_consultant, dossier, case):
    submit_stale(as_consultant, dossier, case)


def test_stale_closure_overwrites_nothing(as_consultant, dossier):
    url, opened_at = open_form(as_consultant, dossier, "trajectory_close")
    services.trajectory_close(actor=dossier.actors["consulent"], trajectory=dossier.family,
                              closed_on=D(2025, 5, 1), end_evaluation="Eerste afsluiting",
                              exit_participants="Anna en het gezin", expected_version=opened_at)
    data = {"expected_version": opened_at, "closed_on": "2025-06-01", "end_evaluation": "Tweede afsluiting",
            **CLOSE_REST}
    response = as_consultant.post(url, data)
    assert response.status_code == 403  # closing is no longer an action of this (closed) trajectory
    assert "Dit kan niet in een afgesloten traject." in page_text(response)
    dossier.family.refresh_from_db()
    assert (dossier.family.closed_on, dossier.family.end_evaluation) == (D(2025, 5, 1), "Eerste afsluiting")


def test_stale_involvement_end_overwrites_nothing(as_consultant, dossier):
    episode = services.involvement_start(actor=None, trajectory=dossier.family, organisation=dossier.orgs["vt"],
                                         form="consult", start=D(2025, 2, 1))
    url = reverse("cases:involvement_end", args=[dossier.family.pk, episode.pk])
    opened_at = form_version(as_consultant.get(url).content.decode())
    services.involvement_end(actor=dossier.actors["consulent"], involvement=episode, end=D(2025, 3, 1),
                             expected_version=opened_at)
    response = as_consultant.post(url, {"expected_version": opened_at, "end": "2025-04-01"})
    assert response.status_code == 200
    assert STALE in page_text(response)
    episode.refresh_from_db()
    assert episode.end == D(2025, 3, 1)


# --- a partner on the team who may edit meets the same refusals ----------------------------------------------

def _first_refusal(table, case_id=None):
    return next(c for i, c in table if c.expected is not ALLOWED and (case_id is None or i == case_id))


PARTNER_CASES = [
    ("orange", _first_refusal(ORANGE_CASES)),
    ("red", _first_refusal(RED_CASES)),
    ("rvdk", _first_refusal(RVDK_CASES)),
    ("anonymous", _first_refusal(RVDK_CASES, "anonymous, but not a consult")),
    ("green", _first_refusal(GREEN_CASES)),
    ("handler", _first_refusal(HANDLER_CASES)),
    ("muhp", _first_refusal(MUHP_CASES)),
    ("needs adult", _first_refusal(SUBJECT_CASES)),
    ("needs minor", _first_refusal(SUBJECT_CASES, "OTS for the mother")),
    ("provisional OTS", _first_refusal(TERM_CASES)),
    ("one year", _first_refusal(TERM_CASES, "OTS a day over a year")),
    ("10 days", _first_refusal(TERM_CASES, "restraining order of 11 days")),
    ("28 days", _first_refusal(TERM_CASES, "extension to 29 days")),
    ("future", _first_refusal(DATE_CASES)),
    ("closure before registration", _first_refusal(DATE_CASES, "closure before the registration")),
]


FORM_ACTIONS = {"involvement_start": Action.INVOLVEMENT_START, "measure_record": Action.MEASURE_RECORD,
                "report_record": Action.REPORT_RECORD, "consent_record": Action.CONSENT_RECORD,
                "team_member_add": Action.TEAM_ADD, "triage_record": Action.TRIAGE,
                "trajectory_close": Action.CLOSE}


@pytest.fixture
def partner_in_front(dossier, partner_on_team):
    """Bram (Veilig Thuis) rides in front, on a stated statutory ground (no melding: the cases set their own)."""
    services.lead_switch(actor=None, trajectory=dossier.family, professional=partner_on_team, on=D(2025, 2, 2),
                         statutory_ground="OTS uitgesproken door de kinderrechter")
    return partner_on_team


def _partner_may(case: Case) -> bool:
    """What the rights matrix gives a partner in front for this form (docs/rights.md)."""
    own = case.data.get("organisation") == "vt" and case.form in ("involvement_start",)
    return allowed(FORM_ACTIONS[case.form], Position.PARTNER_LEAD, frozenset({Limit.OWN_ORGANISATION} if own else ()))


@pytest.mark.parametrize("case", cases(*PARTNER_CASES))
def test_a_partner_in_front_meets_the_same_refusal_or_is_not_entitled(client, dossier, partner_in_front, case):
    """Where the matrix lets the partner in front take the action, the same guardrail refuses it; where it does
    not, the page answers 403 and nothing changes."""
    client.force_login(partner_in_front)
    if _partner_may(case):
        submit(client, dossier, case)
        return
    if case.setup:
        case.setup(dossier)
    before = (ROWS[case.form](), dossier.version())
    limited = rights_cell(FORM_ACTIONS[case.form], Position.PARTNER_LEAD) == Cell.LIMITED
    page = reverse(page_name(case.form), args=[dossier.family.pk])
    assert client.get(page).status_code == (200 if limited else 403)  # a limited form offers only what is allowed
    response = client.post(page, {"expected_version": dossier.version(), **dossier.resolve(case.data)})
    assert response.status_code in ((200, 403) if limited else (403,))
    assert (ROWS[case.form](), dossier.version()) == before


def test_partner_on_the_team_meets_the_stale_refusal(client, dossier, partner_in_front):
    client.force_login(partner_in_front)
    submit_stale(client, dossier, STALE_CASES[1][1])


def test_partner_on_the_team_is_allowed_what_the_rules_allow(client, dossier, partner_in_front):
    """The refusals above are the rules at work, not a partner being locked out."""
    client.force_login(partner_in_front)
    submit(client, dossier, Case("involvement_start", involvement("vt", "orange", "2025-02-10"), ALLOWED,
                                 report_on(D(2025, 2, 10))))
