"""API clients: the key printed once and stored only as a hash; revoked and expired keys refused; read-only
scope; who gets a client; the command and the beheerder's page."""
import datetime as dt
import hashlib
import re
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone
from rest_framework.test import APIClient

from tandem.api.models import ApiClient
from tandem.api.services import api_client_create, api_client_revoke
from tandem.core.exceptions import NotPermitted, RuleViolation
from tandem.organisations.models import User

from .conftest import Api


def _bearer(key):
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {key}")
    return client


@pytest.mark.django_db
def test_apikey_create_prints_only_the_key_and_stores_only_its_hash(orgs):
    out = StringIO()
    call_command("apikey", "create", "--organisation", "VT-GV", "--name", "Zaaksysteem VT", "--scope", "write",
                 stdout=out)
    key = out.getvalue().strip()
    assert key.startswith("tdm_") and "\n" not in key and len(key) > 50
    client = ApiClient.objects.get()
    assert client.key_hash == hashlib.sha256(key.encode()).hexdigest()
    stored = [str(v) for v in ApiClient.objects.values_list(flat=False).get()]
    assert key not in stored and key.split("_")[2] not in " ".join(stored)
    assert client.scope == "write" and client.organisation == orgs["vt"]
    assert not client.actor.has_usable_password() and client.actor.role == "koppeling"
    assert _bearer(key).get("/api/v1/trajectories/").status_code == 200


@pytest.mark.django_db
def test_apikey_revoke_by_its_prefix(orgs):
    _, key = api_client_create(actor=None, organisation=orgs["vt"], name="VT")
    call_command("apikey", "revoke", key[:16], stdout=StringIO())
    response = _bearer(key).get("/api/v1/trajectories/")
    assert response.status_code == 401
    assert response.data["code"] == "key_revoked"
    assert "ingetrokken" in response.data["message"]
    with pytest.raises(CommandError):
        call_command("apikey", "revoke", "tdm_000000000000", stdout=StringIO())


@pytest.mark.django_db
def test_an_expired_key_is_refused(orgs):
    client, key = api_client_create(actor=None, organisation=orgs["vt"], name="VT")
    ApiClient.objects.filter(pk=client.pk).update(expires_at=timezone.now() - dt.timedelta(seconds=1))
    response = _bearer(key).get("/api/v1/trajectories/")
    assert response.status_code == 401 and response.data["code"] == "key_expired"


@pytest.mark.django_db
@pytest.mark.parametrize("header", ["", "Bearer", "Bearer tdm_abc", "Token x", "Bearer tdm_{prefix}_" + "A" * 43])
def test_a_missing_or_wrong_key_is_refused(orgs, header):
    client, key = api_client_create(actor=None, organisation=orgs["vt"], name="VT")
    http = APIClient()
    if header:
        http.credentials(HTTP_AUTHORIZATION=header.format(prefix=client.prefix))
    response = http.get("/api/v1/trajectories/")
    assert response.status_code == 401
    assert response.data["code"] in ("not_authenticated", "key_invalid")
    assert response["WWW-Authenticate"].startswith("Bearer")


@pytest.mark.django_db
def test_a_read_only_key_cannot_change(world):
    api = Api(world.orgs["gi"], scope="read")
    response = api.change(f"/api/v1/trajectories/{world.family.pk}/journal/", world.family,
                          {"on": "2025-03-03", "nature": "fact", "source": "x", "text": "y"})
    assert response.status_code == 403 and response.data["code"] == "scope_read_only"
    assert "alleen lezen" in api.client_row.get_scope_display().lower()


@pytest.mark.django_db
@pytest.mark.parametrize("org", ["local", "ed"])
def test_no_client_for_a_local_team_or_an_experts_pool(orgs, org):
    with pytest.raises(RuleViolation) as refused:
        api_client_create(actor=None, organisation=orgs[org], name="X")
    assert refused.value.code == "api_organisation_kind"
    with pytest.raises(CommandError):
        call_command("apikey", "create", "--organisation", orgs[org].code, "--name", "X", stdout=StringIO())


@pytest.mark.django_db
def test_the_account_of_a_client_never_joins_a_team(world, api_for):
    from tandem.cases import services

    api = api_for("gi")
    with pytest.raises(RuleViolation) as refused:
        services.team_member_add(actor=None, trajectory=world.family, professional=api.actor,
                                 joined_on=dt.date(2025, 3, 3))
    assert refused.value.code == "cannot_join"


@pytest.mark.django_db
def test_only_the_regions_beheerder_manages_clients(orgs, region, actors):
    beheerder = User.objects.create_user(username="ben", password="x", organisation=orgs["coord"], role="beheerder")
    client, _ = api_client_create(actor=beheerder, organisation=orgs["vt"], name="VT")
    with pytest.raises(NotPermitted):
        api_client_create(actor=actors["consulent"], organisation=orgs["vt"], name="VT")
    with pytest.raises(NotPermitted):  # the Raad has no region: not this beheerder's
        api_client_create(actor=beheerder, organisation=orgs["rvdk"], name="Raad")
    api_client_revoke(actor=beheerder, client=client)
    assert ApiClient.objects.get(pk=client.pk).revoked_at is not None
    assert not User.objects.get(pk=client.actor_id).is_active


@pytest.mark.django_db
def test_the_beheer_page_shows_the_key_once_and_revokes(client, orgs, region):
    beheerder = User.objects.create_user(username="ben", password="x", organisation=orgs["coord"], role="beheerder")
    client.force_login(beheerder)
    page = client.post("/beheer/api/", {"organisation": orgs["vt"].pk, "name": "Zaaksysteem", "scope": "read",
                                        "role": "koppeling", "days": 30})
    assert page.status_code == 200
    made = ApiClient.objects.get()
    key = re.search(r"<code>(tdm_[0-9a-f]{12}_[\w-]{43})</code>", page.content.decode())[1]
    assert hashlib.sha256(key.encode()).hexdigest() == made.key_hash
    assert key not in client.get("/beheer/api/").content.decode()  # once
    client.post(f"/beheer/api/{made.pk}/intrekken/")
    assert ApiClient.objects.get().revoked_at is not None
    client.force_login(User.objects.create_user(username="x2", password="x", organisation=orgs["vt"],
                                                role="beschermpartner"))
    assert client.get("/beheer/api/").status_code == 403


@pytest.mark.django_db
def test_a_clients_account_is_no_person_anywhere(world, api_for):
    """Not a candidate for a team, not told about a request to join, not in the exchange format."""
    from tandem.cases.forms import dossier_professionals
    from tandem.exchange.exporter import export_document
    from tandem.notifications.services import organisation_answerers

    zvh = api_for("zvh")
    assert zvh.actor not in dossier_professionals()
    assert zvh.actor not in organisation_answerers(world.orgs["zvh"])
    assert world.people["invited"] in organisation_answerers(world.orgs["zvh"])
    exported = export_document(region_code="GV")
    assert all(p["role"] != "koppeling" for p in exported["professionals"])


@pytest.mark.django_db
def test_input_errors_are_dutch_in_the_one_shape(world, api_for):
    response = api_for("gi").change(f"/api/v1/trajectories/{world.family.pk}/journal/", world.family,
                                    {"nature": "fact", "source": "gesprek", "text": "Iets."})
    assert response.status_code == 400
    assert response.data["code"] == "invalid" and response.data["field"] == "on"
    assert response.data["errors"] == [{"field": "on", "message": "Dit veld is verplicht."}]
    assert response.data["message"].startswith("De invoer klopt niet")
