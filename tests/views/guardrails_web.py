"""The harness of the web-form guardrail tests (test_guardrails_*_web.py): the dossier, the form round trip and
the cases' builders.

Every legal guardrail, refused and allowed, through the web forms.

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
