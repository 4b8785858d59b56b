"""Time-based one-time passwords (RFC 6238 on top of RFC 4226 HOTP): 30-second steps, 6 digits, HMAC-SHA-1.

Pure functions, no database: the standard authenticator apps (and `tandem totp-code` for the demo) compute
the same codes from the same base32 secret.
"""
import base64
import hashlib
import hmac
import secrets
import struct
import time
import urllib.parse

STEP = 30
DIGITS = 6
WINDOW = 1  # accept the step before and after the current one (clock drift)


def new_secret() -> str:
    """160 random bits as base32 (what authenticator apps expect), without padding."""
    return base64.b32encode(secrets.token_bytes(20)).decode().rstrip("=")


def _key(secret: str) -> bytes:
    cleaned = secret.replace(" ", "").upper()
    return base64.b32decode(cleaned + "=" * (-len(cleaned) % 8))


def hotp(key: bytes, counter: int, digits: int = DIGITS, digest=hashlib.sha1) -> str:
    """RFC 4226 §5.3: HMAC of the 8-byte counter, dynamic truncation, modulo 10^digits."""
    mac = hmac.new(key, struct.pack(">Q", counter), digest).digest()
    offset = mac[-1] & 0x0F
    number = struct.unpack(">I", mac[offset:offset + 4])[0] & 0x7FFFFFFF
    return str(number % 10 ** digits).zfill(digits)


def time_step(at: float | None = None) -> int:
    return int((time.time() if at is None else at) // STEP)


def code_at(secret: str, at: float | None = None) -> str:
    """The code an authenticator app shows at time `at` (default now)."""
    return hotp(_key(secret), time_step(at))


def matching_step(secret: str, code: str, *, at: float | None = None, after_step: int | None = None) -> int | None:
    """The time step whose code equals `code` within ±WINDOW steps, or None.

    Steps at or before `after_step` (the last one used) are refused, so a code cannot be replayed."""
    code = (code or "").strip().replace(" ", "")
    if len(code) != DIGITS or not code.isdigit():
        return None
    key, now = _key(secret), time_step(at)
    for step in range(now - WINDOW, now + WINDOW + 1):
        if after_step is not None and step <= after_step:
            continue
        if hmac.compare_digest(hotp(key, step), code):
            return step
    return None


def provisioning_uri(secret: str, account: str, issuer: str = "Tandem") -> str:
    """The otpauth:// URI authenticator apps read (Google Authenticator key URI format)."""
    label = urllib.parse.quote(f"{issuer}:{account}")
    query = urllib.parse.urlencode({"secret": secret, "issuer": issuer, "algorithm": "SHA1",
                                    "digits": DIGITS, "period": STEP})
    return f"otpauth://totp/{label}?{query}"
