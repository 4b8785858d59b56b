"""Signing in through the real pages in tests."""
import time

from django.urls import reverse
from django.utils import timezone

from tandem.accounts import totp
from tandem.accounts.models import TotpDevice

SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"


def give_device(user, secret: str = SECRET) -> TotpDevice:
    return TotpDevice.objects.create(user=user, secret=secret, confirmed_at=timezone.now())


def code(secret: str = SECRET, offset_steps: int = 0) -> str:
    return totp.code_at(secret, time.time() + offset_steps * totp.STEP)


def password_step(client, username: str, password: str, **extra):
    return client.post(reverse("login"), {"username": username, "password": password, **extra})


def wrong_code(secret: str = SECRET) -> str:
    """A well-formed code that is not valid now."""
    return next(c for c in ("123456", "654321", "111111") if totp.matching_step(secret, c) is None)
