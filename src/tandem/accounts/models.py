"""Second factor (django-otp devices: the authenticator app and the recovery codes) and the lock-out counters.

Both devices are django-otp `Device`s (so `django_otp.devices_for_user`, `django_otp.verify_token` and the rest
of its framework see them). django-otp's own TOTPDevice and StaticDevice store their secrets in plain text; these
keep the TOTP key encrypted (`core.crypto`, keys from the environment) and only a keyed hash of each
recovery code."""
import base64
import binascii
import time
from urllib.parse import quote, urlencode

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.crypto import constant_time_compare, salted_hmac
from django_otp.models import Device, TimestampMixin
from django_otp.oath import TOTP

from tandem.core.crypto import EncryptedTextField

ISSUER = "Tandem"


def token_digits(token) -> str:
    """What someone typed, without spaces (apps show '123 456')."""
    return "".join(str(token or "").split())


class AuthenticatorDevice(TimestampMixin, Device):
    """The authenticator app of one professional: TOTP (RFC 6238 through django_otp.oath: 30 s, 6 digits,
    HMAC-SHA-1, one step either side). `key` is the hex secret, encrypted at rest; it never goes into a log.

    Unconfirmed until the professional typed a first correct code. `last_t` is the time step of the last code
    accepted: a code is accepted only for a later step, claimed with one conditional UPDATE, so a code cannot be
    used twice, not even by two requests at the same moment."""

    key = EncryptedTextField(help_text="Hex-encoded secret, encrypted with TANDEM_ENCRYPTION_KEYS.")
    step = models.PositiveSmallIntegerField(default=30)
    digits = models.PositiveSmallIntegerField(default=6)
    tolerance = models.PositiveSmallIntegerField(default=1)
    last_t = models.BigIntegerField(default=-1)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user"], name="one_authenticator_per_user")]

    def __repr__(self) -> str:  # never show the secret
        return f"<AuthenticatorDevice user={self.user_id} confirmed={self.confirmed}>"

    __str__ = __repr__

    @staticmethod
    def key_from_base32(secret: str) -> str:
        """The hex key of a base32 secret as authenticator apps show it (spaces and lower case allowed)."""
        cleaned = secret.replace(" ", "").upper()
        return base64.b32decode(cleaned + "=" * (-len(cleaned) % 8)).hex()

    @property
    def bin_key(self) -> bytes:
        return binascii.unhexlify(self.key)

    @property
    def base32_secret(self) -> str:
        """The secret as authenticator apps take it (typed by hand)."""
        return base64.b32encode(self.bin_key).decode().rstrip("=")

    @property
    def config_url(self) -> str:
        """The otpauth:// URI of the QR code (Google Authenticator key URI format)."""
        label = quote(f"{ISSUER}:{self.user.get_username()}")
        query = urlencode({"secret": self.base32_secret, "issuer": ISSUER, "algorithm": "SHA1",
                           "digits": self.digits, "period": self.step})
        return f"otpauth://totp/{label}?{query}"

    def _totp(self, at: float | None) -> TOTP:
        totp = TOTP(self.bin_key, step=self.step, digits=self.digits)
        totp.time = time.time() if at is None else at
        return totp

    def code_at(self, at: float | None = None) -> str:
        """The code the app shows at `at` (default now), zero-padded."""
        return str(self._totp(at).token()).zfill(self.digits)

    def verify_token(self, token, *, at: float | None = None) -> bool:
        token = token_digits(token)
        if len(token) != self.digits or not token.isdigit():
            return False
        totp = self._totp(at)
        if not totp.verify(int(token), tolerance=self.tolerance, min_t=self.last_t + 1):
            return False
        t = totp.t()
        claimed = type(self).objects.filter(pk=self.pk, last_t__lt=t).update(last_t=t, last_used_at=timezone.now())
        if not claimed:  # another request used this step (or a later one) first
            return False
        self.last_t = t
        return True


class RecoveryCodeDevice(TimestampMixin, Device):
    """The one-time recovery codes of one professional (for a lost phone), shown once at set-up."""

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user"], name="one_recovery_set_per_user")]

    def verify_token(self, token) -> bool:
        typed = normalise_recovery_code(token)
        if not typed:
            return False
        for code in self.codes.filter(used_at__isnull=True):
            if code.matches(typed) and RecoveryCode.objects.filter(pk=code.pk, used_at__isnull=True).update(
                    used_at=timezone.now()):  # used up, once, even by two requests at the same moment
                type(self).objects.filter(pk=self.pk).update(last_used_at=timezone.now())
                return True
        return False


def normalise_recovery_code(token) -> str:
    """Codes are shown as ABCDE-FGHJK; people may type them with spaces, dashes or lower case."""
    return "".join(ch for ch in str(token or "").upper() if ch.isalnum())


class RecoveryCode(models.Model):
    """One recovery code: only a salted keyed hash (HMAC-SHA256 with SECRET_KEY, Django's `salted_hmac`)."""

    device = models.ForeignKey(RecoveryCodeDevice, on_delete=models.CASCADE, related_name="codes")
    salt = models.CharField(max_length=32)
    code_hash = models.CharField(max_length=64)
    used_at = models.DateTimeField(null=True, blank=True)

    @staticmethod
    def hash_for(code: str, salt: str, secret: str | None = None) -> str:
        return salted_hmac(f"tandem.recovery-code.{salt}", normalise_recovery_code(code), secret=secret,
                           algorithm="sha256").hexdigest()

    def matches(self, code: str) -> bool:
        secrets = [settings.SECRET_KEY, *getattr(settings, "SECRET_KEY_FALLBACKS", [])]
        return any(constant_time_compare(self.hash_for(code, self.salt, secret), self.code_hash) for secret in secrets)


class SignInCounter(models.Model):
    """Failed sign-in attempts per account or per address, counted atomically (accounts/lockout.py).

    `key` is a keyed hash of "account:<name>" or "address:<ip>", so whatever someone typed in the name field
    (sometimes a password) is not stored. `attempts` counts attempts being checked or failed since
    `window_start`; `locked_until` is set by the failure that reached the limit."""

    key = models.CharField(max_length=64, unique=True)
    attempts = models.PositiveIntegerField(default=0)
    window_start = models.DateTimeField()
    locked_until = models.DateTimeField(null=True, blank=True)
