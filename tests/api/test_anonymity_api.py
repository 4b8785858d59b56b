"""Anonymous means anonymous through the API too: a client of an organisation that sees the family without names
(an anonymous consult) finds no name, birth date or BSN in any answer; the lens of the screens pseudonymises the
texts. A client with the family's consent sees the names."""
import json

import pytest
from rights_world import ON

from tandem.cases import services
from tandem.cases.models import JournalEntry

SECRETS = ("Fatima", "Amrani", "Daan", "Vries", "1988-11-30", "2016-05-02", "111222333", "30-11-1988")


def _plant(world):
    """Names, birth dates and the BSN in free texts the partner can read."""
    text = "Fatima el Amrani (30-11-1988) zei dat Daan de Vries, BSN 111222333, bang is."
    JournalEntry.objects.create(trajectory=world.family, author=world.people["local_team"], kind="contact_note",
                                nature="fact", source="Fatima el Amrani", text=text, on=ON)
    world.family.reason = text
    world.family.save(update_fields=["reason"])
    consent = world.family.consents.first()
    consent.purpose = "Toestemming van Fatima el Amrani"
    consent.save(update_fields=["purpose"])


PATHS = ("", "team/", "journal/", "involvements/", "time-entries/", "reports/", "measures/", "consents/")


@pytest.mark.django_db
def test_an_anonymous_partner_sees_no_identifying_detail_anywhere(world, api_for):
    _plant(world)
    vt = api_for("vt")
    seen = []
    for path in PATHS:
        response = vt.get(f"/api/v1/trajectories/{world.family.pk}/{path}")
        assert response.status_code == 200, (path, response.data)
        seen.append(json.dumps(response.data, default=str))
    seen.append(json.dumps(vt.get("/api/v1/trajectories/").data, default=str))
    everything = "\n".join(seen)
    for secret in SECRETS:
        assert secret.lower() not in everything.lower(), secret
    detail = vt.get(f"/api/v1/trajectories/{world.family.pk}/").data
    assert detail["anonymous"] is True
    assert detail["members"][0]["label"].startswith("Gezinslid 1 (")
    assert all(m["birth_date"] is None for m in detail["members"])
    assert "[gezinslid" in detail["reason"]


@pytest.mark.django_db
def test_an_anonymous_partners_own_report_comes_back_pseudonymised(world, api_for):
    vt = api_for("vt")
    response = vt.change(f"/api/v1/trajectories/{world.family.pk}/journal/", world.family, {
        "on": str(ON), "nature": "observation", "source": "overleg", "text": "Daan de Vries was stil."})
    assert response.status_code == 201, response.data
    assert "Daan" not in response.data["text"]
    assert JournalEntry.objects.get(pk=response.data["id"]).text == "Daan de Vries was stil."  # stored as written


@pytest.mark.django_db
def test_a_partner_with_consent_sees_the_names(world, api_for):
    _plant(world)
    gi = api_for("gi")
    detail = gi.get(f"/api/v1/trajectories/{world.family.pk}/").data
    assert detail["anonymous"] is False
    assert "Fatima el Amrani" in [m["label"] for m in detail["members"]]
    assert "Fatima el Amrani" in detail["reason"]


@pytest.mark.django_db
def test_the_organisation_sees_names_once_it_works_under_statutory_powers(world, api_for):
    vt = api_for("vt")
    services.involvement_start(actor=None, trajectory=world.family, organisation=world.orgs["vt"], form="orange",
                               start=ON, household_informed_on=ON)
    assert vt.get(f"/api/v1/trajectories/{world.family.pk}/").data["anonymous"] is False


@pytest.mark.django_db
def test_a_request_to_join_never_names_the_family(world, api_for):
    join = world.objects["join"]
    join.purpose = "Meedenken over Fatima el Amrani"
    join.save(update_fields=["purpose"])
    listed = json.dumps(api_for("zvh").get("/api/v1/join-requests/").data)
    assert "Fatima" not in listed and "Amrani" not in listed
    assert "meedenken" in listed.lower()
