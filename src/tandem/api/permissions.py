"""Read for every client; changes only for a client with the scope 'write'."""
from rest_framework import permissions

from tandem.api.models import ApiClient


class ClientScope(permissions.BasePermission):
    message = "Deze sleutel mag alleen lezen. Vraag de beheerder om een sleutel met de rechten 'write'."
    code = "scope_read_only"

    def has_permission(self, request, view) -> bool:
        client = request.auth
        if not isinstance(client, ApiClient):
            return False
        return request.method in permissions.SAFE_METHODS or client.may_write
