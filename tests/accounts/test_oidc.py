"""Signing in through the organisation's OpenID Connect provider: a real provider in the test process
(tests/oidc_provider.py: own RSA key, discovery, JWKS, token endpoint), Tandem's client is mozilla-django-oidc.
A valid, an expired, a wrongly signed and a wrong-audience ID token; no accounts created; amr decides 2FA."""
import pytest
from django.urls import reverse

from tandem.accounts.verification import VERIFIED_KEY
from tandem.audit.models import AuditEvent

from .helpers import give_device

START, CALLBACK = reverse("accounts:oidc_start"), reverse("accounts:oidc_callback")
FAILED = "Inloggen via uw organisatie is niet gelukt"


@pytest.fixture
def provider(oidc_provider, settings):
    settings.TANDEM_OIDC_ISSUER = oidc_provider.issuer
    settings.TANDEM_OIDC_CLIENT_ID = oidc_provider.client_id
    settings.TANDEM_OIDC_CLIENT_SECRET = oidc_provider.client_secret
    return oidc_provider


def _sign_in(client, provider, *, mode="valid", next_url=None, **claims):
    """Start at Tandem, let the provider sign the person in, follow the redirect back to the callback."""
    provider.next_login(mode=mode, **claims)
    response = client.get(START, {"next": next_url} if next_url else {})
    assert response.status_code == 302
    assert "code_challenge=" in response["Location"] and "nonce=" in response["Location"]
    return client.get(provider.authorize(response["Location"]))


def test_provider_with_mfa_signs_in_fully(client, actors, provider):
    response = _sign_in(client, provider, next_url=reverse("monitor:index"), preferred_username="anna",
                        amr=["pwd", "mfa"])
    assert response.status_code == 302 and response["Location"] == reverse("monitor:index")
    assert client.session[VERIFIED_KEY] == actors["consulent"].pk
    assert AuditEvent.objects.filter(action="sign_in", detail={"method": "oidc_mfa"}).exists()
    request = provider.token_requests[-1]  # PKCE: the verifier went to the token endpoint
    assert request["code_verifier"] and request["redirect_uri"].endswith(CALLBACK)


@pytest.mark.parametrize("amr", [None, ["pwd"], "pwd"])
def test_provider_without_mfa_still_asks_for_the_totp_code(client, actors, provider, amr):
    give_device(actors["consulent"])
    claims = {"preferred_username": "anna", **({"amr": amr} if amr else {})}
    response = _sign_in(client, provider, **claims)
    assert response["Location"] == reverse("accounts:verify")
    assert VERIFIED_KEY not in client.session
    assert client.get(reverse("cases:my_families"))["Location"] == reverse("accounts:verify")


def test_otp_counts_as_multi_factor_and_the_claim_is_configurable(client, actors, provider, settings):
    settings.TANDEM_OIDC_USERNAME_CLAIM = "upn"
    response = _sign_in(client, provider, upn="bram", preferred_username="anna", amr=["otp"])
    assert response.status_code == 302 and client.session[VERIFIED_KEY] == actors["partner"].pk


@pytest.mark.parametrize("mode, claims", [
    ("expired", {"preferred_username": "anna", "amr": ["mfa"]}),
    ("wrong_key", {"preferred_username": "anna", "amr": ["mfa"]}),
    ("wrong_audience", {"preferred_username": "anna", "amr": ["mfa"]}),
    ("valid", {"preferred_username": "anna", "amr": ["mfa"], "iss": "https://kwaad.example.test"}),
    ("valid", {"preferred_username": "anna", "amr": ["mfa"], "nonce": "oud"}),
    ("valid", {"preferred_username": "anna", "amr": ["mfa"], "aud": ["tandem", "ander"]}),  # no azp
    ("valid", {"preferred_username": "onbekend", "amr": ["mfa"]}),  # no such user: never created
    ("valid", {"preferred_username": "", "amr": ["mfa"]}),
])
def test_bad_tokens_and_unknown_users_are_refused(client, actors, provider, mode, claims):
    from tandem.organisations.models import User

    users = User.objects.count()
    response = _sign_in(client, provider, mode=mode, **claims)
    assert response.status_code == 400 and FAILED in response.content.decode()
    assert "_auth_user_id" not in client.session and User.objects.count() == users
    assert AuditEvent.objects.filter(action="sign_in_failed", detail={"step": "oidc"}).exists()


