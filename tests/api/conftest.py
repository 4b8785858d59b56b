"""API clients for the organisations of the rights world (tests/rights_world.py): Veilig Thuis (on the team,
anonymous consult: `partner_anonymous`), De Jeugd- en Gezinsbeschermers (with consent: `partner_named`), the Raad
(holds the lead: `partner_lead`), the Zorg- en Veiligheidshuis (asked to join: `invited`), GGZ (not on the team)."""
import pytest
from rest_framework.test import APIClient

from tandem.api.services import api_client_create
from tandem.cases.rules.rights import Position

ORG_OF = {Position.PARTNER_ANONYMOUS: "vt", Position.PARTNER_NAMED: "gi", Position.PARTNER_LEAD: "rvdk",
          Position.INVITED: "zvh"}


class Api:
    """An API client (the HTTP side) with its key, and the ApiClient row."""

    def __init__(self, organisation, scope="write", role="koppeling", **kwargs):
        self.client_row, self.key = api_client_create(actor=None, organisation=organisation, name="Eigen systeem",
                                                      scope=scope, role=role, **kwargs)
        self.http = APIClient()
        self.http.credentials(HTTP_AUTHORIZATION=f"Bearer {self.key}")

    @property
    def actor(self):
        return self.client_row.actor

    def get(self, path, **params):
        return self.http.get(path, params, format="json")

    def post(self, path, data, **headers):
        return self.http.post(path, data, format="json", headers=headers)

    def etag(self, trajectory) -> str:
        response = self.get(f"/api/v1/trajectories/{trajectory.pk}/")
        assert response.status_code == 200, response.data
        return response["ETag"]

    def change(self, path, trajectory, data, **headers):
        return self.post(path, data, **{"If-Match": self.etag(trajectory), **headers})


@pytest.fixture
def world(rights_team):
    return rights_team


@pytest.fixture
def api_for(world):
    """`api_for("vt")`: a write client of that organisation of the world."""
    return lambda code, **kwargs: Api(world.orgs[code], **kwargs)
