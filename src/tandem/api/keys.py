"""API keys: `tdm_<prefix>_<secret>`. The prefix finds the client, the secret (256 bits from `secrets`) is never
stored: only the SHA-256 of the whole key. A key of this entropy needs no slow hash (docs/api.md)."""
import hashlib
import hmac
import re
import secrets

KEY_PATTERN = re.compile(r"^tdm_([0-9a-f]{12})_([A-Za-z0-9_-]{43})$")


def new_key() -> tuple[str, str]:
    """A fresh key and its prefix."""
    prefix = secrets.token_hex(6)
    return f"tdm_{prefix}_{secrets.token_urlsafe(32)}", prefix


def key_hash(key: str) -> str:
    return hashlib.sha256(key.encode("ascii")).hexdigest()


def prefix_of(key: str) -> str | None:
    match = KEY_PATTERN.match(key or "")
    return match[1] if match else None


def matches(key: str, stored_hash: str) -> bool:
    return hmac.compare_digest(key_hash(key), stored_hash)
