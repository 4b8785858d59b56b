"""Strong sign-in: lock-out after repeated failures, TOTP devices, and the access-log entries of signing in.

Audit entries name the step and the method, never the typed login name, password or code."""
import hashlib
import hmac
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from tandem.accounts import totp
from tandem.accounts.models import AttemptKind, LoginAttempt, TotpDevice
from tandem.audit.services import audit_record

MAX_FAILURES = 5
WINDOW = timedelta(minutes=15)  # failures counted within, and the length of a lock-out
LOCKED = ("Te veel mislukte pogingen. Om uw account te beschermen kunt u 15 minuten niet inloggen. "
          "Probeer het daarna opnieuw, of vraag uw beheerder om hulp.")


def attempt_key(username: str) -> str:
    name = (username or "").strip().lower().encode()
    return hmac.new(settings.SECRET_KEY.encode(), b"login:" + name, hashlib.sha256).hexdigest()


def _last_lockout(key: str):
    return LoginAttempt.objects.filter(key=key, kind=AttemptKind.LOCKOUT).order_by("-at").first()


def is_locked(username: str, *, now=None) -> bool:
    now = now or timezone.now()
    lockout = _last_lockout(attempt_key(username))
    return lockout is not None and lockout.at > now - WINDOW


def refuse_locked(*, user, step: str) -> None:
    """An attempt while locked out: not checked at all, only logged."""
    audit_record(actor=user, action="sign_in_refused", detail={"step": step, "reason": "locked"})


@transaction.atomic
def register_failure(username: str, *, user, step: str, now=None) -> bool:
    """Count one failed attempt; True when it starts a lock-out (MAX_FAILURES within WINDOW)."""
    now, key = now or timezone.now(), attempt_key(username)
    LoginAttempt.objects.create(key=key, at=now, kind=AttemptKind.FAILURE, step=step)
    since = now - WINDOW
    lockout = _last_lockout(key)
    if lockout is not None and lockout.at > since:
        since = lockout.at
    failures = LoginAttempt.objects.filter(key=key, kind=AttemptKind.FAILURE, at__gte=since).count()
    if failures < MAX_FAILURES:
        audit_record(actor=user, action="sign_in_failed", detail={"step": step})
        return False
    LoginAttempt.objects.create(key=key, at=now, kind=AttemptKind.LOCKOUT, step=step)
    audit_record(actor=user, action="sign_in_locked", detail={"step": step, "failures": failures})
    return True


def log_failure(*, user, step: str) -> None:
    """A failure that is not guessing (e.g. the organisation's provider refused): logged, not counted."""
    audit_record(actor=user, action="sign_in_failed", detail={"step": step})


def register_success(user, *, method: str) -> None:
    """Fully signed in (both factors, or the organisation's provider with multi-factor)."""
    LoginAttempt.objects.filter(key=attempt_key(user.get_username()), kind=AttemptKind.FAILURE).delete()
    audit_record(actor=user, action="sign_in", detail={"method": method})


def confirmed_device(user) -> TotpDevice | None:
    return TotpDevice.objects.filter(user=user, confirmed_at__isnull=False).first()


def device_for_setup(user) -> TotpDevice:
    """The unconfirmed device being set up (the same secret on every visit until it is confirmed)."""
    device, _ = TotpDevice.objects.get_or_create(user=user, defaults={"secret": totp.new_secret()})
    return device


def use_code(device: TotpDevice, code: str) -> bool:
    """True when `code` is valid now and newer than the last one used; records its step (no replay)."""
    step = totp.matching_step(device.secret, code, after_step=device.last_used_step)
    if step is None:
        return False
    newer = TotpDevice.objects.filter(Q(last_used_step__isnull=True) | Q(last_used_step__lt=step), pk=device.pk)
    if not newer.update(last_used_step=step):  # someone used this step at the same moment
        return False
    device.last_used_step = step
    return True


def confirm_device(device: TotpDevice, code: str) -> bool:
    if not use_code(device, code):
        return False
    device.confirmed_at = timezone.now()
    device.save(update_fields=["confirmed_at"])
    audit_record(actor=device.user, action="totp_confirmed", obj=device)
    return True
