"""`Authorization: Bearer <key>`: the client's account becomes `request.user`, the client `request.auth`."""
from django.utils import timezone
from drf_spectacular.extensions import OpenApiAuthenticationExtension
from rest_framework import authentication, exceptions

from tandem.api import keys, rules
from tandem.api.models import ApiClient
from tandem.core.exceptions import RuleViolation

INVALID = "De sleutel klopt niet. Stuur de header 'Authorization: Bearer <sleutel>'."


class KeyFailed(exceptions.AuthenticationFailed):
    def __init__(self, code: str, message: str):
        super().__init__(detail=message, code=code)


class BearerKeyAuthentication(authentication.BaseAuthentication):
    def authenticate(self, request):
        header = authentication.get_authorization_header(request).decode("latin-1", "replace").split()
        if not header:
            return None
        if len(header) != 2 or header[0].lower() != "bearer":
            raise KeyFailed("key_invalid", INVALID)
        return self._client(header[1])

    @staticmethod
    def _client(key: str):
        prefix = keys.prefix_of(key)
        client = (ApiClient.objects.select_related("actor__organisation", "organisation").filter(prefix=prefix).first()
                  if prefix else None)
        if client is None or not keys.matches(key, client.key_hash):
            raise KeyFailed("key_invalid", INVALID)
        try:
            rules.check_key_usable(revoked_at=client.revoked_at, expires_at=client.expires_at, now=timezone.now())
        except RuleViolation as exc:
            raise KeyFailed(exc.code, exc.message) from exc
        if not client.actor.is_active:
            raise KeyFailed("key_revoked", "Deze sleutel is ingetrokken. Vraag de beheerder om een nieuwe.")
        return client.actor, client

    def authenticate_header(self, request):
        return 'Bearer realm="tandem"'


class BearerKeyScheme(OpenApiAuthenticationExtension):
    target_class = "tandem.api.authentication.BearerKeyAuthentication"
    name = "sleutel"

    def get_security_definition(self, auto_schema):
        return {"type": "http", "scheme": "bearer",
                "description": "De sleutel van een API-client (tandem apikey create)."}
