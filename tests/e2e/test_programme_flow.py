"""The learning programme in a real browser: a coordinator enters a lesson and an improvement; the project lead
writes the regional news, produces the progress report for the quarter and downloads it as Word. axe-core
(WCAG 2.1 A/AA) checks every page visited."""
import re

import pytest
from browser import choose, log_in, submit, visit
from django.utils import timezone
from docx import Document

from tandem.monitor.rules import quarter_of
from tandem.organisations.models import User
from tandem.programme.models import ImprovementProposal, Lesson

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

LESSON = "Een TOP3-plan maken in een netwerkberaad leidt tot een gedragen plan."
IMPROVEMENT = "De ontmoetingsstructuur van de praktijkgroep is aangepast."


def coordinator_enters_a_lesson_and_an_improvement(page, axe):
    visit(page, axe, "Leerprogramma")
    visit(page, axe, "Les toevoegen")
    choose(page, "Toekomsttuin", "Hilversum")
    page.get_by_role("radio", name="Inhoud").check()
    page.get_by_label("Wat hebben we geleerd?").fill(LESSON)
    page.get_by_label(re.compile("Thema")).fill("TOP3, netwerkberaad")
    submit(page, axe, "Opslaan")
    assert LESSON in page.content()

    visit(page, axe, "Verbetervoorstellen")
    visit(page, axe, "Verbetervoorstel toevoegen")
    page.fill("#id_title", IMPROVEMENT)
    page.get_by_label("Eigenaar").fill("Coördinatoren toekomsttuinen")
    page.get_by_role("radio", name="Gerealiseerd").check()
    page.fill("#id_realised_on", timezone.localdate().isoformat())
    submit(page, axe, "Opslaan")
    assert IMPROVEMENT in page.content()


def test_lesson_improvement_and_the_progress_report_as_word(page, browser, live_server, axe, actors, password,
                                                            tmp_path):
    quarter = quarter_of(timezone.localdate()).label
    log_in(page, live_server, axe, "fleur", password)
    coordinator_enters_a_lesson_and_an_improvement(page, axe)
    assert Lesson.objects.get().created_by == actors["coordinator"]
    assert ImprovementProposal.objects.get().status == "realised"

    User.objects.create_user(username="pim", password=password, first_name="Pim", last_name="Leider",
                             organisation=actors["coordinator"].organisation, role="projectleider")
    lead = browser.new_context(locale="nl-NL", timezone_id="Europe/Amsterdam", accept_downloads=True).new_page()
    log_in(lead, live_server, axe, "pim", password)
    visit(lead, axe, "Leerprogramma")
    visit(lead, axe, "Voortgangsrapportages")
    visit(lead, axe, f"Kwartaal {quarter}")
    assert LESSON in lead.content() and IMPROVEMENT in lead.content()
    visit(lead, axe, "Regionale en landelijke voortgang schrijven")
    lead.get_by_label("Regionale voortgang en ontwikkelingen").fill("Er zijn zes vervolgscenario's beschreven.")
    submit(lead, axe, "Opslaan")
    assert "zes vervolgscenario" in lead.content()

    with lead.expect_download() as download:
        lead.get_by_role("link", name="Download als Word (docx)").click()
    assert download.value.suggested_filename == f"voortgangsrapportage-GV-{quarter}.docx"
    path = tmp_path / "voortgang.docx"
    download.value.save_as(path)
    text = [p.text for p in Document(str(path)).paragraphs]
    assert f"Voortgangsrapportage Gooi en Vechtstreek, {quarter}" in text
    assert any(LESSON in line for line in text) and any(IMPROVEMENT in line for line in text)
    assert "Er zijn zes vervolgscenario's beschreven." in text
    lead.context.close()
