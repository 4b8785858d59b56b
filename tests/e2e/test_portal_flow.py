"""The family in a real browser: a household member signs in with a one-time code, reads the safety plan,
adds their own view to the plan and to a journal entry, sees that something is withheld (not what), withdraws
a consent, and looks at who opened the dossier. axe-core (WCAG 2.1 A/AA) on every portal page visited.

The plan version is made through the safety plan's service (test data); making it in a network meeting on screen
is covered by the safety plan's own end-to-end test."""
import datetime as dt

import pytest
from browser import submit, visit

from tandem.cases import services
from tandem.cases.selectors import access_for
from tandem.portal.models import ResidentView
from tandem.portal.services import portal_invite_create

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def _dossier(family, actors, orgs, mother, plan_for):
    services.team_member_add(actor=None, trajectory=family, professional=actors["partner"],
                             joined_on=dt.date(2025, 2, 1), role_in_team="veiligheid")
    services.consent_record(actor=None, trajectory=family, organisation=orgs["vt"], given_by=mother,
                            purpose="Meedenken over de veiligheid thuis", given_on=dt.date(2025, 2, 3))
    add = services.journal_entry_add
    add(actor=actors["consulent"], trajectory=family, kind="contact_note", nature="observation", source="huisbezoek",
        text="Huisbezoek: Fatima vertelt dat het rustiger is thuis.")
    add(actor=actors["consulent"], trajectory=family, kind="contact_note", nature="fact", source="melder",
        text="Geheime melding van de buren.", withheld_reason="Dit beschermt iemand die iets heeft verteld.")
    plan_for(family)


def sign_in(page, live_server, axe, issued):
    page.goto(live_server.url + "/mijn/inloggen/")
    axe.check(page)
    page.get_by_label("Inlognaam").fill(issued.login_name)
    page.get_by_label("Inlogcode").fill(issued.code)
    submit(page, axe, "Inloggen")
    assert "Welkom, Fatima" in page.content()


def read_the_plan_and_add_a_view(page, axe):
    visit(page, axe, "Veiligheidsplan")
    assert "Als er ruzie is, is Daan bang." in page.content()
    visit(page, axe, "Zeg hoe u het ziet, of vraag om een verbetering")
    page.get_by_label("Uw kijk erop").fill("Ik geef een 7, want oma woont dichtbij.")
    submit(page, axe, "Mijn kijk toevoegen")
    assert "Uw kijk erop is toegevoegd" in page.content()
    assert ResidentView.objects.get().plan_version is not None


def test_family_reads_the_plan_adds_a_view_and_withdraws_consent(page, live_server, axe, actors, orgs, family,
                                                                 mother, plan_for):
    _dossier(family, actors, orgs, mother, plan_for)
    sign_in(page, live_server, axe, portal_invite_create(actor=None, member=mother))
    assert "Voorop fietst Anna de Wit" in page.content()

    read_the_plan_and_add_a_view(page, axe)

    visit(page, axe, "Wat er is vastgelegd")
    html = page.content()
    assert "1 keer iets vastgelegd dat u (nog) niet kunt lezen" in html and "Geheime melding" not in html
    visit(page, axe, "Zeg hoe u het ziet")
    page.get_by_label("Uw kijk erop").fill("Het is niet rustiger, wel minder ruzie.")
    submit(page, axe, "Mijn kijk toevoegen")
    assert ResidentView.objects.filter(journal_entry__isnull=False).count() == 1

    assert access_for(actors["partner"], family).identifying
    visit(page, axe, "Toestemmingen")
    submit(page, axe, "Intrekken")
    submit(page, axe, "Ja, trek mijn toestemming in")
    assert "is ingetrokken" in page.content()
    assert not access_for(actors["partner"], family).identifying

    for link in ("Wie keek er", "Uitleg en rechten", "Ons team"):
        visit(page, axe, link)
    visit(page, axe, "Uw verzoeken om verbetering")
    submit(page, axe, "Uitloggen")
    assert "Inloggen op uw gezinsdossier" in page.content()
    assert len(axe.checked) >= 14


def test_wrong_code_page_passes_axe(page, live_server, axe, mother):
    issued = portal_invite_create(actor=None, member=mother)
    page.goto(live_server.url + "/mijn/inloggen/")
    page.get_by_label("Inlognaam").fill(issued.login_name)
    page.get_by_label("Inlogcode").fill("AAAA-AAAA")
    submit(page, axe, "Inloggen")
    assert "Inloggen is niet gelukt" in page.content()
