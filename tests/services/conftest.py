"""Fixtures for the service tests. The actors, family, mother and child come from tests/conftest.py."""
import datetime as dt

import pytest

from tandem.cases.services import MemberData, consent_record, household_register, team_member_add

D = dt.date


@pytest.fixture
def on_team(family, actors):
    """Bram (Veilig Thuis) steps on the back of the tandem on 20 January 2025."""
    return team_member_add(actor=actors["consulent"], trajectory=family, professional=actors["partner"],
                           joined_on=D(2025, 1, 20))


@pytest.fixture
def vt_consent(family, mother, orgs, actors):
    """Fatima consents to Veilig Thuis on 18 January 2025."""
    return consent_record(actor=actors["consulent"], how="conversation", trajectory=family, organisation=orgs["vt"], given_by=mother,
                          purpose="begeleiding en analyse", given_on=D(2025, 1, 18))


@pytest.fixture
def other_family(actors, site):
    return household_register(actor=actors["consulent"], site=site,
                              members=[MemberData(given_names="Kees", family_name="Jansen", birth_date=D(1970, 1, 1))],
                              registered_on=D(2025, 1, 2), measure_considered=False)
