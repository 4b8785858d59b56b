"""One family's trajectory in a real browser: registration, pulling in Veilig Thuis with consent, switching
the lead, closing; axe-core (WCAG 2.1 A/AA) on every page visited."""
import datetime as dt
import re

import pytest
from django.utils import timezone
from browser import choose, log_in, submit, visit

from tandem.cases.models import Household, Involvement, LeadPeriod, TeamMembership

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def register_family(page, axe, day):
    visit(page, axe, "Nieuw gezin aanmelden")
    page.fill("#id_registered_on", day)
    page.get_by_role("radio", name="Ja").first.check()
    page.fill("#id_reason", "Zorgen over ruzies thuis; school meldt dat Sem vaak moe is.")
    submit(page, axe, "Volgende stap")  # registration in steps (issue "Tandem 6")
    page.fill("#id_leden-0-given_names", "Ilse")
    page.fill("#id_leden-0-family_name", "Brouwer")
    page.fill("#id_leden-0-birth_date", "1987-03-12")
    page.fill("#id_leden-1-given_names", "Sem")
    page.fill("#id_leden-1-family_name", "Brouwer")
    page.fill("#id_leden-1-birth_date", "2015-09-01")
    submit(page, axe, "Volgende stap")
    assert "Ilse" in page.inner_text("main") and "Stap 3" in page.inner_text("main")
    submit(page, axe, "Gezin aanmelden")
    assert page.get_by_role("heading", name=re.compile("Gezin Brouwer")).is_visible()


def record_consent(page, axe, day):
    visit(page, axe, "Toestemming vastleggen")
    choose(page, "Gegeven door", "Ilse")
    choose(page, "Toestemming aan", "Veilig Thuis Gooi en Vechtstreek")
    page.get_by_label("Waarvoor").fill("Meedenken en analyse van de veiligheid thuis")
    page.fill("#id_given_on", day)
    page.get_by_label("Op papier (toestemmingsverklaring)").check()
    submit(page, axe, "Opslaan")


def pull_in_veilig_thuis(page, axe, day):
    visit(page, axe, "Iemand aan het team toevoegen")
    choose(page, "Medewerker", "Bram Visser")
    page.fill("#id_joined_on", day)
    submit(page, axe, "Opslaan")
    visit(page, axe, "Betrokkenheid starten")
    choose(page, "Organisatie", "Veilig Thuis Gooi en Vechtstreek")
    page.get_by_role("radio", name=re.compile("Groen")).check()
    page.fill("#id_start", day)
    submit(page, axe, "Opslaan")


def test_registration_to_closure_in_a_real_browser(page, live_server, axe, actors, password):
    today = timezone.localdate()
    start = (today - dt.timedelta(days=30)).isoformat()
    later = (today - dt.timedelta(days=20)).isoformat()
    log_in(page, live_server, axe, "anna", password)
    axe.check(page)  # Mijn gezinnen
    register_family(page, axe, start)
    household = Household.objects.get()
    trajectory = household.trajectories.get()

    # Green involvement without consent is refused with the rule's message, and nothing is saved.
    visit(page, axe, "Betrokkenheid starten")
    choose(page, "Organisatie", "Veilig Thuis Gooi en Vechtstreek")
    page.get_by_role("radio", name=re.compile("Groen")).check()
    page.fill("#id_start", start)
    page.get_by_role("button", name="Opslaan").click()
    page.wait_for_load_state()
    axe.check(page)
    assert "toestemming" in page.content()
    assert not Involvement.objects.exists()
    page.get_by_role("link", name="Annuleren").click()

    record_consent(page, axe, start)
    pull_in_veilig_thuis(page, axe, start)
    assert Involvement.objects.get().form == "green"

    # Veilig Thuis takes the front seat only on a melding (seed 000, "De tandem").
    visit(page, axe, "Regie wisselen")
    choose(page, re.compile("Nieuwe regiehouder"), "Bram Visser")
    page.fill("#id_on", later)
    submit(page, axe, "Regie wisselen")
    assert "alleen over als er een melding of maatregel is" in page.content()
    page.get_by_label("Wettelijke grond").fill("Melding bij Veilig Thuis door de school")
    submit(page, axe, "Regie wisselen")
    lead = LeadPeriod.objects.get(trajectory=trajectory, end__isnull=True)
    assert lead.professional == actors["partner"]
    # No hand-over: the consultant stays on the team, at the back.
    assert TeamMembership.objects.filter(trajectory=trajectory, professional=actors["consulent"],
                                         left_on__isnull=True).exists()
    assert "achterop" in page.content().lower()

    visit(page, axe, "Traject afsluiten")
    assert "Veilig Thuis Gooi en Vechtstreek heeft de regie" in page.inner_text("main")  # what still runs
    page.fill("#id_closed_on", today.isoformat())
    page.get_by_label("Eindevaluatie").fill("Het gaat veiliger thuis; afspraken worden nagekomen.")
    page.get_by_label("Wie deden mee aan de uitstroomtriage?").fill("Anna, Bram, Ilse en Sem")
    page.get_by_label("Ik heb gezien wat er nog loopt, en het traject mag sluiten.").check()
    submit(page, axe, "Traject afsluiten")
    trajectory.refresh_from_db()
    assert trajectory.closed_on == today
    assert len(axe.checked) >= 12


def test_coordinator_reads_the_monitor_without_names(page, live_server, axe, actors, family, password):
    """The coordinator sees figures, never a family's name; the monitor pages pass axe-core too."""
    log_in(page, live_server, axe, "fleur", password)
    visit(page, axe, "Kwartaalmonitor")
    page.get_by_role("link", name="Toekomsttuin Hilversum").first.click()
    page.wait_for_load_state()
    axe.check(page)
    html = page.content()
    assert "Aangemeld" in html or "aangemeld" in html
    assert "Fatima" not in html and "Amrani" not in html


def test_consultant_drills_down_and_enters_experiences(page, live_server, axe, actors, family, password):
    log_in(page, live_server, axe, "anna", password)
    page.goto(live_server.url + "/monitor/toekomsttuin/HLV/2025-Q1/")
    axe.check(page)
    page.get_by_role("link", name="bekijk de trajecten").first.click()
    page.wait_for_load_state()
    axe.check(page)
    assert "Fatima" in page.content()  # the consultant may see the families behind a count
    page.get_by_role("link", name="Terug naar de monitor").click()
    visit(page, axe, "Ervaringen invullen (G–K)")
