"""Sign-in with DigiD through the municipality's OpenID Connect provider (authorization-code flow with PKCE).

Configured by settings, each falling back to the environment variable of the same name:
  TANDEM_PORTAL_OIDC_ISSUER, TANDEM_PORTAL_OIDC_CLIENT_ID, TANDEM_PORTAL_OIDC_CLIENT_SECRET (required),
  TANDEM_PORTAL_OIDC_AUTHORIZATION_ENDPOINT (default ISSUER/authorize), TANDEM_PORTAL_OIDC_TOKEN_ENDPOINT
  (default ISSUER/token), TANDEM_PORTAL_OIDC_BSN_CLAIM (default "bsn"), TANDEM_PORTAL_OIDC_SCOPE
  (default "openid bsn").
Without issuer, client id and secret the DigiD button is hidden and these views answer 404.

The ID token comes straight from the token endpoint over TLS, so, as OpenID Connect Core 1.0 §3.1.3.7 (6)
allows, TLS server validation stands in for checking its signature; issuer, audience, expiry and nonce are
checked here. `token_exchange` is the only function that talks to the outside world; tests replace it.
"""
import base64
import hashlib
import json
import os
import secrets
import time
import urllib.parse
import urllib.request
from dataclasses import dataclass

from django.conf import settings

from tandem.core.exceptions import RuleViolation

FAILED = "Inloggen met DigiD is niet gelukt. Probeer het opnieuw of vraag uw hulpverlener om een inlogcode."


@dataclass(frozen=True)
class OidcConfig:
    issuer: str
    client_id: str
    client_secret: str
    authorization_endpoint: str
    token_endpoint: str
    bsn_claim: str
    scope: str


def _setting(name: str, default: str = "") -> str:
    return getattr(settings, name, None) or os.environ.get(name, "") or default


def oidc_config() -> OidcConfig | None:
    issuer = _setting("TANDEM_PORTAL_OIDC_ISSUER").rstrip("/")
    client_id, secret = _setting("TANDEM_PORTAL_OIDC_CLIENT_ID"), _setting("TANDEM_PORTAL_OIDC_CLIENT_SECRET")
    if not (issuer and client_id and secret):
        return None
    return OidcConfig(
        issuer=issuer, client_id=client_id, client_secret=secret,
        authorization_endpoint=_setting("TANDEM_PORTAL_OIDC_AUTHORIZATION_ENDPOINT", issuer + "/authorize"),
        token_endpoint=_setting("TANDEM_PORTAL_OIDC_TOKEN_ENDPOINT", issuer + "/token"),
        bsn_claim=_setting("TANDEM_PORTAL_OIDC_BSN_CLAIM", "bsn"),
        scope=_setting("TANDEM_PORTAL_OIDC_SCOPE", "openid bsn"))


def _b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def authorization_request(config: OidcConfig, redirect_uri: str) -> tuple[str, dict]:
    """The URL to send the resident to, and what the session must remember for the callback."""
    state, nonce, verifier = secrets.token_urlsafe(24), secrets.token_urlsafe(24), secrets.token_urlsafe(48)
    challenge = _b64url(hashlib.sha256(verifier.encode()).digest())
    query = urllib.parse.urlencode({
        "response_type": "code", "client_id": config.client_id, "redirect_uri": redirect_uri,
        "scope": config.scope, "state": state, "nonce": nonce,
        "code_challenge": challenge, "code_challenge_method": "S256"})
    return f"{config.authorization_endpoint}?{query}", {"state": state, "nonce": nonce, "verifier": verifier,
                                                       "redirect_uri": redirect_uri}


def token_exchange(config: OidcConfig, *, code: str, redirect_uri: str, verifier: str) -> dict:
    """POST the authorization code to the provider's token endpoint (the only network call)."""
    body = urllib.parse.urlencode({
        "grant_type": "authorization_code", "code": code, "redirect_uri": redirect_uri,
        "client_id": config.client_id, "client_secret": config.client_secret, "code_verifier": verifier,
    }).encode()
    request = urllib.request.Request(config.token_endpoint, data=body, method="POST",
                                     headers={"Content-Type": "application/x-www-form-urlencoded",
                                              "Accept": "application/json"})
    with urllib.request.urlopen(request, timeout=10) as response:
        return json.loads(response.read().decode())


def id_token_claims(id_token: str) -> dict:
    try:
        payload = id_token.split(".")[1]
        return json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))
    except (IndexError, ValueError, AttributeError) as exc:
        raise RuleViolation("oidc_failed", FAILED) from exc


def check_claims(config: OidcConfig, claims: dict, *, nonce: str, now: float | None = None) -> str:
    """Issuer, audience, expiry and nonce must match; returns the BSN from the configured claim."""
    now = time.time() if now is None else now
    audience = claims.get("aud")
    audiences = audience if isinstance(audience, list) else [audience]
    ok = (str(claims.get("iss", "")).rstrip("/") == config.issuer and config.client_id in audiences
          and float(claims.get("exp", 0)) > now and claims.get("nonce") == nonce)
    bsn = str(claims.get(config.bsn_claim, "") or "")
    if not ok or not (len(bsn) == 9 and bsn.isdigit()):
        raise RuleViolation("oidc_failed", FAILED)
    return bsn


def bsn_from_callback(config: OidcConfig, *, code: str, state: str, pending: dict | None) -> str:
    """Check the state, exchange the code, check the ID token; the BSN of the resident who signed in."""
    if not pending or not code or not secrets.compare_digest(str(state), pending.get("state", "")):
        raise RuleViolation("oidc_failed", FAILED)
    try:
        tokens = token_exchange(config, code=code, redirect_uri=pending["redirect_uri"],
                                verifier=pending["verifier"])
    except (OSError, ValueError) as exc:
        raise RuleViolation("oidc_failed", FAILED) from exc
    return check_claims(config, id_token_claims(tokens.get("id_token", "")), nonce=pending["nonce"])
