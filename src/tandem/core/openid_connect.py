"""OpenID Connect sign-in through mozilla-django-oidc, shared by the professionals' organisation sign-in
(`accounts/oidc.py`, settings TANDEM_OIDC_*) and the portal's DigiD (`portal/oidc.py`, TANDEM_PORTAL_OIDC_*).

mozilla-django-oidc carries the protocol: state, nonce and PKCE in the session, the code exchange, and the
ID token's signature checked against the provider's JWKS (PyJWT). This module only adds what Tandem needs on
top of it: settings per flow (two providers in one site), discovery (`ISSUER/.well-known/openid-configuration`,
unless the endpoints are configured), and stricter ID-token checks than the library's (which skips audience
and issuer): signature, algorithm, issuer, audience (and `azp` with several audiences), expiry and `iat` are
all required. Claims come from the verified ID token only (no userinfo call).

Settings per flow, each falling back to the environment variable of the same name, PREFIX = TANDEM_OIDC or
TANDEM_PORTAL_OIDC: PREFIX_ISSUER, PREFIX_CLIENT_ID, PREFIX_CLIENT_SECRET (all three required, otherwise the
flow is off and its pages answer 404), PREFIX_AUTHORIZATION_ENDPOINT, PREFIX_TOKEN_ENDPOINT, PREFIX_JWKS_ENDPOINT
(each from discovery when empty), PREFIX_SIGN_ALGO (default RS256), PREFIX_SCOPE and the claim setting.
"""
import os
import time
import urllib.parse
from dataclasses import dataclass

import jwt
import requests
from django.conf import settings
from django.core.exceptions import SuspiciousOperation
from django.http import Http404
from mozilla_django_oidc.auth import OIDCAuthenticationBackend
from mozilla_django_oidc.views import OIDCAuthenticationCallbackView, OIDCAuthenticationRequestView

DISCOVERY_SECONDS = 3600
LEEWAY_SECONDS = 30  # clock difference allowed on exp/iat
TIMEOUT_SECONDS = 10
# Everything a provider or its token can do wrong ends in the same refusal (never a traceback).
FAILURES = (SuspiciousOperation, requests.RequestException, jwt.PyJWTError, ValueError, KeyError, TypeError)

_discovered: dict[str, tuple[float, dict]] = {}


@dataclass(frozen=True)
class Flow:
    """One OpenID Connect client of Tandem: where its settings live and where the provider sends people back."""

    name: str
    prefix: str
    callback: str  # URL name
    claim_setting: str
    claim_default: str
    scope_default: str


def setting(name: str, default: str = "") -> str:
    """A setting, falling back to the environment variable of the same name, then to `default`."""
    return getattr(settings, name, None) or os.environ.get(name, "") or default


def enabled(flow: Flow) -> bool:
    return all(setting(f"{flow.prefix}_{part}") for part in ("ISSUER", "CLIENT_ID", "CLIENT_SECRET"))


def discovery(issuer: str) -> dict:
    """The provider's metadata (OpenID Connect Discovery 1.0), cached for an hour; its issuer must match."""
    cached = _discovered.get(issuer)
    if cached and cached[0] > time.time() - DISCOVERY_SECONDS:
        return cached[1]
    response = requests.get(issuer + "/.well-known/openid-configuration", timeout=TIMEOUT_SECONDS)
    response.raise_for_status()
    document = response.json()
    if str(document.get("issuer", "")).rstrip("/") != issuer:
        raise SuspiciousOperation("Discovery document names another issuer.")
    _discovered[issuer] = (time.time(), document)
    return document


def claim_name(flow: Flow) -> str:
    return setting(f"{flow.prefix}_{flow.claim_setting}", flow.claim_default)


def library_settings(flow: Flow) -> dict:
    """The OIDC_* settings mozilla-django-oidc reads, for this flow."""
    issuer = setting(f"{flow.prefix}_ISSUER").rstrip("/")
    endpoints = {name: setting(f"{flow.prefix}_{name}") for name in
                 ("AUTHORIZATION_ENDPOINT", "TOKEN_ENDPOINT", "JWKS_ENDPOINT")}
    if not all(endpoints.values()):
        document = discovery(issuer)
        endpoints = {"AUTHORIZATION_ENDPOINT": endpoints["AUTHORIZATION_ENDPOINT"] or document["authorization_endpoint"],
                     "TOKEN_ENDPOINT": endpoints["TOKEN_ENDPOINT"] or document["token_endpoint"],
                     "JWKS_ENDPOINT": endpoints["JWKS_ENDPOINT"] or document["jwks_uri"]}
    return {
        "ISSUER": issuer,
        "OIDC_RP_CLIENT_ID": setting(f"{flow.prefix}_CLIENT_ID"),
        "OIDC_RP_CLIENT_SECRET": setting(f"{flow.prefix}_CLIENT_SECRET"),
        "OIDC_OP_AUTHORIZATION_ENDPOINT": endpoints["AUTHORIZATION_ENDPOINT"],
        "OIDC_OP_TOKEN_ENDPOINT": endpoints["TOKEN_ENDPOINT"],
        "OIDC_OP_JWKS_ENDPOINT": endpoints["JWKS_ENDPOINT"],
        "OIDC_OP_USER_ENDPOINT": "",  # claims come from the verified ID token
        "OIDC_RP_SIGN_ALGO": setting(f"{flow.prefix}_SIGN_ALGO", "RS256"),
        "OIDC_RP_SCOPES": setting(f"{flow.prefix}_SCOPE", flow.scope_default),
        "OIDC_AUTHENTICATION_CALLBACK_URL": flow.callback,
        "OIDC_USE_NONCE": True,
        "OIDC_USE_PKCE": True,
        "OIDC_CREATE_USER": False,
        "OIDC_STORE_ACCESS_TOKEN": False,
        "OIDC_STORE_ID_TOKEN": False,
        "OIDC_TIMEOUT": TIMEOUT_SECONDS,
        "OIDC_ALLOW_UNSECURED_JWT": False,
    }