def test_inactive_users_are_refused(client, actors, provider):
    actors["consulent"].is_active = False
    actors["consulent"].save()
    assert _sign_in(client, provider, preferred_username="anna", amr=["mfa"]).status_code == 400


def test_a_locked_account_is_refused_at_the_provider_too(client, actors, provider):
    from tandem.accounts import lockout

    for _ in range(lockout.ACCOUNT_LIMIT):
        lockout.attempt_failed(lockout.attempt_start(username="anna", address="10.0.0.1"))
    response = _sign_in(client, provider, preferred_username="anna", amr=["mfa"])
    assert response.status_code == 400 and "Te veel mislukte pogingen" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_a_wrong_or_replayed_state_is_refused_before_any_exchange(client, actors, provider):
    provider.next_login(preferred_username="anna", amr=["mfa"])
    back = provider.authorize(client.get(START)["Location"])
    forged = back.split("state=")[0] + "state=vals"
    assert client.get(forged).status_code == 400
    assert provider.token_requests == []  # Tandem never asked the provider
    assert client.get(back).status_code == 302  # the real one still works, once
    client.post(reverse("logout"))
    assert client.get(back).status_code == 400  # the state was used up


def test_a_portal_state_does_not_count_here(client, actors, provider, settings):
    settings.TANDEM_PORTAL_OIDC_ISSUER, settings.TANDEM_PORTAL_OIDC_CLIENT_ID = provider.issuer, provider.client_id
    settings.TANDEM_PORTAL_OIDC_CLIENT_SECRET = provider.client_secret
    provider.next_login(preferred_username="anna", amr=["mfa"], bsn="111222333")
    back = provider.authorize(client.get(reverse("portal:digid_start"))["Location"])
    response = client.get(CALLBACK + "?" + back.split("?")[1])
    assert response.status_code == 400 and "_auth_user_id" not in client.session


def test_button_only_when_configured(client, db, settings, oidc_provider):
    settings.TANDEM_OIDC_ISSUER = ""
    assert "Inloggen via uw organisatie" not in client.get(reverse("login")).content.decode()
    assert client.get(START).status_code == 404 and client.get(CALLBACK).status_code == 404
    settings.TANDEM_OIDC_ISSUER, settings.TANDEM_OIDC_CLIENT_ID = oidc_provider.issuer, "tandem"
    settings.TANDEM_OIDC_CLIENT_SECRET = "geheim"
    assert "Inloggen via uw organisatie" in client.get(reverse("login")).content.decode()


def test_configured_endpoints_need_no_discovery(client, actors, provider, settings):
    settings.TANDEM_OIDC_AUTHORIZATION_ENDPOINT = provider.issuer + "/authorize"
    settings.TANDEM_OIDC_TOKEN_ENDPOINT = provider.issuer + "/token"
    settings.TANDEM_OIDC_JWKS_ENDPOINT = provider.issuer + "/jwks"
    settings.TANDEM_OIDC_ISSUER = provider.issuer  # still checked against the token's iss
    from tandem.core import openid_connect

    assert _sign_in(client, provider, preferred_username="anna", amr=["mfa"]).status_code == 302
    assert provider.issuer not in openid_connect._discovered


def test_an_unreachable_provider_gives_a_dutch_message(client, db, settings):
    settings.TANDEM_OIDC_ISSUER, settings.TANDEM_OIDC_CLIENT_ID = "http://127.0.0.1:9", "tandem"
    settings.TANDEM_OIDC_CLIENT_SECRET = "geheim"
    response = client.get(START)
    assert response.status_code == 400 and FAILED in response.content.decode()
