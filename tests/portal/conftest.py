"""Portal fixtures: a family with a visible and a withheld journal entry, Veilig Thuis on the team with the
mother's consent, a safety plan version, and another household that the mother must never see.

Plan versions are made straight in the tables here (test data only): the portal reads them, the safety plan
services that write them are tested in tests/safetyplan/."""
import datetime as dt

import pytest

from tandem.cases import services
from tandem.cases.services import MemberData

from .helpers import WITHHELD_REASON, WITHHELD_TEXT, portal_login


@pytest.fixture
def partner_with_consent(family, actors, orgs, mother):
    services.team_member_add(actor=None, trajectory=family, professional=actors["partner"],
                             joined_on=dt.date(2025, 2, 1), role_in_team="veiligheid")
    consent = services.consent_record(actor=None, trajectory=family, organisation=orgs["vt"], given_by=mother,
                                      purpose="Meedenken over de veiligheid thuis", given_on=dt.date(2025, 2, 3))
    family.refresh_from_db()
    return consent


@pytest.fixture
def entries(family, actors):
    add = services.journal_entry_add
    visible = add(actor=actors["consulent"], trajectory=family, kind="contact_note", nature="observation",
                  source="huisbezoek", text="Huisbezoek: Fatima vertelt dat het rustiger is thuis.")
    withheld = add(actor=actors["consulent"], trajectory=family, kind="contact_note", nature="fact",
                   source="Veilig Thuis", text=WITHHELD_TEXT, withheld_reason=WITHHELD_REASON)
    family.refresh_from_db()
    return {"visible": visible, "withheld": withheld}


@pytest.fixture
def other_family(actors, site):
    return services.household_register(
        actor=actors["consulent"], site=site, registered_on=dt.date(2025, 1, 20), measure_considered=False,
        members=[MemberData(given_names="Karin", family_name="Bakker", birth_date=dt.date(1980, 1, 1))],
        reason="Andere zorgen.")


@pytest.fixture
def other_entry(other_family, actors):
    return services.journal_entry_add(actor=actors["consulent"], trajectory=other_family, kind="contact_note",
                                      nature="fact", source="telefoon", text="Geheim van een ander gezin.")


@pytest.fixture
def resident(client, mother):
    """A test client signed in to the portal as the mother."""
    portal_login(client, mother)
    return client
