"""Signing in through the real pages in tests."""
import time

from django.urls import reverse

from tandem.accounts.models import AuthenticatorDevice

SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"


def give_device(user, secret: str = SECRET) -> AuthenticatorDevice:
    return AuthenticatorDevice.objects.create(user=user, name="Test", confirmed=True,
                                              key=AuthenticatorDevice.key_from_base32(secret))


def _device(secret: str) -> AuthenticatorDevice:
    return AuthenticatorDevice(key=AuthenticatorDevice.key_from_base32(secret))


def code(secret: str = SECRET, offset_steps: int = 0) -> str:
    return _device(secret).code_at(time.time() + offset_steps * 30)


def password_step(client, username: str, password: str, **extra):
    return client.post(reverse("login"), {"username": username, "password": password, **extra})


def wrong_code(secret: str = SECRET) -> str:
    """A well-formed code that is not valid now (nor one step either side)."""
    valid = {code(secret, offset) for offset in (-1, 0, 1)}
    return next(c for c in ("123456", "654321", "111111", "222222") if c not in valid)
