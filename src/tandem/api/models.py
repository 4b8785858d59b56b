"""API clients of an organisation, the answers kept for idempotent POSTs, and the rate counters.

A client's key is shown once and stored only as a SHA-256 hash of a 256-bit random token (docs/api.md); the
`prefix` (the key's first characters, not secret) finds the row. The client acts through its own account
(`actor`, role "koppeling": cases.selectors.acts_for_organisation) so that the dossier's selectors and services
apply to it unchanged, and the access log names it."""
from django.conf import settings
from django.db import models

from tandem.organisations.models import Organisation


class Scope(models.TextChoices):
    READ = "read", "Alleen lezen"
    WRITE = "write", "Lezen en wijzigen"


class ApiClient(models.Model):
    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="api_clients")
    name = models.CharField("naam", max_length=100)
    prefix = models.CharField(max_length=16, unique=True)
    key_hash = models.CharField(max_length=64)
    scope = models.CharField("rechten", max_length=10, choices=Scope.choices, default=Scope.READ)
    actor = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="api_client")
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+")
    expires_at = models.DateTimeField("verloopt op")
    revoked_at = models.DateTimeField("ingetrokken op", null=True, blank=True)
    rate_per_minute = models.PositiveIntegerField("verzoeken per minuut", default=120)

    class Meta:
        ordering = ["organisation__name", "name"]

    def __str__(self) -> str:
        return f"{self.name} ({self.organisation.code})"

    @property
    def may_write(self) -> bool:
        return self.scope == Scope.WRITE


class IdempotentAnswer(models.Model):
    """The answer to a POST with an `Idempotency-Key`: the same key from the same client gets it again."""

    client = models.ForeignKey(ApiClient, on_delete=models.CASCADE, related_name="+")
    key = models.CharField(max_length=100)
    request_hash = models.CharField(max_length=64)  # method, path and body: the same key for another request is refused
    status = models.PositiveSmallIntegerField()
    body = models.JSONField()
    etag = models.CharField(max_length=80, blank=True, default="")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["client", "key"], name="api_idempotency_once")]


class RateWindow(models.Model):
    """Requests of one client in one minute: counted with one atomic UPDATE, shared by every server process."""

    client = models.ForeignKey(ApiClient, on_delete=models.CASCADE, related_name="+")
    minute = models.BigIntegerField()
    count = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["client", "minute"], name="api_rate_window_once")]
