"""Consent is the family's, in a real browser (issue "Tandem 5"): the consultant pulls Veilig Thuis in for an
anonymous consult; the Veilig Thuis worker sees no names and asks the family for consent; the mother says yes
in the family's dossier and the worker sees the names; the consultant starts a green involvement; the mother
withdraws her consent, the worker is anonymous again, and the consultant finds the involvement waiting for a
decision and ends it. axe-core (WCAG 2.1 A/AA) on every page the three of them see."""
import pytest
from browser import choose, log_in, submit, visit

from django.utils import timezone

from tandem.cases.models import Consent, Involvement
from tandem.portal.services import portal_invite_create

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]
TODAY = timezone.localdate().isoformat()


def open_family(page, axe, live_server, family, expected_heading):
    page.goto(f"{live_server.url}/gezinnen/{family.household_id}/")
    axe.check(page)
    assert expected_heading in page.content()


def consultant_pulls_vt_in_anonymously(page, axe, live_server, family):
    open_family(page, axe, live_server, family, "Gezin el Amrani / de Vries")
    visit(page, axe, "Iemand aan het team toevoegen")
    choose(page, "Medewerker", "Bram Visser")
    page.get_by_label("Erbij vanaf").fill("2025-02-01")
    submit(page, axe, "Opslaan")
    visit(page, axe, "Betrokkenheid starten")
    choose(page, "Organisatie", "Veilig Thuis")
    page.get_by_label("Advies en/of consult").check()
    page.get_by_label("Begin").fill("2025-02-01")
    page.get_by_label("Anoniem (het gezin wordt niet genoemd)").check()
    submit(page, axe, "Opslaan")
    assert "De betrokkenheid is vastgelegd." in page.content()


def worker_asks_for_consent(page, axe, live_server, family):
    open_family(page, axe, live_server, family, "Anoniem gezin")
    html = page.content()
    assert "Fatima" not in html and "Amrani" not in html and "Daan" not in html
    assert "Toestemming vastleggen" not in html  # consent is the family's
    visit(page, axe, "Toestemming vragen aan het gezin")
    page.get_by_label("Waarvoor vraagt u toestemming?").fill("Om samen te kijken wat er nodig is voor de veiligheid")
    submit(page, axe, "Toestemming vragen")
    assert "Uw vraag om toestemming staat klaar" in page.content()


def mother_says_yes(page, axe, live_server, mother):
    issued = portal_invite_create(actor=None, member=mother)
    page.goto(live_server.url + "/mijn/inloggen/")
    axe.check(page)
    page.get_by_label("Inlognaam").fill(issued.login_name)
    page.get_by_label("Inlogcode").fill(issued.code)
    submit(page, axe, "Inloggen")
    visit(page, axe, "Toestemmingen")
    assert "Veilig Thuis Gooi en Vechtstreek vraagt toestemming" in page.inner_text("main")
    submit(page, axe, "Ja, ik geef toestemming")
    assert "U gaf toestemming aan Veilig Thuis" in page.inner_text("main")


def test_anonymous_consult_consent_named_partner_and_withdrawal(browser, live_server, axe, actors, family, mother,
                                                               password):
    anna, bram, fatima = (browser.new_context(locale="nl-NL").new_page() for _ in range(3))
    log_in(anna, live_server, axe, "anna", password)
    consultant_pulls_vt_in_anonymously(anna, axe, live_server, family)

    log_in(bram, live_server, axe, "bram", password)
    worker_asks_for_consent(bram, axe, live_server, family)

    mother_says_yes(fatima, axe, live_server, mother)
    assert Consent.objects.get().how == "portal"
    open_family(bram, axe, live_server, family, "Gezin el Amrani / de Vries")
    assert "Fatima el Amrani" in bram.content()

    # With the consent the consultant starts a green involvement of Veilig Thuis.
    open_family(anna, axe, live_server, family, "Gezin el Amrani / de Vries")
    visit(anna, axe, "Betrokkenheid starten")
    choose(anna, "Organisatie", "Veilig Thuis")
    anna.get_by_label("Groen (met toestemming)").check()
    anna.get_by_label("Begin").fill(TODAY)
    submit(anna, axe, "Opslaan")

    # The mother withdraws; the worker is anonymous again at once.
    visit(fatima, axe, "Toestemmingen")
    submit(fatima, axe, "Intrekken")
    submit(fatima, axe, "Ja, trek mijn toestemming in")
    open_family(bram, axe, live_server, family, "Anoniem gezin")
    assert "Fatima" not in bram.content()

    # The consultant sees the involvement waiting for her decision, and ends it.
    open_family(anna, axe, live_server, family, "Gezin el Amrani / de Vries")
    assert "Toestemming ingetrokken." in anna.content()
    visit(anna, axe, "besluit vastleggen")
    anna.get_by_label("Beëindigen: de organisatie stopt").check()
    anna.get_by_label("Einddatum (bij beëindigen)").fill(TODAY)
    submit(anna, axe, "Besluit vastleggen")
    green = Involvement.objects.get(form="green")
    assert green.end is not None and green.decided_on is not None
    assert "Toestemming ingetrokken." not in anna.content()
    assert len(axe.checked) >= 20
