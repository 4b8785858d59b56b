"""The OpenAPI document is valid, and schemathesis (a bounded number of generated requests per operation) finds no
5xx and no answer outside the document, with a real client of an organisation on a family's team."""
import pytest
import schemathesis
from django.core.management import call_command
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from django.core.wsgi import get_wsgi_application
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import (
    content_type_conformance,
    not_a_server_error,
    response_schema_conformance,
    status_code_conformance,
)

from tandem.api.models import ApiClient

from .conftest import Api


@pytest.mark.django_db
def test_the_schema_is_valid_openapi(tmp_path):
    target = tmp_path / "schema.yaml"
    call_command("spectacular", "--validate", "--fail-on-warn", "--file", str(target))
    text = target.read_text()
    assert text.startswith("openapi: 3")
    for path in ("/api/v1/trajectories/{trajectory_id}/journal/", "/api/v1/join-requests/", "/api/v1/own-work/"):
        assert path in text


@pytest.mark.django_db
def test_schema_and_docs_are_served_without_a_key(client):
    schema = client.get("/api/v1/schema/?format=json")
    assert schema.status_code == 200 and schema.json()["openapi"].startswith("3.")
    docs = client.get("/api/v1/docs/")
    page = docs.content.decode()
    assert docs.status_code == 200 and "/api/v1/trajectories/{trajectory_id}/" in page
    assert "<script" not in page.split("</header>")[-1] and "http://" not in page.replace("http://testserver", "")


@pytest.fixture
def api_schema(db):
    """The real WSGI application; as Django's test client does, the request signals keep the test's connection
    open (they would close it after each request)."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        yield schemathesis.openapi.from_wsgi("/api/v1/schema/?format=json", get_wsgi_application())
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)


@pytest.fixture
def real_ids(rights_team):
    return {"trajectory_id": str(rights_team.family.pk), "involvement_id": rights_team.objects["episodes"]["gi"].pk}


@pytest.fixture
def bearer(rights_team):
    api = Api(rights_team.orgs["gi"], scope="write")
    ApiClient.objects.filter(pk=api.client_row.pk).update(rate_per_minute=100000)
    return {"Authorization": f"Bearer {api.key}"}


CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance]


def test_no_server_error_and_no_answer_outside_the_schema(api_schema, bearer, real_ids):
    """Every operation of the document, a few generated requests each (bounded: the suite stays quick), each
    once as generated and once on the family's real trajectory (so not everything is a 404)."""
    checked = []
    for result in api_schema.get_all_operations():
        operation = result.ok()

        @given(case=operation.as_strategy())
        @settings(max_examples=6, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True,
                  database=None)
        def run(case):
            case.call_and_validate(headers=bearer, checks=CHECKS)
            if case.path_parameters and "trajectory_id" in case.path_parameters:
                case.path_parameters.update({k: v for k, v in real_ids.items() if k in case.path_parameters})
                case.call_and_validate(headers=bearer, checks=CHECKS)

        run()
        checked.append(operation.label)
    assert len(checked) >= 15
