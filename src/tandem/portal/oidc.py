"""Sign-in with DigiD through the municipality's OpenID Connect provider, on mozilla-django-oidc through
`tandem.core.openid_connect` (settings TANDEM_PORTAL_OIDC_*; the BSN claim TANDEM_PORTAL_OIDC_BSN_CLAIM,
default "bsn"; scope default "openid bsn"). Register https://<host>/mijn/digid/terug/ as redirect URI.
Without issuer, client id and secret the DigiD button is hidden and these views answer 404.

Residents have no Django user: the backend hands the view a `DigiDIdentity` (the BSN from the verified ID token),
and the view finds the household member through `portal.services.portal_login_with_bsn`.
"""
from dataclasses import dataclass

from tandem.core.openid_connect import Flow, FlowBackend, claim_name, enabled

FAILED = "Inloggen met DigiD is niet gelukt. Probeer het opnieuw of vraag uw hulpverlener om een inlogcode."
FLOW = Flow(name="digid", prefix="TANDEM_PORTAL_OIDC", callback="portal:digid_callback", claim_setting="BSN_CLAIM",
            claim_default="bsn", scope_default="openid bsn")


def digid_enabled() -> bool:
    return enabled(FLOW)


@dataclass
class DigiDIdentity:
    """Who DigiD says signed in: only the BSN. Never a Django user, never logged in with `auth.login`."""

    bsn: str
    is_active: bool = True


class DigiDBackend(FlowBackend):
    flow = FLOW

    def identity_from_claims(self, claims: dict):
        bsn = str(claims.get(claim_name(self.flow), "") or "")
        return DigiDIdentity(bsn=bsn) if len(bsn) == 9 and bsn.isdigit() else None
