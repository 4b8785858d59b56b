"""Professionals signing in through their organisation's OpenID Connect provider (optional).

Settings (each falling back to the environment variable of the same name): TANDEM_OIDC_ISSUER,
TANDEM_OIDC_CLIENT_ID, TANDEM_OIDC_CLIENT_SECRET (all three required to show the button),
TANDEM_OIDC_USERNAME_CLAIM (default "preferred_username"), TANDEM_OIDC_SCOPE (default "openid profile"),
TANDEM_OIDC_AUTHORIZATION_ENDPOINT and TANDEM_OIDC_TOKEN_ENDPOINT (default ISSUER/authorize and ISSUER/token).
Register https://<host>/inloggen/organisatie/terug/ as redirect URI.

The claim must name an existing, active user (no accounts are created). The provider's sign-in counts as
both factors only when the ID token's `amr` claim contains "mfa" or "otp"; otherwise Tandem still asks for
its own TOTP code. The flow is `tandem.core.oidc`; `token_exchange` is the only network call (tests replace it
here).
"""
from tandem.core import oidc as core
from tandem.core.exceptions import RuleViolation
from tandem.core.oidc import OidcConfig, authorization_request, token_exchange  # noqa: F401 (re-exported)
from tandem.organisations.models import User

FAILED = "Inloggen via uw organisatie is niet gelukt. Probeer het opnieuw of log in met uw wachtwoord."
MULTI_FACTOR = {"mfa", "otp"}


def oidc_config() -> OidcConfig | None:
    return core.load_config("TANDEM_OIDC", claim_setting="USERNAME_CLAIM", claim_default="preferred_username",
                            scope_default="openid profile")


def multi_factor(claims: dict) -> bool:
    amr = claims.get("amr") or []
    values = [amr] if isinstance(amr, str) else amr if isinstance(amr, list) else []
    return any(str(value).lower() in MULTI_FACTOR for value in values)


def user_from_callback(config: OidcConfig, *, code: str, state: str, pending: dict | None) -> tuple[User, bool]:
    """The active user named by the ID token, and whether the provider used more than one factor."""
    claims = core.claims_from_callback(config, code=code, state=state, pending=pending, failed=FAILED,
                                       exchange=token_exchange)
    username = str(claims.get(config.claim, "") or "")
    if not core.claims_valid(config, claims, nonce=pending["nonce"]) or not username:
        raise RuleViolation("oidc_failed", FAILED)
    user = User.objects.filter(username=username, is_active=True).first()
    if user is None:
        raise RuleViolation("oidc_unknown_user", FAILED)
    return user, multi_factor(claims)
