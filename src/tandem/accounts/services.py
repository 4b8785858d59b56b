"""Strong sign-in: the second-factor devices (django-otp), recovery codes, and the access-log entries of signing
in and out. The lock-out itself is `accounts/lockout.py`.

Audit entries name the step and the method, never the typed login name, password or code."""
import secrets

import django_otp
from django.db import transaction
from django.utils.crypto import get_random_string
from django_otp.util import random_hex

from tandem.accounts import lockout
from tandem.accounts.models import AuthenticatorDevice, RecoveryCode, RecoveryCodeDevice
from tandem.audit.services import audit_record

RECOVERY_CODES = 10
RECOVERY_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I: easy to read and type; 10 chars = 50 bits


def refuse_locked(*, user, step: str) -> None:
    """An attempt while locked out: not checked at all, only logged."""
    audit_record(actor=user, action="sign_in_refused", detail={"step": step, "reason": "locked"})


def record_failure(attempt: lockout.Attempt, *, user, step: str) -> bool:
    """A failed password or code: counted (it keeps its place) and logged. True when it started a lock-out."""
    if lockout.attempt_failed(attempt):
        audit_record(actor=user, action="sign_in_locked", detail={"step": step, "failures": lockout.ACCOUNT_LIMIT})
        return True
    audit_record(actor=user, action="sign_in_failed", detail={"step": step})
    return False


def log_failure(*, user, step: str) -> None:
    """A failure that is not guessing (e.g. the organisation's provider refused): logged, not counted."""
    audit_record(actor=user, action="sign_in_failed", detail={"step": step})


def register_success(user, *, method: str) -> None:
    """Fully signed in (both factors, or the organisation's provider with multi-factor)."""
    lockout.account_clear(user.get_username())
    audit_record(actor=user, action="sign_in", detail={"method": method})


def sign_out_record(user) -> None:
    audit_record(actor=user, action="sign_out")


def confirmed_device(user) -> AuthenticatorDevice | None:
    return AuthenticatorDevice.objects.devices_for_user(user, confirmed=True).first()


def device_for_setup(user) -> AuthenticatorDevice:
    """The unconfirmed device being set up (the same secret on every visit until it is confirmed)."""
    device, _ = AuthenticatorDevice.objects.get_or_create(
        user=user, defaults={"name": "Authenticator-app", "confirmed": False, "key": random_hex(20)})
    return device


def use_code(device: AuthenticatorDevice, code: str) -> bool:
    """True when `code` is valid now and newer than the last one used (django_otp.verify_token locks the device
    row on PostgreSQL; the device claims the time step with a conditional UPDATE on every database)."""
    return django_otp.verify_token(device.user, device.persistent_id, code) is not None


def use_recovery_code(user, code: str) -> int | None:
    """Use up one recovery code; the number left, or None when the code is not (or no longer) valid."""
    device = RecoveryCodeDevice.objects.filter(user=user, confirmed=True).first()
    if device is None or django_otp.verify_token(user, device.persistent_id, code) is None:
        return None
    return device.codes.filter(used_at__isnull=True).count()


def _new_recovery_code() -> str:
    raw = get_random_string(10, RECOVERY_ALPHABET)
    return f"{raw[:5]}-{raw[5:]}"


@transaction.atomic
def recovery_codes_create(*, user) -> list[str]:
    """Ten new one-time recovery codes; earlier ones stop working. Shown once: only keyed hashes are stored."""
    device, _ = RecoveryCodeDevice.objects.get_or_create(user=user, defaults={"name": "Herstelcodes"})
    device.codes.all().delete()
    codes = [_new_recovery_code() for _ in range(RECOVERY_CODES)]
    for code in codes:
        salt = secrets.token_hex(8)
        RecoveryCode.objects.create(device=device, salt=salt, code_hash=RecoveryCode.hash_for(code, salt))
    audit_record(actor=user, action="recovery_codes_created", obj=device, detail={"count": len(codes)})
    return codes


@transaction.atomic
def device_confirm(*, device: AuthenticatorDevice, code: str) -> list[str] | None:
    """The first correct code confirms the app; returns the new recovery codes (None: the code was wrong)."""
    if not use_code(device, code):
        return None
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    audit_record(actor=device.user, action="totp_confirmed", obj=device)
    return recovery_codes_create(user=device.user)
