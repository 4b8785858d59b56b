"""The team and the lead through the web forms."""
import datetime as dt

from django.urls import reverse

from tandem.cases.models import LeadPeriod, TeamMembership


def test_team_member_add_lists_dossier_professionals_with_organisation(client, actors, family):
    client.force_login(actors["consulent"])
    html = client.get(reverse("cases:team_member_add", args=[family.pk])).content.decode()
    assert "Carla Smit – Veilig Thuis Gooi en Vechtstreek" in html
    assert "Fleur Peters" not in html  # a coordinator has no dossier role


def test_team_member_add(client, actors, family):
    client.force_login(actors["consulent"])
    url = reverse("cases:team_member_add", args=[family.pk])
    data = {"expected_version": family.version, "professional": actors["partner2"].pk,
            "joined_on": "2025-02-01", "role_in_team": "analyse"}
    response = client.post(url, data, follow=True)
    assert "De medewerker is aan het team toegevoegd." in response.content.decode()
    membership = TeamMembership.objects.get(professional=actors["partner2"])
    assert membership.organisation.code == "VT-GV" and membership.role_in_team == "analyse"


def test_a_partner_on_the_team_does_not_pull_others_in(client, partner_on_team, actors, family):
    client.force_login(partner_on_team)
    url = reverse("cases:team_member_add", args=[family.pk])
    data = {"expected_version": family.version, "professional": actors["outsider"].pk, "joined_on": "2025-02-10"}
    response = client.post(url, data)
    assert response.status_code == 403 and "Dit kan het lokale team" in response.content.decode()
    assert not family.team.filter(professional=actors["outsider"]).exists()


def test_lead_cannot_leave_the_team(client, actors, family):
    client.force_login(actors["consulent"])
    lead_membership = family.team.get(professional=actors["consulent"])
    url = reverse("cases:team_member_leave", args=[family.pk, lead_membership.pk])
    html = client.post(url, {"expected_version": family.version, "left_on": "2025-03-01"}).content.decode()
    assert "Deze persoon heeft de regie en kan het team niet verlaten." in html
    lead_membership.refresh_from_db()
    assert lead_membership.left_on is None


def test_team_member_leaves(client, actors, family, partner_on_team):
    client.force_login(actors["consulent"])
    membership = family.team.get(professional=partner_on_team)
    url = reverse("cases:team_member_leave", args=[family.pk, membership.pk])
    assert client.post(url, {"expected_version": family.version, "left_on": "2025-03-01"}).status_code == 302
    membership.refresh_from_db()
    assert membership.left_on == dt.date(2025, 3, 1)


def test_lead_switch_to_a_partner_needs_a_melding_or_measure(client, actors, family, partner_on_team):
    client.force_login(actors["consulent"])
    url = reverse("cases:lead_switch", args=[family.pk])
    data = {"expected_version": family.version, "professional": partner_on_team.pk, "on": "2025-03-01"}
    html = client.post(url, data).content.decode()
    assert "neemt de regie alleen over als er een melding of maatregel is" in html
    assert LeadPeriod.objects.get(trajectory=family, end__isnull=True).professional == actors["consulent"]


def test_lead_switch_keeps_previous_lead_on_team(client, actors, family, partner_on_team):
    client.force_login(actors["consulent"])
    url = reverse("cases:lead_switch", args=[family.pk])
    data = {"expected_version": family.version, "professional": partner_on_team.pk, "on": "2025-03-01",
            "statutory_ground": "Melding bij Veilig Thuis van 28 februari"}
    response = client.post(url, data, follow=True)
    assert "De regie is gewisseld." in response.content.decode()
    current = LeadPeriod.objects.get(trajectory=family, end__isnull=True)
    assert current.professional == partner_on_team
    assert family.team.filter(professional=actors["consulent"], left_on__isnull=True).exists()


def test_lead_switch_with_stale_version_changes_nothing(client, actors, family, partner_on_team):
    client.force_login(actors["consulent"])
    url = reverse("cases:lead_switch", args=[family.pk])
    data = {"expected_version": family.version + 1, "professional": partner_on_team.pk, "on": "2025-03-01"}
    html = client.post(url, data).content.decode()
    assert "Iemand anders heeft dit dossier intussen gewijzigd" in html
    assert LeadPeriod.objects.get(trajectory=family, end__isnull=True).professional == actors["consulent"]
