"""What the resident changes: their own view (shown beside the entry, also to professionals), a correction
request and its answer, withdrawing a consent (access cut at once), and downloading their data."""
import datetime as dt
import json

import pytest
from django.urls import reverse

from tandem.accounts.testing import TwoFactorClient as Client  # signs in with both factors
from tandem.audit.models import AuditEvent
from tandem.cases.selectors import access_for
from tandem.core.exceptions import RuleViolation
from tandem.portal.models import CorrectionRequest, ResidentView
from tandem.portal.services import resident_consent_withdraw, resident_view_add

from .helpers import WITHHELD_REASON, WITHHELD_TEXT

pytestmark = pytest.mark.django_db


def _professional(username, password):
    client = Client()
    client.login(username=username, password=password)
    return client


def test_own_view_is_kept_beside_the_entry_and_shown_to_professionals(resident, entries, family, password):
    entry = entries["visible"]
    url = reverse("portal:entry", args=[entry.pk])
    response = resident.post(url, {"soort": "kijk", "kijk-text": "Het is niet rustiger, wel minder ruzie."})
    assert response.status_code == 302
    entry.refresh_from_db()
    assert entry.text == "Huisbezoek: Fatima vertelt dat het rustiger is thuis."  # never edited
    assert "wel minder ruzie" in resident.get(url).content.decode()
    html = _professional("anna", password).get(reverse("cases:household", args=[family.household_id])).content
    assert "Hoe het gezin het ziet" in html.decode() and "wel minder ruzie" in html.decode()
    event = AuditEvent.objects.filter(action="portal_view_add").get()
    assert event.actor_role == "inwoner" and event.household_id == family.household_id


def test_empty_view_is_refused_on_the_page(resident, entries):
    response = resident.post(reverse("portal:entry", args=[entries["visible"].pk]), {"soort": "kijk", "kijk-text": " "})
    assert response.status_code == 200 and not ResidentView.objects.exists()


def test_no_view_on_a_withheld_entry(resident, mother, entries):
    url = reverse("portal:entry", args=[entries["withheld"].pk])
    assert resident.post(url, {"soort": "kijk", "kijk-text": "x"}).status_code == 404
    with pytest.raises(RuleViolation):
        resident_view_add(member=mother, journal_entry=entries["withheld"], text="x")
    assert not ResidentView.objects.exists()


def test_no_view_on_another_households_entry(mother, other_entry):
    with pytest.raises(RuleViolation):
        resident_view_add(member=mother, journal_entry=other_entry, text="x")


def test_own_view_on_a_plan_version(resident, plan_version):
    url = reverse("portal:plan_version_respond", args=[plan_version.pk])
    assert resident.post(url, {"soort": "kijk", "kijk-text": "Ik geef een 7 omdat oma dichtbij woont."}).status_code == 302
    assert ResidentView.objects.get().plan_version == plan_version
    assert "omdat oma dichtbij woont" in resident.get("/mijn/veiligheidsplan/").content.decode()


def test_correction_request_is_answered_by_the_consultant(resident, entries, family, password):
    url = reverse("portal:entry", args=[entries["visible"].pk])
    resident.post(url, {"soort": "verbetering", "verbetering-text": "Ik zei dat het iets rustiger is."})
    correction = CorrectionRequest.objects.get()
    assert correction.status == "open" and correction.journal_entry == entries["visible"]
    anna = _professional("anna", password)
    household = anna.get(reverse("cases:household", args=[family.household_id])).content.decode()
    assert "Verzoek om verbetering" in household and "iets rustiger" in household
    handle = reverse("portal:correction_handle", args=[correction.pk])
    assert _professional("dirk", password).post(handle, {"response": "x"}).status_code == 404
    assert anna.post(handle, {"response": "Ik heb een nieuwe notitie geschreven."}).status_code == 302
    correction.refresh_from_db()
    assert correction.status == "handled"
    assert "nieuwe notitie geschreven" in resident.get("/mijn/verzoeken/").content.decode()


