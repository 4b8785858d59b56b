"""Professionals signing in through their organisation's OpenID Connect provider (optional), on
mozilla-django-oidc through `tandem.core.openid_connect` (settings TANDEM_OIDC_*, see there and the README).
Register https://<host>/inloggen/organisatie/terug/ as redirect URI.

The claim TANDEM_OIDC_USERNAME_CLAIM (default "preferred_username") must name an existing, active user: no
accounts are created. The provider's sign-in counts as both factors only when the ID token's `amr` claim
contains "mfa" or "otp"; otherwise Tandem still asks for its own code.
"""
from tandem.core.openid_connect import Flow, FlowBackend, claim_name
from tandem.organisations.models import User

FAILED = "Inloggen via uw organisatie is niet gelukt. Probeer het opnieuw of log in met uw wachtwoord."
MULTI_FACTOR = {"mfa", "otp"}
FLOW = Flow(name="organisation", prefix="TANDEM_OIDC", callback="accounts:oidc_callback",
            claim_setting="USERNAME_CLAIM", claim_default="preferred_username", scope_default="openid profile")


def multi_factor(claims: dict) -> bool:
    amr = claims.get("amr") or []
    values = [amr] if isinstance(amr, str) else amr if isinstance(amr, list) else []
    return any(str(value).lower() in MULTI_FACTOR for value in values)


class OrganisationBackend(FlowBackend):
    """The active user named by the verified ID token; `user.oidc_multi_factor` says whether the provider used
    more than one factor."""

    flow = FLOW

    def identity_from_claims(self, claims: dict):
        username = str(claims.get(claim_name(self.flow), "") or "")
        user = User.objects.filter(username=username, is_active=True).first() if username else None
        if user is not None:
            user.oidc_multi_factor = multi_factor(claims)
        return user
