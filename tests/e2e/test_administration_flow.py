"""A region runs Tandem without the command line (issue "Tandem 7"), in a real browser with axe-core (WCAG 2.1
A/AA) on every page: the beheerder invites a person with two roles; the invitation reaches a real SMTP server on
localhost; the person sets password and app through the link, signs in and works in both roles; a two-factor reset
waits for a second beheerder; a coordinator uploads a spreadsheet with one bad row, sees the row and column, uploads
the fixed file, sees it to the end and downloads the XLSX monitor; whoever submitted a quarter cannot approve it."""
import re

import pytest
from browser import code_now, log_in, submit, visit

from exchange.test_spreadsheet import HEADER, ROWS
from tandem.accounts.models import AuthenticatorDevice
from tandem.administration.models import FactorReset
from tandem.cases.models import Household
from tandem.monitor.models import QuarterClosure
from tandem.organisations.models import User

from notifications.conftest import smtp  # noqa: F401  (the real SMTP server on localhost, as a fixture)

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def beheerders(orgs, password):
    return [User.objects.create_user(username=name, password=password, first_name=name.title(), last_name="Beheer",
                                     organisation=orgs["coord"], role="beheerder") for name in ("ben", "bea")]


def sign_out(page):
    page.get_by_role("button", name="Uitloggen").click()
    page.wait_for_load_state()


def test_invite_two_roles_and_a_reset_with_a_second_person(page, live_server, axe, actors, orgs, beheerders,
                                                           password, smtp):  # noqa: F811
    log_in(page, live_server, axe, "ben", password)
    assert page.get_by_role("heading", name=re.compile("Beheer van regio")).count() == 1
    visit(page, axe, "Mensen en rollen")
    visit(page, axe, "Iemand uitnodigen")
    page.get_by_label("Inlognaam").fill("nina")
    page.get_by_label("Voornaam").fill("Nina")
    page.get_by_label("Achternaam").fill("Dekker")
    page.get_by_label("E-mailadres (werk)").fill("nina@vt.example")
    page.get_by_label("Organisatie").select_option(label="Veilig Thuis Gooi en Vechtstreek")
    page.get_by_label("Rol waarin deze persoon begint").select_option(value="gedragswetenschapper")
    page.locator("input[name=other_roles][value=coordinator]").check()
    submit(page, axe, "Opslaan")
    assert "De uitnodiging is verstuurd" in page.content()
    sign_out(page)

    [mail] = smtp.messages
    assert mail["to"] == ["nina@vt.example"] and "Nina" not in mail["body"]
    path = re.search(r"http://\S+?(/inloggen/uitnodiging/\S+/)", mail["body"]).group(1)
    page.goto(live_server.url + path)
    axe.check(page)
    secret = page.locator("#geheim").inner_text().strip()
    page.get_by_label("Kies een wachtwoord").fill("Nina-wachtwoord-2026")
    page.get_by_label("Typ het wachtwoord nog een keer").fill("Nina-wachtwoord-2026")
    page.get_by_label("Code uit de app (6 cijfers)").fill(code_now(secret))
    submit(page, axe, "Wachtwoord en app instellen")
    assert len(page.locator("#herstelcodes li").all_inner_texts()) == 10
    page.get_by_role("link", name="Ik heb mijn herstelcodes bewaard, verder").click()
    page.wait_for_load_state()
    page.get_by_label("Gebruikersnaam").fill("nina")
    page.get_by_label("Wachtwoord").fill("Nina-wachtwoord-2026")
    page.get_by_role("button", name="Inloggen").click()
    page.wait_for_load_state()
    page.get_by_label("Code uit uw authenticator-app").fill(code_now(secret, 1))  # the next code: one use each
    submit(page, axe, "Controleren")
    assert page.get_by_role("heading", name="Mijn gezinnen").count() >= 1  # as behavioural scientist
    visit(page, axe, re.compile("wisselen"))
    submit(page, axe, re.compile("Werken als coördinator"))
    assert page.get_by_role("heading", name="Mijn werk").count() == 1  # as coordinator
    sign_out(page)

    log_in(page, live_server, axe, "ben", password)
    visit(page, axe, "Mensen en rollen")
    visit(page, axe, re.compile("Bekijken.*Nina Dekker"))
    page.get_by_label("Waarom moet de tweede stap opnieuw?").fill("Telefoon kwijt")
    submit(page, axe, "Herstelling aanvragen")
    assert "Een tweede persoon" in page.content()
    assert AuthenticatorDevice.objects.filter(user__username="nina").exists()  # waits for the second person
    sign_out(page)
    log_in(page, live_server, axe, "bea", password)
    visit(page, axe, re.compile("Bekijk en bevestig"))
    submit(page, axe, re.compile("Bevestigen.*Nina Dekker"))
    assert FactorReset.objects.get().status == "done"
    assert not AuthenticatorDevice.objects.filter(user__username="nina").exists()


def csv_text(rows) -> str:
    return "\n".join(";".join(r) for r in [HEADER, *rows]) + "\n"


def test_a_coordinator_imports_downloads_and_cannot_approve_own_submission(page, live_server, axe, actors, site,
                                                                            family, password, tmp_path):
    bad = tmp_path / "tuin.csv"
    bad.write_text(csv_text([ROWS[0], [*ROWS[1][:2], "31-02-2025", *ROWS[1][3:]]]), encoding="utf-8")
    log_in(page, live_server, axe, "fleur", password)
    visit(page, axe, "Imports en downloads")
    visit(page, axe, "Gegevens importeren")
    page.get_by_label("Bestand").set_input_files(str(bad))
    submit(page, axe, "Controleren en importeren")
    assert "rij 3, kolom datum_aanmelding" in page.locator("#problemen").inner_text()
    good = tmp_path / "tuin-goed.csv"
    good.write_text(csv_text(ROWS), encoding="utf-8")
    visit(page, axe, "importeer het opnieuw")
    page.get_by_label("Bestand").set_input_files(str(good))
    submit(page, axe, "Controleren en importeren")
    page.wait_for_selector("#taak[data-busy=nee]")
    assert page.locator("#taak-status").inner_text() == "Klaar"
    assert Household.objects.filter(ref__in=["G-001", "G-002"]).count() == 2

    visit(page, axe, "Terug naar imports en downloads")
    visit(page, axe, "Kwartaalmonitor downloaden")
    page.get_by_label("Monitor van").select_option(value="toekomsttuin:HLV")
    page.get_by_label("Kwartaal").select_option(value="2025-Q1")
    submit(page, axe, "Bestand maken")
    with page.expect_download() as download:
        page.get_by_role("button", name=re.compile("Download monitor-HLV-2025-Q1.xlsx")).click()
    assert download.value.suggested_filename == "monitor-HLV-2025-Q1.xlsx"
    assert open(download.value.path(), "rb").read(2) == b"PK"

    site.monitor_filler = "coordinator"
    site.save()
    page.goto(live_server.url + "/monitor/toekomsttuin/HLV/2025-Q1/")
    axe.check(page)
    submit(page, axe, "Kwartaal indienen bij de regio")
    visit(page, axe, "Cijfers bekijken en goedkeuren")
    page.get_by_label(re.compile("Ik heb de cijfers")).check()
    submit(page, axe, "Kwartaal goedkeuren en vastzetten")
    assert "U heeft dit kwartaal zelf ingediend" in page.content()
    assert QuarterClosure.objects.get(site=site, quarter="2025-Q1").status == "submitted"
