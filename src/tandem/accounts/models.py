"""Second factor (TOTP device) and failed sign-in attempts of professionals."""
from django.conf import settings
from django.db import models


class TotpDevice(models.Model):
    """The authenticator app of one professional. The base32 secret never goes into a log or an audit entry.

    Unconfirmed until the professional has typed a first correct code; `last_used_step` refuses replays."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="totp_device")
    secret = models.CharField(max_length=64)
    created_at = models.DateTimeField(auto_now_add=True)
    confirmed_at = models.DateTimeField(null=True, blank=True)
    last_used_step = models.BigIntegerField(null=True, blank=True)

    def __repr__(self) -> str:  # never show the secret
        return f"<TotpDevice user={self.user_id} confirmed={self.confirmed_at is not None}>"

    __str__ = __repr__


class AttemptKind(models.TextChoices):
    FAILURE = "failure", "Mislukte poging"
    LOCKOUT = "lockout", "Geblokkeerd"


class LoginAttempt(models.Model):
    """A failed attempt (password or code) or the start of a lock-out, per login name.

    `key` is a keyed hash of the login name, so whatever someone typed in the name field (sometimes a
    password) is not stored."""

    key = models.CharField(max_length=64, db_index=True)
    at = models.DateTimeField(db_index=True)
    kind = models.CharField(max_length=10, choices=AttemptKind.choices)
    step = models.CharField(max_length=20)

    class Meta:
        ordering = ["at"]