def test_withdrawing_consent_cuts_the_partners_access_at_once(resident, partner_with_consent, family, actors):
    partner = actors["partner"]
    assert access_for(partner, family).identifying
    url = reverse("portal:consent_withdraw", args=[partner_with_consent.pk])
    confirm = resident.post(url)  # first: what withdrawing means, nothing changed yet
    assert "Ja, trek mijn toestemming in" in confirm.content.decode()
    assert access_for(partner, family).identifying
    assert resident.post(url, {"bevestig": "ja"}).status_code == 302
    partner_with_consent.refresh_from_db()
    assert partner_with_consent.withdrawn_on == dt.date.today()
    assert not access_for(partner, family).identifying
    event = AuditEvent.objects.get(action="portal_consent_withdraw")
    assert event.actor_role == "inwoner" and event.detail["organisation"] == "VT-GV"
    assert "Ingetrokken op" in resident.get("/mijn/toestemming/").content.decode()


def test_consent_of_another_household_cannot_be_withdrawn(mother, other_family, orgs):
    from tandem.cases import services

    karin = other_family.household.members.get()
    consent = services.consent_record(actor=None, trajectory=other_family, organisation=orgs["vt"], given_by=karin,
                                      purpose="x", given_on=other_family.registered_on)
    with pytest.raises(RuleViolation):
        resident_consent_withdraw(member=mother, consent=consent)
    consent.refresh_from_db()
    assert consent.withdrawn_on is None


def test_download_holds_own_data_and_nothing_withheld(resident, mother, entries, plan_version, partner_with_consent,
                                                      other_entry):
    response = resident.get("/mijn/mijn-gegevens.json")
    assert response["Content-Disposition"].startswith("attachment;")
    raw = response.content.decode()
    data = json.loads(raw)
    assert data["ik"]["naam"] == "Fatima el Amrani"
    assert [e["tekst"] for e in data["journaal"]] == ["Huisbezoek: Fatima vertelt dat het rustiger is thuis."]
    assert data["niet_te_lezen"] == [{"reden": WITHHELD_REASON, "aantal": 1}]
    assert data["veiligheidsplan"][0]["situaties"][0]["in_woorden_gezin"] == "Als er ruzie is, is Daan bang."
    assert data["mijn_toestemmingen"][0]["aan"] == "Veilig Thuis Gooi en Vechtstreek"
    assert WITHHELD_TEXT not in raw and "Geheim van een ander gezin" not in raw and "Karin" not in raw
    assert "111222333" not in raw  # another member's BSN is not theirs to download


def test_household_page_stays_cheap_with_resident_views(resident, entries, family, mother, actors, password,
                                                        django_assert_max_num_queries):
    """The include on the household page reads prefetched views: the number of queries does not grow per entry."""
    from tandem.cases import services

    anna = _professional("anna", password)
    url = reverse("cases:household", args=[family.household_id])
    resident_view_add(member=mother, journal_entry=entries["visible"], text="Mijn kijk.")
    with django_assert_max_num_queries(200) as few:
        anna.get(url)
    for n in range(5):
        entry = services.journal_entry_add(actor=actors["consulent"], trajectory=family, kind="contact_note",
                                           nature="fact", source="telefoon", text=f"Notitie {n}")
        resident_view_add(member=mother, journal_entry=entry, text=f"Kijk {n}")
    with django_assert_max_num_queries(len(few.captured_queries)):
        anna.get(url)


def test_the_plan_page_shows_the_residents_view_to_professionals(client, mother, plan_version, actors):
    resident_view_add(member=mother, plan_version=plan_version, text="Ik zie het anders.")
    client.force_login(actors["consulent"])
    html = client.get(reverse("safetyplan:plan", args=[plan_version.plan.trajectory_id])).content.decode()
    assert "Ik zie het anders." in html and "Fatima el Amrani (alleen voor de hulpverleners)" in html


def test_correction_of_a_plan_version_is_answered(resident, plan_version, password):
    url = reverse("portal:plan_version_respond", args=[plan_version.pk])
    resident.post(url, {"soort": "verbetering", "verbetering-text": "Oma heet Truus, niet Trudy."})
    correction = CorrectionRequest.objects.get()
    anna = _professional("anna", password)
    handle = reverse("portal:correction_handle", args=[correction.pk])
    assert "Over het veiligheidsplan, versie 1" in anna.get(handle).content.decode()
    assert anna.post(handle, {"response": "In de nieuwe versie staat het goed."}).status_code == 302
    assert "In de nieuwe versie staat het goed." in resident.get("/mijn/verzoeken/").content.decode()
