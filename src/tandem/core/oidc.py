"""OpenID Connect authorization-code flow with PKCE, shared by the resident portal (DigiD) and the
professionals' sign-in through their organisation's provider.

Each user of this module reads its own settings (`load_config(prefix, ...)` with e.g. prefix
"TANDEM_PORTAL_OIDC" or "TANDEM_OIDC"): PREFIX_ISSUER, PREFIX_CLIENT_ID, PREFIX_CLIENT_SECRET (required),
PREFIX_AUTHORIZATION_ENDPOINT (default ISSUER/authorize), PREFIX_TOKEN_ENDPOINT (default ISSUER/token),
PREFIX_SCOPE and the name of the claim that identifies the person (PREFIX_<claim_setting>).

The ID token comes straight from the token endpoint over TLS, so, as OpenID Connect Core 1.0 §3.1.3.7 (6)
allows, TLS server validation stands in for checking its signature; issuer, audience, expiry and nonce are
checked here. `token_exchange` is the only function that talks to the outside world; its callers pass it in
(`claims_from_callback(..., exchange=...)`) so that tests replace only the provider.
"""
import base64
import hashlib
import json
import os
import secrets
import time
import urllib.parse
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass

from django.conf import settings

from tandem.core.exceptions import RuleViolation


@dataclass(frozen=True)
class OidcConfig:
    issuer: str
    client_id: str
    client_secret: str
    authorization_endpoint: str
    token_endpoint: str
    claim: str
    scope: str


def setting(name: str, default: str = "") -> str:
    """A setting, falling back to the environment variable of the same name, then to `default`."""
    return getattr(settings, name, None) or os.environ.get(name, "") or default


def load_config(prefix: str, *, claim_setting: str, claim_default: str, scope_default: str) -> OidcConfig | None:
    """None unless issuer, client id and client secret are all set."""
    issuer = setting(f"{prefix}_ISSUER").rstrip("/")
    client_id, secret = setting(f"{prefix}_CLIENT_ID"), setting(f"{prefix}_CLIENT_SECRET")
    if not (issuer and client_id and secret):
        return None
    return OidcConfig(
        issuer=issuer, client_id=client_id, client_secret=secret,
        authorization_endpoint=setting(f"{prefix}_AUTHORIZATION_ENDPOINT", issuer + "/authorize"),
        token_endpoint=setting(f"{prefix}_TOKEN_ENDPOINT", issuer + "/token"),
        claim=setting(f"{prefix}_{claim_setting}", claim_default),
        scope=setting(f"{prefix}_SCOPE", scope_default))


def _b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def authorization_request(config: OidcConfig, redirect_uri: str) -> tuple[str, dict]:
    """The URL to send the person to, and what the session must remember for the callback."""
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
    request = urllib.request.Request(config.token_endpoint, data=body, method="POST",  # nosec B310: https URL from settings
                                     headers={"Content-Type": "application/x-www-form-urlencoded",
                                              "Accept": "application/json"})
    with urllib.request.urlopen(request, timeout=10) as response:  # nosec B310
        return json.loads(response.read().decode())


def id_token_claims(id_token: str, failed: str) -> dict:
    try:
        payload = id_token.split(".")[1]
        claims = json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))
    except (IndexError, ValueError, AttributeError) as exc:
        raise RuleViolation("oidc_failed", failed) from exc
    if not isinstance(claims, dict):
        raise RuleViolation("oidc_failed", failed)
    return claims


def claims_valid(config: OidcConfig, claims: dict, *, nonce: str, now: float | None = None) -> bool:
    """Issuer, audience, expiry and nonce match."""
    now = time.time() if now is None else now
    audience = claims.get("aud")
    audiences = audience if isinstance(audience, list) else [audience]
    try:
        fresh = float(claims.get("exp", 0)) > now
    except (TypeError, ValueError):
        return False
    return (str(claims.get("iss", "")).rstrip("/") == config.issuer and config.client_id in audiences
            and fresh and secrets.compare_digest(str(claims.get("nonce", "")), str(nonce)))


def claims_from_callback(config: OidcConfig, *, code: str, state: str, pending: dict | None, failed: str,
                         exchange: Callable[..., dict] = token_exchange) -> dict:
    """Check the state, exchange the code, decode the ID token; its claims (issuer etc. not yet checked)."""
    if not pending or not code or not secrets.compare_digest(str(state), str(pending.get("state", ""))):
        raise RuleViolation("oidc_failed", failed)
    try:
        tokens = exchange(config, code=code, redirect_uri=pending["redirect_uri"], verifier=pending["verifier"])
    except (OSError, ValueError) as exc:
        raise RuleViolation("oidc_failed", failed) from exc
    return id_token_claims(tokens.get("id_token", ""), failed)
