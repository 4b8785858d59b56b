"""Encryption at rest for secrets kept in the database (the TOTP secrets of professionals).

The keys come from the environment, never from the database: `TANDEM_ENCRYPTION_KEYS`, comma-separated, newest
first (settings.py). Each key is any long random string; a Fernet key (AES-128-CBC + HMAC-SHA256, from the
maintained `cryptography` package) is derived from it with HKDF-SHA256. New values are encrypted with the newest
key; a value encrypted with any listed key can be read (`MultiFernet`), so keys rotate without downtime:
put a new key in front, run `tandem rotate-keys` (re-encrypts every value with the newest key), then drop the
old key. docs/security.md, "Keys".

Why not django-fernet-encrypted-fields: it derives its keys from SECRET_KEY (so rotating the session/CSRF secret
would make every secret unreadable) and, when a value cannot be decrypted, silently hands back the ciphertext.
"""
import base64
from functools import lru_cache

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from django.conf import settings
from django.db import models, transaction

INFO = b"tandem encryption at rest v1"


class UnreadableSecret(RuntimeError):
    """A value in the database that none of the configured keys can decrypt (a key was dropped too early)."""


def _fernet_key(secret: str) -> bytes:
    raw = HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=INFO).derive(secret.encode())
    return base64.urlsafe_b64encode(raw)


@lru_cache(maxsize=4)
def _cipher(keys: tuple[str, ...]) -> MultiFernet:
    if not keys:
        raise UnreadableSecret("TANDEM_ENCRYPTION_KEYS is leeg: zonder sleutel kan Tandem geen geheimen bewaren.")
    return MultiFernet([Fernet(_fernet_key(key)) for key in keys])


def cipher() -> MultiFernet:
    return _cipher(tuple(settings.TANDEM_ENCRYPTION_KEYS))


def encrypt(plain: str) -> str:
    return cipher().encrypt(plain.encode()).decode()


def decrypt(token: str) -> str:
    try:
        return cipher().decrypt(token.encode()).decode()
    except InvalidToken as exc:
        raise UnreadableSecret("Een versleutelde waarde past bij geen van de sleutels in TANDEM_ENCRYPTION_KEYS. "
                               "Zet de oude sleutel terug (achteraan) en draai `tandem rotate-keys`.") from exc


class EncryptedTextField(models.TextField):
    """Plain text in Python, Fernet ciphertext in the database. Lookups on it cannot match (each encryption is
    different): find rows by another column."""

    def from_db_value(self, value, expression, connection):
        return None if value is None else decrypt(value)

    def get_prep_value(self, value):
        value = super().get_prep_value(value)
        return None if value is None else encrypt(value)


def encrypted_fields() -> list[tuple[type[models.Model], str]]:
    from django.apps import apps

    return [(model, field.name) for model in apps.get_models() for field in model._meta.concrete_fields
            if isinstance(field, EncryptedTextField)]


@transaction.atomic
def encrypted_values_rotate() -> int:
    """Re-encrypt every encrypted value with the newest key (`tandem rotate-keys`); the number of values."""
    count = 0
    for model, name in encrypted_fields():
        for pk, value in list(model._base_manager.exclude(**{name: None}).values_list("pk", name)):
            count += model._base_manager.filter(pk=pk).update(**{name: value})
    return count
