"""Secret keys from the environment or a secret file, never from the database (docs/security.md, "Keys").

`TANDEM_AUDIT_KEY` (the access log's HMAC key) and `TANDEM_ENCRYPTION_KEYS` (Fernet keys for personal data at
rest) each hold one key or several, comma- or newline-separated, newest first; `<NAME>_FILE` names a file that
holds them instead (a Docker/Kubernetes secret). Outside production mode a fixed, public development key is the
default; production mode refuses to start without a real key, or with the development key among them.
Pure apart from reading the environment: settings.py calls `read_keys`.
"""
import os
import re
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured

# Public on purpose: development, tests and the demo only. Production mode refuses both.
DEV_AUDIT_KEY = "tandem-ontwikkelsleutel-logboek-NIET-voor-productie"
DEV_ENCRYPTION_KEY = "VGFuZGVtLW9udHdpa2tlbHNsZXV0ZWwtTklFVC1wcm8="


def _fernet_problem(key: str) -> str | None:
    from cryptography.fernet import Fernet

    try:
        Fernet(key)
    except (ValueError, TypeError):
        return ("is geen geldige Fernet-sleutel (44 tekens base64; maak er een met "
                "`python3 -c \"from cryptography.fernet import Fernet; print(Fernet.generate_key().decode())\"`)")
    return None


def _length_problem(key: str) -> str | None:
    return None if len(key) >= 32 else "is te kort (minstens 32 tekens)"


CHECKS = {"fernet": _fernet_problem, "length": _length_problem}


def read_keys(name: str, *, dev_default: str, production: bool, kind: str = "length",
              environ=os.environ) -> list[str]:
    """The keys in `name` (or the file named by `name`_FILE), newest first; the development key when there are
    none outside production. Raises ImproperlyConfigured with a Dutch message for a missing or bad key."""
    raw = environ.get(name, "")
    if environ.get(f"{name}_FILE"):
        try:
            raw = Path(environ[f"{name}_FILE"]).read_text(encoding="utf-8")
        except OSError as error:
            raise ImproperlyConfigured(f"{name}_FILE kan niet worden gelezen: {error.strerror}.") from error
    keys = [key.strip() for key in re.split(r"[,\n]", raw) if key.strip()]
    if not keys:
        if production:
            raise ImproperlyConfigured(f"TANDEM_PRODUCTION=1 vraagt om {name} (of {name}_FILE): zie docs/security.md.")
        return [dev_default]
    if production and dev_default in keys:
        raise ImproperlyConfigured(f"{name} bevat de openbare ontwikkelsleutel; die mag niet in productie.")
    for number, key in enumerate(keys, start=1):
        problem = CHECKS[kind](key)
        if problem:
            raise ImproperlyConfigured(f"Sleutel {number} in {name} {problem}.")
    return keys
