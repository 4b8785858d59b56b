"""Experts by experience in a real browser (issue "Tandem 10"), axe-core (WCAG 2.1 A/AA) on every page: the
consultant asks for an expert with profile LVB; the pool coordinator sees only the matching, available expert and
proposes him; he accepts; after the family's consent he is on the tandem; he counts a contact; the mother answers
question K in the portal, and the site's monitor for the quarter shows the answer without a name."""
import datetime as dt

import pytest
from browser import log_in, submit, visit
from django.utils import timezone

from tandem.cases import services as dossier
from tandem.experts import services
from tandem.monitor.rules import quarter_of
from tandem.portal.services import portal_invite_create

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]
TODAY = timezone.localdate()


def make_user(username, first, last, organisation, role):
    from tandem.organisations.models import User

    return User.objects.create_user(username=username, password="Tandem-test-2024!", first_name=first,
                                    last_name=last, organisation=organisation, role=role)


@pytest.fixture
def pool(orgs, actors, region, site, other_site):
    petra = make_user("petra", "Petra", "Koster", orgs["ed"], "poolcoordinator")
    lvb, parent = (services.profile_add(actor=None, region=region, name=n) for n in ("LVB", "Ouder"))
    services.expert_add(actor=None, organisation=orgs["ed"], user=actors["expert"], pool="core", profiles=[lvb],
                        sites=[site])
    ilse = make_user("ilse", "Ilse", "Dekker", orgs["ed"], "ervaringsdeskundige")
    services.expert_add(actor=None, organisation=orgs["ed"], user=ilse, pool="flex", profiles=[parent],
                        sites=[site])
    ruben = make_user("ruben", "Ruben", "Claes", orgs["ed"], "ervaringsdeskundige")
    services.expert_add(actor=None, organisation=orgs["ed"], user=ruben, pool="flex", profiles=[lvb],
                        sites=[site], available=False)
    return petra


def test_an_expert_is_called_up_counted_and_heard(browser, live_server, axe, actors, family, mother, orgs, pool,
                                                  password, site):
    anna, petra, gijs, fatima, fleur = (browser.new_context(locale="nl-NL").new_page() for _ in range(5))
    log_in(anna, live_server, axe, "anna", password)
    anna.goto(f"{live_server.url}/gezinnen/{family.household_id}/")
    axe.check(anna)
    visit(anna, axe, "Ervaringsdeskundige vragen")
    anna.get_by_label("LVB").check()
    anna.get_by_label("Een netwerkberaad").check()
    anna.get_by_label("Vanaf wanneer?").fill((TODAY + dt.timedelta(days=7)).isoformat())
    submit(anna, axe, "Vraag versturen")
    assert "Uw vraag is naar de pool" in anna.inner_text("main")

    log_in(petra, live_server, axe, "petra", password)
    petra.goto(live_server.url + "/werk/")
    axe.check(petra)
    assert "Ervaringsdeskundigen: vragen en voorstellen" in petra.inner_text("main")
    visit(petra, axe, "Doen")
    proposal = petra.inner_text("main")
    assert "Gijs Mulder" in proposal
    assert "Ilse Dekker" not in proposal and "Ruben Claes" not in proposal  # other profile; not available
    assert "Amrani" not in petra.content() and "Fatima" not in petra.content()
    petra.get_by_label("Gijs Mulder").check()
    submit(petra, axe, "Voorstellen")

    log_in(gijs, live_server, axe, "gijs", password)
    gijs.goto(live_server.url + "/werk/")
    visit(gijs, axe, "Doen")
    submit(gijs, axe, "Aannemen")
    assert "wacht op toestemming" in gijs.inner_text("#stand")

    dossier.consent_record(actor=actors["consulent"], trajectory=family, organisation=orgs["ed"], given_by=mother,
                           purpose="Een ervaringsdeskundige in het team", given_on=TODAY, how="conversation")
    anna.goto(live_server.url + "/werk/")
    axe.check(anna)
    visit(anna, axe, "Doen")
    submit(anna, axe, "In het team zetten")
    anna.goto(f"{live_server.url}/gezinnen/{family.household_id}/")
    team = anna.get_by_role("region", name="Team rond het gezin (tabel)").locator("table").inner_text()
    assert "Gijs Mulder" in team and "Samenkracht!" in team

    gijs.goto(live_server.url + "/ervaringsdeskundigen/mijn-inzet/")
    axe.check(gijs)
    visit(gijs, axe, "contact tellen")
    gijs.get_by_label("Huisbezoek").check()
    gijs.get_by_label("Duur in minuten (alle contacten samen)").fill("75")
    submit(gijs, axe, "Tellen")
    assert "Het contact is geteld" in gijs.inner_text("main")

    issued = portal_invite_create(actor=None, member=mother)
    fatima.goto(live_server.url + "/mijn/inloggen/")
    fatima.get_by_label("Inlognaam").fill(issued.login_name)
    fatima.get_by_label("Inlogcode").fill(issued.code)
    submit(fatima, axe, "Inloggen")
    visit(fatima, axe, "Uw ervaring")
    visit(fatima, axe, "vertel hoe het was")
    fatima.get_by_label("Wat betekende het contact met de ervaringsdeskundige voor u?").fill(
        "Ik, Fatima el Amrani, voelde me voor het eerst echt begrepen.")
    submit(fatima, axe, "Versturen")
    assert "Dank u wel" in fatima.inner_text("main")

    log_in(fleur, live_server, axe, "fleur", password)
    fleur.goto(f"{live_server.url}/monitor/toekomsttuin/{site.code}/{quarter_of(TODAY).label}/")
    axe.check(fleur)
    monitor = fleur.inner_text("main")
    assert "voor het eerst echt begrepen" in monitor
    assert "Fatima" not in monitor and "Amrani" not in monitor
    assert len(axe.checked) >= 15
