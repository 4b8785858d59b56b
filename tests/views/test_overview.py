"""'Mijn gezinnen': who sees which households, and how."""
import datetime as dt

import pytest
from django.urls import reverse

from tandem.cases import services

URL = reverse("cases:my_families")


def test_login_required(client, db):
    response = client.get(URL)
    assert response.status_code == 302
    assert reverse("login") in response["Location"]


def test_consultant_sees_family_with_lead_stage_and_regime(client, actors, family):
    client.force_login(actors["consulent"])
    html = client.get(URL).content.decode()
    assert "el Amrani / de Vries" in html
    assert "Toekomsttuin Hilversum" in html
    assert "Anna de Wit" in html
    assert "Aangemeld" in html
    assert "badge--none" in html and ">Geen<" in html
    assert "Nieuw gezin aanmelden" in html
    assert reverse("cases:household", args=[family.household_id]) in html


def test_stage_follows_triage_and_regime_shows_heaviest_form(client, actors, orgs, family):
    services.triage_record(actor=None, trajectory=family, kind="access", decided_on=dt.date(2025, 1, 20),
                           outcome="admitted", participants="Anna, Bram")
    services.involvement_start(actor=None, trajectory=family, organisation=orgs["vt"], form="consult",
                               start=dt.date(2025, 1, 21))
    services.report_record(actor=None, trajectory=family, on=dt.date(2025, 2, 1), organisation=orgs["vt"])
    services.involvement_start(actor=None, trajectory=family, organisation=orgs["vt"], form="orange",
                               start=dt.date(2025, 2, 2))
    client.force_login(actors["consulent"])
    html = client.get(URL).content.decode()
    assert "Lopend" in html
    assert "badge--orange" in html and "Oranje" in html  # text next to the colour


def test_closed_trajectory_shows_afgesloten(client, actors, family):
    services.trajectory_close(actor=None, trajectory=family, closed_on=dt.date(2025, 6, 1), end_evaluation="Goed")
    client.force_login(actors["consulent"])
    assert "Afgesloten" in client.get(URL).content.decode()


def test_partner_on_team_without_consent_sees_anonymous_family(client, partner_on_team, family):
    client.force_login(partner_on_team)
    html = client.get(URL).content.decode()
    assert "Anoniem gezin" in html
    assert "Amrani" not in html and "Vries" not in html
    assert "Nieuw gezin aanmelden" not in html


def test_partner_with_consent_sees_names(client, partner_with_consent):
    client.force_login(partner_with_consent)
    html = client.get(URL).content.decode()
    assert "el Amrani / de Vries" in html
    assert "Anoniem gezin" not in html


@pytest.mark.parametrize("who", ["outsider", "other_site", "partner2"])
def test_others_do_not_see_the_family(client, actors, family, who):
    client.force_login(actors[who])
    html = client.get(URL).content.decode()
    assert "Amrani" not in html
    assert reverse("cases:household", args=[family.household_id]) not in html


def test_coordinator_sees_explanation_and_no_dossiers(client, actors, family):
    client.force_login(actors["coordinator"])
    html = client.get(URL).content.decode()
    assert "U werkt met cijfers en organisaties, niet met dossiers" in html
    assert "Amrani" not in html
    assert "Nieuw gezin aanmelden" not in html


def test_base_layout_is_accessible_dutch(client, actors, family):
    client.force_login(actors["consulent"])
    html = client.get(URL).content.decode()
    assert '<html lang="nl" class="utrecht-root">' in html
    assert 'href="#inhoud"' in html and '<main id="inhoud"' in html
    assert 'role="status"' in html
    assert "<title>Mijn gezinnen – Tandem</title>" in html
    assert "Gemeente Hilversum, lokaal team" in html
    assert f'action="{reverse("logout")}"' in html and 'method="post"' in html
    assert "http://" not in html.replace('xmlns="http://www.w3.org/2000/svg"', "")
    assert "https://" not in html


def test_stylesheet_is_served_locally(db):
    from django.contrib.staticfiles import finders

    assert finders.find("tandem.css") is not None
