"""The rights matrix through the API: for every action the API offers and every position an organisation's client
can have (docs/rights.md, read by `read_matrix`), the cell decides, once inside and once outside a 'beperkt'
limit. A client of an organisation not on the team gets a 404 for the trajectory."""
import datetime as dt

import pytest
from rights_world import ON, read_matrix

from tandem.cases.models import Form, JoinRequest
from tandem.cases.rules.rights import Action, Cell, Position

from .conftest import ORG_OF

MATRIX = read_matrix()
POSITIONS = [Position.PARTNER_ANONYMOUS, Position.PARTNER_NAMED, Position.PARTNER_LEAD]


def _episode(world, code: str, own: bool):
    episodes = world.objects["episodes"]
    if own:
        return episodes[code]
    return next(e for name, e in episodes.items() if name in ("vt", "gi") and name != code)


def _org(world, code: str, own: bool) -> str:
    return world.orgs[code].code if own else world.orgs["ggz"].code


CALLS = {
    Action.INVOLVEMENT_START: lambda w, code, own: ("involvements/", {
        "organisation": _org(w, code, own), "form": Form.CONSULT, "start": str(ON),
        "household_informed_on": str(ON)}),
    Action.INVOLVEMENT_END: lambda w, code, own: (
        f"involvements/{_episode(w, code, own).pk}/end/", {"end": str(ON)}),
    Action.TIME_REGISTER: lambda w, code, own: ("time-entries/", {
        "involvement": _episode(w, code, own).pk, "on": str(ON), "hours": "1.5"}),
    Action.JOURNAL_PARTNER_REPORT: lambda w, code, own: ("journal/", {
        "on": str(ON), "nature": "observation", "source": "huisbezoek", "text": "Het was rustig."}),
    Action.REPORT_RECORD: lambda w, code, own: ("reports/", {"on": str(ON), "organisation": w.orgs["vt"].code}),
    Action.MEASURE_RECORD: lambda w, code, own: ("measures/", {"type": "rvdk_request", "on": str(ON)}),
}


def _cases():
    for action in CALLS:
        for position in POSITIONS:
            cell = MATRIX[(action, position)]
            for inside in ((True, False) if cell == Cell.LIMITED else (None,)):
                yield pytest.param(action, position, cell, inside, id=f"{action}-{position}-{inside}")


@pytest.mark.django_db
@pytest.mark.parametrize("action,position,cell,inside", list(_cases()))
def test_each_cell_for_an_organisations_client(world, api_for, action, position, cell, inside):
    code = ORG_OF[position]
    api = api_for(code)
    detail = api.get(f"/api/v1/trajectories/{world.family.pk}/")
    assert detail.data["position"] == position  # the organisation's column, worked out by the same selector
    path, data = CALLS[action](world, code, inside is not False)
    response = api.change(f"/api/v1/trajectories/{world.family.pk}/{path}", world.family, data)
    if cell == Cell.YES or (cell == Cell.LIMITED and inside):
        assert response.status_code == 201, response.data
        assert (action in detail.data["actions"]) is True
    elif cell == Cell.LIMITED:
        assert response.status_code == 403, response.data
        assert response.data["code"] == f"right_{action}_limited"
        assert response.data["message"].startswith("Dit kan hier alleen")
    else:
        assert response.status_code == 403, response.data
        assert response.data["code"] == f"right_{action}"
        assert "U mag dit niet doen in dit dossier" in response.data["message"]
        assert action not in detail.data["actions"]


@pytest.mark.django_db
def test_an_organisation_not_on_the_team_gets_404(world, api_for):
    ggz = api_for("ggz")
    for path in ("", "team/", "journal/", "involvements/", "reports/", "measures/", "consents/", "time-entries/"):
        response = ggz.get(f"/api/v1/trajectories/{world.family.pk}/{path}")
        assert response.status_code == 404, path
        assert response.data["code"] == "not_found"
    write = ggz.post(f"/api/v1/trajectories/{world.family.pk}/journal/", {}, **{"If-Match": '"x"'})
    assert write.status_code == 404
    assert ggz.get("/api/v1/trajectories/").data["count"] == 0


@pytest.mark.django_db
def test_an_organisation_whose_worker_left_the_team_loses_the_trajectory(world, api_for):
    from tandem.cases import services

    gi = api_for("gi")
    membership = world.family.team.get(professional=world.people[Position.PARTNER_NAMED])
    services.team_member_leave(actor=None, membership=membership, left_on=ON)
    assert gi.get(f"/api/v1/trajectories/{world.family.pk}/").status_code == 404


@pytest.mark.django_db
def test_the_invited_organisation_answers_the_request_to_join(world, api_for):
    """`join_answer`: yes for `invited` only (docs/rights.md S19); the ZVH's client sees the request without names,
    not the trajectory, and names who joins."""
    assert MATRIX[(Action.JOIN_ANSWER, Position.INVITED)] == Cell.YES
    zvh, vt = api_for("zvh"), api_for("vt")
    join = world.objects["join"]
    assert zvh.get(f"/api/v1/trajectories/{world.family.pk}/").status_code == 404
    listed = zvh.get("/api/v1/join-requests/", status="open")
    assert [r["id"] for r in listed.data["results"]] == [join.pk]
    assert vt.get("/api/v1/join-requests/").data["count"] == 0  # addressed to another organisation
    assert vt.post(f"/api/v1/join-requests/{join.pk}/accept/", {"professional": "bram"}).status_code == 404
    sven = world.people[Position.INVITED]
    response = zvh.post(f"/api/v1/join-requests/{join.pk}/accept/", {"professional": sven.username})
    assert response.status_code == 201, response.data
    assert response.data["status"] == "accepted"
    assert JoinRequest.objects.get(pk=join.pk).joined == sven
    again = zvh.post(f"/api/v1/join-requests/{join.pk}/decline/", {"reason": "toch niet"})
    assert again.status_code == 422 and again.data["message"]
    assert zvh.get(f"/api/v1/trajectories/{world.family.pk}/").status_code == 200  # now on the team


@pytest.mark.django_db
def test_a_client_cannot_name_its_own_account_or_another_organisations_worker(world, api_for):
    zvh = api_for("zvh")
    join = world.objects["join"]
    for username in (zvh.actor.username, "bram"):
        response = zvh.post(f"/api/v1/join-requests/{join.pk}/accept/", {"professional": username})
        assert response.status_code == 422
        assert response.data["code"] == "unknown_professional"
        assert response.data["field"] == "professional"


@pytest.mark.django_db
def test_a_guardrail_refuses_with_its_code_and_dutch_message(world, api_for):
    rvdk = api_for("rvdk")
    future = dt.date.today() + dt.timedelta(days=30)
    response = rvdk.change(f"/api/v1/trajectories/{world.family.pk}/journal/", world.family, {
        "on": str(future), "nature": "fact", "source": "gesprek", "text": "Later."})
    assert response.status_code == 422
    assert response.data["code"] and response.data["code"].isascii()
    assert "toekomst" in response.data["message"] or "na vandaag" in response.data["message"]
