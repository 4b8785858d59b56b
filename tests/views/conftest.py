"""Helpers for the screen tests: put people on the family's team and record consent, through the services."""
import datetime as dt

import pytest
from django.urls import reverse

from tandem.cases import services


@pytest.fixture
def household_url(family):
    return reverse("cases:household", args=[family.household_id])


@pytest.fixture
def partner_on_team(family, actors):
    """Bram (Veilig Thuis) on the team, without consent: he may look along anonymously."""
    services.team_member_add(actor=None, trajectory=family, professional=actors["partner"],
                             joined_on=dt.date(2025, 2, 1), role_in_team="veiligheid")
    family.refresh_from_db()
    return actors["partner"]


@pytest.fixture
def partner_with_consent(partner_on_team, family, orgs, mother):
    services.consent_record(actor=None, trajectory=family, organisation=orgs["vt"], given_by=mother,
                            purpose="Informatie delen over de veiligheid thuis", given_on=dt.date(2025, 2, 3))
    family.refresh_from_db()
    return partner_on_team


@pytest.fixture
def expert_on_team(family, actors, orgs, mother):
    """Gijs (ervaringsdeskundige) on the team with consent to Samenkracht!: he may look, not change."""
    services.consent_record(actor=None, trajectory=family, organisation=orgs["ed"], given_by=mother,
                            purpose="Een ervaringsdeskundige sluit aan", given_on=dt.date(2025, 2, 3))
    services.team_member_add(actor=None, trajectory=family, professional=actors["expert"],
                             joined_on=dt.date(2025, 2, 4))
    family.refresh_from_db()
    return actors["expert"]
