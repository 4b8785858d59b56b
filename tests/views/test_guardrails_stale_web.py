"""Concurrent edits refused through the web forms, and a partner in front meeting the same refusals (the harness:
guardrails_web.py)."""
import pytest
from django.urls import reverse

from tandem.cases import services
from tandem.cases.models import JournalEntry
from tandem.cases.rules.rights import Action, Cell, Limit, Position, allowed
from tandem.cases.rules.rights import cell as rights_cell

from .guardrails_web import (  # noqa: F401 - fixtures, used by name
    ALLOWED, CLOSE_REST, NOTHING_SAVED, ROWS, STALE, Case, D, Dossier, as_consultant, cases, dossier, form_version,
    involvement, measure, open_form, page_name, page_text, report_on, submit,
)
from .test_guardrails_involvement_web import GREEN_CASES, HANDLER_CASES, ORANGE_CASES, RED_CASES, RVDK_CASES
from .test_guardrails_measures_web import DATE_CASES, MUHP_CASES, SUBJECT_CASES, TERM_CASES


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
