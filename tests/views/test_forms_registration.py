"""Registering, adding members, triage, closing and registering again through the web forms."""
import datetime as dt

import pytest
from django.urls import reverse

from tandem.cases import services
from tandem.cases.models import Household, Member, Trajectory, TriageDecision

REGISTER = reverse("cases:household_register")
STALE = "Iemand anders heeft dit dossier intussen gewijzigd"


def register_data(**overrides):
    data = {"registered_on": "2025-03-01", "measure_considered": "nee", "reason": "Zorgen om de kinderen",
            "leden-TOTAL_FORMS": "6", "leden-INITIAL_FORMS": "0", "leden-MIN_NUM_FORMS": "1",
            "leden-MAX_NUM_FORMS": "6",
            "leden-0-given_names": "Sanne", "leden-0-family_name": "Bakker", "leden-0-birth_date": "1990-04-04",
            "leden-1-given_names": "Mila", "leden-1-family_name": "Bakker", "leden-1-minor": "ja"}
    data.update(overrides)
    return data


def test_register_form_shows_six_member_rows(client, actors):
    client.force_login(actors["consulent"])
    html = client.get(REGISTER + "?stap=2").content.decode()
    assert 'name="leden-5-given_names"' in html and 'name="leden-6-given_names"' not in html
    assert 'type="date"' in html
    assert '<label for="id_leden-0-bsn">' in html


def test_consultant_registers_a_household(client, actors, site):
    client.force_login(actors["consulent"])
    response = client.post(REGISTER, register_data(), follow=True)
    household = Household.objects.get()
    assert response.redirect_chain[-1][0] == reverse("cases:household", args=[household.pk])
    assert sorted(household.members.values_list("given_names", flat=True)) == ["Mila", "Sanne"]
    assert household.site == site
    assert "Het gezin is aangemeld." in response.content.decode()
    trajectory = household.trajectories.get()
    assert trajectory.lead_periods.get().professional == actors["consulent"]


def test_register_needs_a_household_member(client, actors):
    client.force_login(actors["consulent"])
    data = register_data(**{"leden-0-is_network": "on", "leden-1-given_names": "", "leden-1-family_name": "",
                            "leden-1-minor": ""})
    html = client.post(REGISTER, data).content.decode()
    assert "Vul ten minste één gezinslid in" in html
    assert not Household.objects.exists()


def test_register_refusal_shows_dutch_message_and_saves_nothing(client, actors):
    client.force_login(actors["consulent"])
    future = (dt.date.today() + dt.timedelta(days=10)).isoformat()
    html = client.post(REGISTER, register_data(registered_on=future)).content.decode()
    assert "ligt in de toekomst" in html
    assert 'class="error-summary"' in html
    assert not Household.objects.exists() and not Member.objects.exists()


def test_register_bsn_failing_elfproef_is_refused(client, actors):
    client.force_login(actors["consulent"])
    html = client.post(REGISTER, register_data(**{"leden-0-bsn": "123456789"})).content.decode()
    assert "elfproef" in html
    assert not Household.objects.exists()


def test_register_bsn_shape_is_checked_at_the_field(client, actors):
    client.force_login(actors["consulent"])
    html = client.post(REGISTER, register_data(**{"leden-0-bsn": "12ab"})).content.decode()
    assert 'href="#id_leden-0-bsn"' in html
    assert "Een BSN bestaat uit 9 cijfers" in html
    assert not Household.objects.exists()


@pytest.mark.parametrize("who", ["partner", "coordinator", "expert"])
def test_only_local_team_registers(client, actors, who):
    client.force_login(actors[who])
    assert client.get(REGISTER).status_code == 403
    assert client.post(REGISTER, register_data()).status_code == 403
    assert not Household.objects.exists()


def test_member_add(client, actors, family):
    client.force_login(actors["consulent"])
    url = reverse("cases:member_add", args=[family.household_id])
    data = {"expected_version": family.version, "given_names": "Oma", "family_name": "Amrani",
            "birth_date": "1950-01-01", "is_network": "on", "relation": "oma"}
    response = client.post(url, data)
    assert response.status_code == 302
    assert family.household.members.filter(given_names="Oma", is_network=True).exists()


def test_member_add_with_stale_version_is_refused(client, actors, family):
    client.force_login(actors["consulent"])
    url = reverse("cases:member_add", args=[family.household_id])
    old_version = family.version
    services.journal_entry_add(actor=actors["consulent"], trajectory=family, kind="contact_note", nature="fact",
                               source="telefoon", text="Gebeld.")
    data = {"expected_version": old_version, "given_names": "Oma", "family_name": "Amrani",
            "birth_date": "1950-01-01"}
    html = client.post(url, data).content.decode()
    assert STALE in html
    assert not family.household.members.filter(given_names="Oma").exists()


def test_member_add_as_anonymous_partner_is_allowed_but_shows_no_names(client, partner_on_team, family):
    client.force_login(partner_on_team)
    html = client.get(reverse("cases:member_add", args=[family.household_id])).content.decode()
    assert "Fatima" not in html


