"""Personal data encrypted at rest, and found again through a keyed hash (docs/security.md, "Encryption at rest").

`EncryptedTextField` stores a Fernet token (AES-128-CBC + HMAC-SHA256, `cryptography`'s MultiFernet): the newest
key of `TANDEM_ENCRYPTION_KEYS` encrypts, every listed key decrypts (rotation: put a new key first, run `tandem
encryption rotate`, then drop the old one). The empty string stays empty. A value that no key opens raises, so a
wrong key never shows a token as if it were data. The field cannot be filtered on (tokens are random): give it a
`digest_field` and search that with `lookup_digests()`, an HMAC of the value under a key derived from each
encryption key, so a search finds rows written before and after a rotation.

Why not django-fernet-encrypted-fields (Open Forms): it derives its keys from Django's SECRET_KEY (rotating the
session key would re-key personal data), returns the stored text unchanged when no key opens it, and has no
searchable hash.
"""
import hashlib
import hmac
from functools import lru_cache

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from django.conf import settings
from django.core.exceptions import FieldError, ImproperlyConfigured
from django.db import models, transaction


class UnreadableSecret(ImproperlyConfigured):
    """A value in the database that none of the configured keys can open (a key was dropped too early)."""


@lru_cache(maxsize=4)
def _fernet(keys: tuple[str, ...]) -> MultiFernet:
    return MultiFernet([Fernet(key) for key in keys])


def fernet() -> MultiFernet:
    return _fernet(tuple(settings.TANDEM_ENCRYPTION_KEYS))


def encrypt(value: str) -> str:
    return fernet().encrypt(value.encode()).decode() if value else ""


def decrypt(token: str) -> str:
    if not token:
        return ""
    try:
        return fernet().decrypt(token.encode()).decode()
    except InvalidToken as error:
        raise UnreadableSecret("Een versleuteld gegeven is met geen van de sleutels in TANDEM_ENCRYPTION_KEYS "
                               "te openen (ontbreekt een oude sleutel?).") from error


def rotate(token: str) -> str:
    """The same value under the newest key."""
    return fernet().rotate(token.encode()).decode() if token else ""


@lru_cache(maxsize=4)
def _lookup_keys(keys: tuple[str, ...], purpose: str) -> tuple[bytes, ...]:
    return tuple(HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=f"tandem-lookup:{purpose}".encode())
                 .derive(key.encode()) for key in keys)


def lookup_digests(value: str, purpose: str) -> list[str]:
    """The value's keyed hash under every configured key, newest first (the first one is what is stored)."""
    keys = _lookup_keys(tuple(settings.TANDEM_ENCRYPTION_KEYS), purpose)
    return [hmac.new(key, value.encode(), hashlib.sha256).hexdigest() for key in keys]


def lookup_digest(value: str, purpose: str) -> str:
    return lookup_digests(value, purpose)[0] if value else ""


class EncryptedTextField(models.TextField):
    """Text encrypted at rest. With `digest_field`, saving also sets that field to the value's keyed hash
    (declare the digest field after this one)."""

    def __init__(self, *args, digest_field: str = "", **kwargs):
        self.digest_field = digest_field
        super().__init__(*args, **kwargs)

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        if self.digest_field:
            kwargs["digest_field"] = self.digest_field
        return name, path, args, kwargs

    def from_db_value(self, value, expression, connection):
        return decrypt(value) if value is not None else value

    def get_prep_value(self, value):
        value = super().get_prep_value(value)
        return encrypt(value) if value else value

    def pre_save(self, model_instance, add):
        value = super().pre_save(model_instance, add)
        if self.digest_field:
            setattr(model_instance, self.digest_field, lookup_digest(value or "", self.digest_field))
        return value

    def get_lookup(self, lookup_name):
        if lookup_name != "isnull":
            raise FieldError(f"{self.name} is versleuteld en kan niet worden doorzocht; gebruik "
                             f"{self.digest_field or 'een sleutel-hash'}.")
        return super().get_lookup(lookup_name)


def encrypted_fields() -> list[tuple[type[models.Model], list[EncryptedTextField]]]:
    """Every model with encrypted fields (the BSN, the two-factor keys), and those fields."""
    from django.apps import apps

    found = []
    for model in apps.get_models():
        fields = [f for f in model._meta.concrete_fields if isinstance(f, EncryptedTextField)]
        if fields:
            found.append((model, fields))
    return found


@transaction.atomic
def rotate_model(model, fields, batch: int = 1000) -> int:
    """Every row of `model` under the newest key (values are read decrypted and written encrypted), with its
    lookup hash recomputed. Returns the number of rows."""
    names = [f.name for f in fields] + [f.digest_field for f in fields if f.digest_field]
    rows = list(model._default_manager.select_for_update().only("pk", *names))
    for row in rows:
        for field in fields:
            if field.digest_field:
                setattr(row, field.digest_field, lookup_digest(getattr(row, field.name), field.digest_field))
    model._default_manager.bulk_update(rows, names, batch_size=batch)
    return len(rows)


def encrypted_values_rotate() -> int:
    """Re-encrypt everything encrypted at rest with the newest key (`tandem encryption rotate`): rows changed."""
    return sum(rotate_model(model, fields) for model, fields in encrypted_fields())
