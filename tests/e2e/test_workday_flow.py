"""A working day in Tandem, in a real browser (issue "Tandem 6"), axe-core (WCAG 2.1 A/AA) on every page, one
browser context per person: the consultant finds the family by search and a filter and asks Veilig Thuis to join;
a Veilig Thuis worker accepts from the work list and appears on the tandem; the mother withdraws a consent in the
family's dossier, which shows on the consultant's work list while an e-mail without personal data reaches a real
SMTP server on localhost; a measure ending within the region's window shows on the work list too."""
import datetime as dt
import time

import pytest
from browser import choose, log_in, submit, visit
from django.utils import timezone

from tandem.cases import services
from tandem.cases.models import JoinRequest
from tandem.portal.services import portal_invite_create

from notifications.conftest import smtp  # noqa: F401  (the real SMTP server on localhost, as a fixture)

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]
TODAY = timezone.localdate()


@pytest.fixture
def day(actors, family, mother, child, orgs, site):
    """The family has a green episode of the GI on the mother's consent and an OTS for Daan ending in ten days;
    another family at the site has the same kind of start. Anna wants notifications by e-mail."""
    services.consent_record(actor=None, trajectory=family, organisation=orgs["gi"], given_by=mother,
                            purpose="begeleiding", given_on=dt.date(2025, 2, 1))
    services.involvement_start(actor=None, trajectory=family, organisation=orgs["gi"], form="green",
                               start=dt.date(2025, 2, 1))
    services.measure_record(actor=None, trajectory=family, type="ots", on=TODAY - dt.timedelta(days=300),
                            ends_on=TODAY + dt.timedelta(days=10), subject=child)
    services.household_register(actor=actors["consulent"], site=site, registered_on=dt.date(2025, 3, 1),
                                measure_considered=False, members=[services.MemberData(
                                    given_names="Kees", family_name="Jansen", birth_date=dt.date(1970, 1, 1))])
    anna = actors["consulent"]
    anna.email, anna.notify_by_email = "anna@gemeente.example", True
    anna.save()
    return family


def find_the_family(page, axe, live_server):
    page.goto(live_server.url + "/gezinnen/")
    axe.check(page)
    page.get_by_label("Zoeken", exact=True).fill("amrani")
    choose(page, "Fase", "Aangemeld")
    submit(page, axe, "Zoeken")
    assert "1 van de 2 gezinnen gevonden" in page.inner_text("main")
    assert "Jansen" not in page.inner_text("main")
    assert "amrani" not in page.url.lower()  # the search text stays out of the URL
    visit(page, axe, "Gezin el Amrani / de Vries")


def ask_veilig_thuis(page, axe):
    visit(page, axe, "Een partner vragen aan te sluiten")
    choose(page, "Welke organisatie vraagt u?", "Veilig Thuis")
    page.get_by_label("Waarvoor vraagt u hen?").fill("Meedenken over de veiligheid thuis")
    page.get_by_label("Advies en/of consult").check()
    submit(page, axe, "Verzoek versturen")
    assert "Uw verzoek is verstuurd" in page.inner_text("main")


def worker_accepts(page, axe, live_server):
    page.goto(live_server.url + "/werk/")
    axe.check(page)
    assert "Verzoeken om aan te sluiten" in page.inner_text("main")
    assert "Amrani" not in page.content() and "Fatima" not in page.content()
    visit(page, axe, "Doen")
    assert "Toekomsttuin Hilversum" in page.inner_text("main") and "Fatima" not in page.content()
    submit(page, axe, "Aannemen")
    assert "Aangenomen" in page.inner_text("main")


def mother_withdraws(page, axe, live_server, mother):
    issued = portal_invite_create(actor=None, member=mother)
    page.goto(live_server.url + "/mijn/inloggen/")
    page.get_by_label("Inlognaam").fill(issued.login_name)
    page.get_by_label("Inlogcode").fill(issued.code)
    submit(page, axe, "Inloggen")
    visit(page, axe, "Toestemmingen")
    submit(page, axe, "Intrekken")
    submit(page, axe, "Ja, trek mijn toestemming in")


def wait_for(inbox, count, seconds=10):
    deadline = time.monotonic() + seconds
    while len(inbox.messages) < count and time.monotonic() < deadline:
        time.sleep(0.1)
    return inbox.messages


def test_a_working_day(browser, live_server, axe, actors, day, mother, password, smtp):
    anna, bram, fatima = (browser.new_context(locale="nl-NL").new_page() for _ in range(3))
    log_in(anna, live_server, axe, "anna", password)
    find_the_family(anna, axe, live_server)
    ask_veilig_thuis(anna, axe)

    log_in(bram, live_server, axe, "bram", password)
    worker_accepts(bram, axe, live_server)
    assert JoinRequest.objects.get().joined == actors["partner"]

    anna.goto(f"{live_server.url}/gezinnen/{day.household_id}/")
    axe.check(anna)
    team = anna.get_by_role("region", name="Team rond het gezin (tabel)").locator("table").inner_text()
    assert "Bram Visser" in team and "Veilig Thuis" in team
    assert "Aangenomen op" in anna.inner_text("main")

    mother_withdraws(fatima, axe, live_server, mother)
    visit(anna, axe, "Mijn werk")
    work = anna.inner_text("main")
    assert "Toestemming ingetrokken: besluit nodig" in work and "De Jeugd- en Gezinsbeschermers" in work
    assert "Maatregelen die bijna aflopen" in work and "loopt af op" in work

    # Two e-mails for Anna: Veilig Thuis answered her request, and a consent was withdrawn.
    messages = wait_for(smtp, 2)
    assert [m["to"] for m in messages] == [["anna@gemeente.example"]] * 2
    assert any("een gezin heeft een toestemming ingetrokken" in m["body"] for m in messages)
    for message in messages:
        raw = message["raw"].decode("utf-8", errors="replace")
        for secret in ("Fatima", "Amrani", "Daan", "Vries", "111222333", str(day.household_id),
                       day.household.short_code):
            assert secret.lower() not in raw.lower(), secret
        assert "/berichten/" in message["body"]
    assert len(axe.checked) >= 15