def test_triage_record(client, actors, family):
    client.force_login(actors["consulent"])
    url = reverse("cases:triage_record", args=[family.pk])
    data = {"expected_version": family.version, "kind": "access", "decided_on": "2025-01-20",
            "outcome": "admitted", "participants": "Anna de Wit, Bram Visser"}
    response = client.post(url, data, follow=True)
    assert "Het triagebesluit is vastgelegd." in response.content.decode()
    assert TriageDecision.objects.get().outcome == "admitted"


def test_triage_before_registration_is_refused(client, actors, family):
    client.force_login(actors["consulent"])
    url = reverse("cases:triage_record", args=[family.pk])
    data = {"expected_version": family.version, "kind": "access", "decided_on": "2024-12-01",
            "outcome": "admitted", "participants": "Anna"}
    html = client.post(url, data).content.decode()
    assert "ligt vóór de aanmelding" in html
    assert not TriageDecision.objects.exists()


def test_triage_with_stale_version_is_refused(client, actors, family):
    client.force_login(actors["consulent"])
    url = reverse("cases:triage_record", args=[family.pk])
    data = {"expected_version": family.version - 1 if family.version > 1 else family.version + 5,
            "kind": "access", "decided_on": "2025-01-20", "outcome": "admitted", "participants": "Anna"}
    html = client.post(url, data).content.decode()
    assert STALE in html
    assert not TriageDecision.objects.exists()


def test_triage_form_errors_are_summarised_and_linked(client, actors, family):
    client.force_login(actors["consulent"])
    url = reverse("cases:triage_record", args=[family.pk])
    html = client.post(url, {"expected_version": family.version}).content.decode()
    assert 'class="error-summary"' in html
    assert 'href="#id_decided_on"' in html and 'href="#id_kind_0"' in html
    assert 'aria-invalid="true"' in html


def test_close_and_register_again(client, actors, family):
    client.force_login(actors["consulent"])
    close = reverse("workspace:trajectory_close", args=[family.pk])
    again = reverse("cases:trajectory_register", args=[family.household_id])
    data = {"registered_on": "2025-09-01", "measure_considered": "ja"}
    response = client.post(again, data)  # only once the trajectory is closed (docs/rights.md)
    assert response.status_code == 403 and "afgesloten" in response.content.decode()
    client.post(close, {"expected_version": family.version, "closed_on": "2025-06-01", "end_evaluation": "Rust",
                        "exit_participants": "Anna en het gezin", "confirmed": "on"})
    family.refresh_from_db()
    assert family.closed_on == dt.date(2025, 6, 1)
    assert client.post(again, data).status_code == 302
    assert Trajectory.objects.filter(household=family.household, closed_on__isnull=True).count() == 1


def test_partner_cannot_register_again(client, partner_on_team, family):
    client.force_login(partner_on_team)
    url = reverse("cases:trajectory_register", args=[family.household_id])
    assert client.get(url).status_code == 403


def test_register_member_without_age_is_a_field_error(client, actors):
    client.force_login(actors["consulent"])
    data = register_data(**{"leden-1-minor": ""})
    html = client.post(REGISTER, data).content.decode()
    assert 'href="#id_leden-1-birth_date"' in html
    assert "kies bij &#x27;Minderjarig?&#x27; ja of nee" in html
    assert not Household.objects.exists()


def test_registration_in_steps_keeps_what_was_typed_when_refused(client, actors, site):
    """Issue "Tandem 6": three steps; the data stays in the session between the steps and when the registration is
    refused (here a BSN that fails the elfproef), and the refusal points to the step to fix."""
    client.force_login(actors["consulent"])
    data = register_data(**{"leden-0-bsn": "123456789"})
    step1 = {k: v for k, v in data.items() if not k.startswith("leden")}
    step2 = {k: v for k, v in data.items() if k.startswith("leden")}
    html = client.get(REGISTER).content.decode()
    assert 'name="registered_on"' in html and 'name="leden-0-given_names"' not in html
    assert client.post(REGISTER, {**step1, "stap": "1", "ga": "verder"})["Location"] == REGISTER + "?stap=2"
    assert client.post(REGISTER, {**step2, "stap": "2", "ga": "verder"})["Location"] == REGISTER + "?stap=3"
    html = client.post(REGISTER, {"stap": "3", "ga": "aanmelden"}).content.decode()
    assert "elfproef" in html and 'href="?stap=2"' in html and not Household.objects.exists()
    html = client.get(REGISTER + "?stap=2").content.decode()
    assert 'value="123456789"' in html and 'value="Sanne"' in html  # kept
    fixed = {**step2, "leden-0-bsn": "123456782"}
    assert client.post(REGISTER, {**fixed, "stap": "2", "ga": "verder"})["Location"] == REGISTER + "?stap=3"
    assert client.post(REGISTER, {"stap": "3", "ga": "terug"})["Location"] == REGISTER + "?stap=2"
    assert 'value="' + step1["registered_on"] + '"' in client.get(REGISTER + "?stap=1").content.decode()
    response = client.post(REGISTER, {"stap": "3", "ga": "aanmelden"})
    household = Household.objects.get()
    assert response["Location"] == reverse("cases:household", args=[household.pk])
    assert household.members.get(given_names="Sanne").bsn == "123456782"
    assert "aanmelding" not in client.session  # the draft is gone once registered
