"""The household page: need-to-know, anonymised looking along, the access log and what the page shows."""
import datetime as dt
import uuid
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from tandem.audit.models import AuditEvent
from tandem.cases import services
from tandem.core.dates import age_on


def test_consultant_sees_members_with_masked_bsn(client, actors, family, household_url):
    client.force_login(actors["consulent"])
    response = client.get(household_url)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Fatima el Amrani" in html and "Daan de Vries" in html
    assert "30 november 1988" in html
    assert "eindigt op 333" in html
    assert "111222333" not in html
    assert f"<title>Gezinsdossier {family.household.short_code} – Tandem</title>" in html  # no names in history


def test_read_is_logged(client, actors, family, household_url):
    client.force_login(actors["consulent"])
    client.get(household_url)
    event = AuditEvent.objects.filter(action="view").last()
    assert event is not None
    assert event.household_id == family.household_id
    assert event.actor_id == actors["consulent"].pk
    assert event.purpose == "dossier inzien"
    assert event.object_type == "Household"


def test_partner_without_consent_sees_no_personal_data(client, partner_on_team, family, household_url):
    client.force_login(partner_on_team)
    response = client.get(household_url)
    html = response.content.decode()
    today = timezone.localdate()
    assert response.status_code == 200
    assert f"Gezinslid 1 (volwassene, {age_on(dt.date(1988, 11, 30), today)} jaar)" in html
    assert f"Gezinslid 2 (kind, {age_on(dt.date(2016, 5, 2), today)} jaar)" in html
    for personal in ("Fatima", "Amrani", "Daan", "Vries", "30 november 1988", "2 mei 2016", "1988", "eindigt op"):
        assert personal not in html, personal
    assert "U kijkt anoniem mee" in html


def test_anonymous_partner_sees_consent_giver_anonymised(client, partner_on_team, family, orgs, mother,
                                                         household_url):
    services.consent_record(actor=None, trajectory=family, organisation=orgs["gi"], given_by=mother,
                            purpose="Begeleiding", given_on=dt.date(2025, 2, 3))
    client.force_login(partner_on_team)
    html = client.get(household_url).content.decode()
    assert "Begeleiding" in html
    assert "Gezinslid 1" in html and "Fatima" not in html


def test_partner_with_consent_sees_names(client, partner_with_consent, household_url):
    client.force_login(partner_with_consent)
    html = client.get(household_url).content.decode()
    assert "Fatima el Amrani" in html
    assert "U kijkt anoniem mee" not in html


@pytest.mark.parametrize("who", ["outsider", "other_site", "partner2", "coordinator"])
def test_outsiders_get_404_and_leave_no_read(client, actors, family, household_url, who):
    client.force_login(actors[who])
    assert client.get(household_url).status_code == 404
    assert not AuditEvent.objects.filter(action="view", actor_id=actors[who].pk).exists()


def test_unknown_household_is_404(client, actors, family):
    client.force_login(actors["consulent"])
    assert client.get(reverse("cases:household", args=[uuid.uuid4()])).status_code == 404


def test_partner_who_left_the_team_gets_404(client, partner_on_team, family, household_url):
    membership = family.team.get(professional=partner_on_team)
    services.team_member_leave(actor=None, membership=membership, left_on=dt.date(2025, 3, 1))
    client.force_login(partner_on_team)
    assert client.get(household_url).status_code == 404


def test_edit_buttons_only_with_edit_access(client, actors, family, expert_on_team, household_url):
    triage_url = reverse("cases:triage_record", args=[family.pk])
    client.force_login(actors["consulent"])
    assert triage_url in client.get(household_url).content.decode()
    client.force_login(expert_on_team)
    html = client.get(household_url).content.decode()
    assert triage_url not in html
    assert reverse("cases:expert_contact_record", args=[family.pk]) in html  # counts own contacts


def test_tandem_picture_svg_and_table(client, actors, family, partner_on_team, household_url):
    services.lead_switch(actor=None, trajectory=family, professional=partner_on_team, on=dt.date(2025, 3, 1),
                         statutory_ground="Melding bij Veilig Thuis")
    client.force_login(actors["consulent"])
    html = client.get(household_url).content.decode()
    assert '<figure class="tandem-figure" aria-labelledby="tandem-titel-' in html
    assert 'class="tandem-lane__track"' in html and 'aria-hidden="true"' in html  # the bars; the text says it all
    assert "De tandem als tabel" in html
    assert "Voorop (regie)" in html and "Achterop" in html
    assert "Tijdlijn van de aanmelding op 14 januari 2025 tot vandaag" in html
    assert "Voorop (regie): Anna de Wit vanaf 14 januari 2025, Bram Visser vanaf 1 maart 2025" in html
    assert "Bram Visser (Veilig Thuis Gooi en Vechtstreek)" in html


def test_involvement_hours_and_intensity(client, actors, orgs, family, household_url):
    involvement = services.involvement_start(actor=None, trajectory=family, organisation=orgs["vt"],
                                             form="consult", start=dt.date(2025, 2, 1), end=dt.date(2025, 2, 14))
    services.time_register(actor=None, involvement=involvement, on=dt.date(2025, 2, 3), hours=Decimal(10))
    client.force_login(actors["consulent"])
    html = client.get(household_url).content.decode()
    assert "Advies en/of consult" in html
    assert "zwaar" in html and "5 uur per week" in html  # 10 hours over 2 weeks


def test_journal_shows_nature_source_and_withheld_reason(client, actors, family, household_url):
    services.journal_entry_add(actor=actors["consulent"], trajectory=family, kind="contact_note",
                               nature="observation", source="huisbezoek", text="Daan speelde rustig.",
                               withheld_reason="lopend politieonderzoek")
    client.force_login(actors["consulent"])
    html = client.get(household_url).content.decode()
    assert "Daan speelde rustig." in html
    assert "Waarneming" in html and "bron: huisbezoek" in html
    assert "Niet zichtbaar voor het gezin: lopend politieonderzoek" in html


def test_expert_contacts_are_counted_never_content(client, actors, family, expert_on_team, household_url):
    for _ in range(2):
        services.expert_contact_record(actor=None, trajectory=family, on=dt.date(2025, 3, 5),
                                       expert=expert_on_team)
    client.force_login(actors["consulent"])
    html = client.get(household_url).content.decode()
    assert "Contacten met ervaringsdeskundigen" in html
    assert "<td>Gijs Mulder</td><td>5 maart 2025</td><td>2</td>" in html


def test_earlier_trajectory_listed_after_re_registration(client, actors, family, household_url):
    services.trajectory_close(actor=None, trajectory=family, closed_on=dt.date(2025, 6, 1), end_evaluation="Rust")
    services.trajectory_register(actor=None, household=family.household, registered_on=dt.date(2025, 9, 1),
                                 measure_considered=False, lead=actors["consulent"])
    client.force_login(actors["consulent"])
    html = client.get(household_url).content.decode()
    assert "Huidig traject" in html and "vanaf 1 september 2025" in html
    assert "Eerdere trajecten" in html and "Traject van 14 januari 2025" in html and "Rust" in html
