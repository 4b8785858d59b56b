"""Sign-in with DigiD through the municipality's OpenID Connect provider (authorization-code flow with PKCE).

The flow itself lives in `tandem.core.oidc` (shared with the professionals' sign-in). Configured by settings,
each falling back to the environment variable of the same name:
  TANDEM_PORTAL_OIDC_ISSUER, TANDEM_PORTAL_OIDC_CLIENT_ID, TANDEM_PORTAL_OIDC_CLIENT_SECRET (required),
  TANDEM_PORTAL_OIDC_AUTHORIZATION_ENDPOINT (default ISSUER/authorize), TANDEM_PORTAL_OIDC_TOKEN_ENDPOINT
  (default ISSUER/token), TANDEM_PORTAL_OIDC_BSN_CLAIM (default "bsn"), TANDEM_PORTAL_OIDC_SCOPE
  (default "openid bsn").
Without issuer, client id and secret the DigiD button is hidden and these views answer 404.
`token_exchange` is the only function that talks to the outside world; tests replace it here.
"""
from tandem.core import oidc as core
from tandem.core.exceptions import RuleViolation
from tandem.core.oidc import OidcConfig, authorization_request, token_exchange  # noqa: F401 (re-exported)

FAILED = "Inloggen met DigiD is niet gelukt. Probeer het opnieuw of vraag uw hulpverlener om een inlogcode."


def oidc_config() -> OidcConfig | None:
    return core.load_config("TANDEM_PORTAL_OIDC", claim_setting="BSN_CLAIM", claim_default="bsn",
                            scope_default="openid bsn")


def id_token_claims(id_token: str) -> dict:
    return core.id_token_claims(id_token, FAILED)


def check_claims(config: OidcConfig, claims: dict, *, nonce: str, now: float | None = None) -> str:
    """Issuer, audience, expiry and nonce must match; returns the BSN from the configured claim."""
    bsn = str(claims.get(config.claim, "") or "")
    if not core.claims_valid(config, claims, nonce=nonce, now=now) or not (len(bsn) == 9 and bsn.isdigit()):
        raise RuleViolation("oidc_failed", FAILED)
    return bsn


def bsn_from_callback(config: OidcConfig, *, code: str, state: str, pending: dict | None) -> str:
    """Check the state, exchange the code, check the ID token; the BSN of the resident who signed in."""
    claims = core.claims_from_callback(config, code=code, state=state, pending=pending, failed=FAILED,
                                       exchange=token_exchange)
    return check_claims(config, claims, nonce=pending["nonce"])
