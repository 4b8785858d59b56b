"""What the resident reads: only their own household; withheld entries never shown, but announced with their
reason; the team and who rides in front; the plan; who opened the dossier. Every read is logged."""
import pytest
from django.urls import reverse

from tandem.audit.models import AuditEvent
from tandem.portal.selectors import RESIDENT_ROLE

from .helpers import WITHHELD_REASON, WITHHELD_TEXT

pytestmark = pytest.mark.django_db


def test_signed_out_visitor_goes_to_the_login(client, db):
    for url in ("/mijn/", "/mijn/journaal/", "/mijn/toestemming/", "/mijn/wie-keek-er/", "/mijn/mijn-gegevens.json"):
        assert client.get(url)["Location"] == reverse("portal:login")


def test_home_shows_the_team_and_who_rides_in_front(resident, partner_with_consent):
    html = resident.get("/mijn/").content.decode()
    assert "Voorop fietst Anna de Wit" in html
    assert "Bram Visser" in html and "Veilig Thuis Gooi en Vechtstreek" in html and "achterop" in html
    assert "Daan" in html  # their own household's members


def test_journal_shows_visible_entries_and_announces_withheld_ones(resident, entries):
    response = resident.get("/mijn/journaal/")
    html = response.content.decode()
    assert "rustiger is thuis" in html
    assert WITHHELD_TEXT not in html and "Veilig Thuis" not in html  # neither content nor source
    assert "Er is 1 keer iets vastgelegd dat u (nog) niet kunt lezen, met deze reden:" in html
    assert WITHHELD_REASON in html
    assert response["Cache-Control"] == "no-store"


def test_withheld_entry_cannot_be_opened(resident, entries):
    assert resident.get(reverse("portal:entry", args=[entries["withheld"].pk])).status_code == 404


def test_another_households_rows_do_not_exist(resident, entries, other_entry, other_family, actors):
    from tandem.cases import services

    assert resident.get(reverse("portal:entry", args=[other_entry.pk])).status_code == 404
    html = resident.get("/mijn/journaal/").content.decode()
    assert "Geheim van een ander gezin" not in html and "Karin" not in resident.get("/mijn/").content.decode()
    karin = other_family.household.members.get()
    consent = services.consent_record(actor=None, trajectory=other_family, organisation=actors["partner"].organisation,
                                      given_by=karin, purpose="x", given_on=other_family.registered_on)
    assert resident.post(reverse("portal:consent_withdraw", args=[consent.pk]), {"bevestig": "ja"}).status_code == 404
    consent.refresh_from_db()
    assert consent.withdrawn_on is None


def test_another_households_plan_is_not_found(resident, other_family, plan_for):
    version = plan_for(other_family)
    assert resident.get(reverse("portal:plan_version", args=[version.pk])).status_code == 404
    assert resident.get(reverse("portal:plan_version_respond", args=[version.pk])).status_code == 404
    assert "ruzie" not in resident.get("/mijn/veiligheidsplan/").content.decode()


def test_plan_page_shows_the_current_version_and_scores_side_by_side(resident, plan_version):
    html = resident.get("/mijn/veiligheidsplan/").content.decode()
    assert "Als er ruzie is, is Daan bang." in html
    assert "Daan is veilig als er ruzie is." in html and "Belt oma als het misgaat" in html
    assert ">7<" in html and ">3<" in html  # each score shown, not averaged
    assert "Directe veiligheid" in html


def test_access_log_lists_the_professionals_view(resident, client, actors, family, password):
    from tandem.accounts.testing import TwoFactorClient as Client  # signs in with both factors

    anna = Client()
    anna.login(username="anna", password=password)
    anna.get(reverse("cases:household", args=[family.household_id]))
    html = resident.get("/mijn/wie-keek-er/").content.decode()
    assert "Anna de Wit" in html and "heeft uw dossier bekeken" in html and "Gemeente Hilversum" in html
    assert "consulent" in html
    assert "Fatima" not in html.split("<table")[1]  # own reads only when asked for
    assert "Fatima" in resident.get("/mijn/wie-keek-er/?ook-gezin=1").content.decode().split("<table")[1]


def test_every_portal_read_is_logged_as_the_resident(resident, mother, entries, plan_version):
    before = AuditEvent.objects.count()
    for url in ("/mijn/", "/mijn/journaal/", "/mijn/veiligheidsplan/", "/mijn/toestemming/", "/mijn/uitleg/",
                "/mijn/verzoeken/", "/mijn/wie-keek-er/", reverse("portal:entry", args=[entries["visible"].pk])):
        assert resident.get(url).status_code == 200, url
    events = list(AuditEvent.objects.order_by("id")[before:])
    assert len(events) == 8
    assert all(e.actor_role == RESIDENT_ROLE and e.household_id == mother.household_id for e in events)
    assert all("Fatima" not in e.actor_name for e in events)  # the log stores no names of the dossier


def test_a_refused_request_gets_its_own_log_action(resident, mother, other_entry):
    """Asking for another household's note is refused with the same 404, and logged as such."""
    assert resident.get(reverse("portal:entry", args=[other_entry.pk])).status_code == 404
    event = AuditEvent.objects.filter(action="portal_access_denied").get()
    assert event.household_id == mother.household_id and event.detail["page"] == "entry"
    assert event.actor_role == RESIDENT_ROLE and set(event.detail) == {"member", "page"}


def test_the_download_gets_its_own_log_action(resident, mother):
    assert resident.get(reverse("portal:download")).status_code == 200
    event = AuditEvent.objects.order_by("id").last()
    assert event.action == "portal_download" and event.household_id == mother.household_id
