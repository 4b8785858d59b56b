"""Signing in through the organisation's OpenID Connect provider. Only the provider's token endpoint is
replaced (`accounts.oidc.token_exchange`, no network); state, nonce, claims and the user lookup are real."""
import base64
import json
import time

import pytest
from django.urls import reverse

from tandem.accounts import oidc
from tandem.accounts.verification import VERIFIED_KEY
from tandem.audit.models import AuditEvent

from .helpers import give_device

ISSUER = "https://login.gemeente.example.test"
START, CALLBACK = reverse("accounts:oidc_start"), reverse("accounts:oidc_callback")


@pytest.fixture
def oidc_settings(settings):
    settings.TANDEM_OIDC_ISSUER = ISSUER
    settings.TANDEM_OIDC_CLIENT_ID = "tandem"
    settings.TANDEM_OIDC_CLIENT_SECRET = "geheim"
    return settings


def _id_token(claims: dict) -> str:
    part = base64.urlsafe_b64encode(json.dumps(claims).encode()).rstrip(b"=").decode()
    return f"eyJhbGciOiJSUzI1NiJ9.{part}.handtekening"


def _sign_in(client, monkeypatch, **claims):
    """Start, let the stand-in provider answer with these claims, follow the callback."""
    calls = []

    def token_exchange(config, *, code, redirect_uri, verifier):
        calls.append(verifier)
        base = {"iss": ISSUER, "aud": "tandem", "exp": time.time() + 60, "nonce": pending["nonce"]}
        return {"id_token": _id_token({**base, **claims})}

    monkeypatch.setattr(oidc, "token_exchange", token_exchange)
    response = client.get(START, {"next": reverse("monitor:index")})
    assert response.status_code == 302 and response["Location"].startswith(ISSUER + "/authorize?")
    assert "code_challenge=" in response["Location"]
    pending = client.session["accounts_oidc_pending"]
    response = client.get(CALLBACK, {"code": "abc", "state": pending["state"]})
    assert not calls or calls == [pending["verifier"]]
    return response


def test_provider_with_mfa_signs_in_fully(client, actors, oidc_settings, monkeypatch):
    response = _sign_in(client, monkeypatch, preferred_username="anna", amr=["pwd", "mfa"])
    assert response.status_code == 302 and response["Location"] == reverse("monitor:index")
    assert client.session[VERIFIED_KEY] == actors["consulent"].pk
    assert AuditEvent.objects.filter(action="sign_in", detail={"method": "oidc_mfa"}).exists()


@pytest.mark.parametrize("amr", [None, ["pwd"], "pwd"])
def test_provider_without_mfa_still_asks_for_the_totp_code(client, actors, oidc_settings, monkeypatch, amr):
    give_device(actors["consulent"])
    claims = {"preferred_username": "anna", **({"amr": amr} if amr else {})}
    response = _sign_in(client, monkeypatch, **claims)
    assert response["Location"] == reverse("accounts:verify")
    assert VERIFIED_KEY not in client.session
    assert client.get(reverse("cases:my_families"))["Location"] == reverse("accounts:verify")


def test_otp_counts_as_multi_factor_and_the_claim_is_configurable(client, actors, oidc_settings, monkeypatch):
    oidc_settings.TANDEM_OIDC_USERNAME_CLAIM = "upn"
    response = _sign_in(client, monkeypatch, upn="bram", preferred_username="anna", amr=["otp"])
    assert response.status_code == 302 and client.session[VERIFIED_KEY] == actors["partner"].pk


@pytest.mark.parametrize("claims", [
    {"preferred_username": "onbekend", "amr": ["mfa"]},  # no such user: never created
    {"preferred_username": "", "amr": ["mfa"]},
    {"preferred_username": "anna", "amr": ["mfa"], "iss": "https://kwaad.example.test"},
    {"preferred_username": "anna", "amr": ["mfa"], "aud": "ander"},
    {"preferred_username": "anna", "amr": ["mfa"], "exp": 1},
    {"preferred_username": "anna", "amr": ["mfa"], "nonce": "oud"},
])
def test_bad_tokens_and_unknown_users_are_refused(client, actors, oidc_settings, monkeypatch, claims):
    response = _sign_in(client, monkeypatch, **claims)
    assert response.status_code == 400 and "Inloggen via uw organisatie is niet gelukt" in response.content.decode()
    assert "_auth_user_id" not in client.session
    assert AuditEvent.objects.filter(action="sign_in_failed", detail={"step": "oidc"}).exists()


def test_inactive_users_are_refused(client, actors, oidc_settings, monkeypatch):
    actors["consulent"].is_active = False
    actors["consulent"].save()
    assert _sign_in(client, monkeypatch, preferred_username="anna", amr=["mfa"]).status_code == 400


def test_a_wrong_state_is_refused_before_any_exchange(client, actors, oidc_settings, monkeypatch):
    monkeypatch.setattr(oidc, "token_exchange", lambda *a, **k: pytest.fail("no exchange without the state"))
    client.get(START)
    assert client.get(CALLBACK, {"code": "abc", "state": "vals"}).status_code == 400
    assert client.get(CALLBACK, {"code": "abc", "state": "vals"}).status_code == 400  # nothing pending


def test_button_only_when_configured(client, db, settings):
    settings.TANDEM_OIDC_ISSUER = ""
    assert "Inloggen via uw organisatie" not in client.get(reverse("login")).content.decode()
    assert client.get(START).status_code == 404 and client.get(CALLBACK).status_code == 404
    settings.TANDEM_OIDC_ISSUER, settings.TANDEM_OIDC_CLIENT_ID = ISSUER, "tandem"
    settings.TANDEM_OIDC_CLIENT_SECRET = "geheim"
    assert "Inloggen via uw organisatie" in client.get(reverse("login")).content.decode()