class FlowSettingsMixin:
    """Makes mozilla-django-oidc read this flow's settings instead of the global OIDC_* ones."""

    flow: Flow
    _flow_settings: dict | None = None

    def get_settings(self, attr, *args):
        if self._flow_settings is None:
            self._flow_settings = library_settings(self.flow)
        if attr in self._flow_settings:
            return self._flow_settings[attr]
        return getattr(settings, attr, args[0]) if args else getattr(settings, attr)


class FlowBackend(FlowSettingsMixin, OIDCAuthenticationBackend):
    """Answers only at its own flow's callback URL (so the password form and the other flow never reach it) and
    checks the ID token strictly. Subclasses turn the verified claims into whom they sign in
    (`identity_from_claims`); returning None or raising SuspiciousOperation refuses."""

    def __init__(self, *args, **kwargs):  # noqa: D107 - settings are read only when this flow is used
        from django.contrib.auth import get_user_model

        self.UserModel = get_user_model()

    def authenticate(self, request, **kwargs):
        from django.urls import reverse

        if request is None or request.path != reverse(self.flow.callback) or not enabled(self.flow):
            return None
        super().__init__()
        return super().authenticate(request, **kwargs)

    def _verify_jws(self, payload, key):
        algorithm = self.get_settings("OIDC_RP_SIGN_ALGO")
        if jwt.get_unverified_header(payload).get("alg") != algorithm:
            raise SuspiciousOperation("Unexpected ID token algorithm.")
        client_id = self.get_settings("OIDC_RP_CLIENT_ID")
        claims = jwt.decode(payload, key, algorithms=[algorithm], audience=client_id,
                            issuer=self.get_settings("ISSUER"), leeway=LEEWAY_SECONDS,
                            options={"require": ["exp", "iat", "iss", "aud"]})
        audience = claims["aud"]
        if isinstance(audience, list) and len(audience) > 1 and claims.get("azp") != client_id:
            raise SuspiciousOperation("ID token for several audiences without us as authorised party.")
        return claims

    def get_or_create_user(self, access_token, id_token, payload):
        identity = self.identity_from_claims(payload)
        if identity is None:
            raise SuspiciousOperation("No one to sign in for these claims.")
        return identity

    def identity_from_claims(self, claims: dict):  # pragma: no cover - abstract
        raise NotImplementedError

    def get_user(self, user_id):
        return None  # sessions are never bound to this backend (views sign in with the ModelBackend)


class FlowStartView(FlowSettingsMixin, OIDCAuthenticationRequestView):
    """Sends the person to the provider (state, nonce and PKCE remembered by the library in the session)."""

    def __init__(self, **kwargs):  # noqa: D107 - settings are read in get(), after the 404 check
        super(OIDCAuthenticationRequestView, self).__init__(**kwargs)

    def get(self, request):
        if not enabled(self.flow):
            raise Http404("Inloggen via OpenID Connect is hier niet ingesteld.")
        try:
            self.OIDC_OP_AUTH_ENDPOINT = self.get_settings("OIDC_OP_AUTHORIZATION_ENDPOINT")
            self.OIDC_RP_CLIENT_ID = self.get_settings("OIDC_RP_CLIENT_ID")
        except FAILURES:
            return self.unavailable(request)
        response = super().get(request)
        state = urllib.parse.parse_qs(urllib.parse.urlparse(response["Location"]).query)["state"][0]
        request.session["oidc_states"][state]["flow"] = self.flow.name  # a state only counts at its own flow
        request.session.modified = True
        return response

    def unavailable(self, request):  # pragma: no cover - abstract
        raise NotImplementedError


class FlowCallbackView(FlowSettingsMixin, OIDCAuthenticationCallbackView):
    """The provider sends the person back here. Whatever goes wrong (state, token endpoint, signature, claims)
    ends in `login_failure`; `login_success` is the subclass's."""

    def get(self, request):
        if not enabled(self.flow):
            raise Http404("Inloggen via OpenID Connect is hier niet ingesteld.")
        pending = request.session.get("oidc_states") or {}
        entry = pending.get(request.GET.get("state", ""))
        if entry is not None and entry.get("flow") != self.flow.name:
            return self.login_failure()
        try:
            return super().get(request)
        except FAILURES:
            return self.login_failure()
