"""Signing a hand-over with a region's Ed25519 key (`cryptography`) and checking it. No database here.

A hand-over file is one JSON object in the one form Tandem writes (`canonical`): sorted keys, one space of
indent, UTF-8, a final newline. It holds the `document` and a `signature` over the canonical bytes of the
document alone: {"algorithm": "Ed25519", "key": <fingerprint>, "value": <base64>}. A file that is not exactly
that form is refused as altered, so every changed byte is caught: in the document by the signature, elsewhere by
the form (a reader that ignored white space would let an altered file through unnoticed).
"""
import base64
import binascii
import hashlib
import json
import os
from dataclasses import dataclass
from pathlib import Path

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from tandem.core.exceptions import RuleViolation

ALGORITHM = "Ed25519"


class SigningError(RuleViolation):
    """A refused key or hand-over file: a Dutch message for the person, `code` for tests and the log."""


def canonical(value) -> bytes:
    return (json.dumps(value, sort_keys=True, ensure_ascii=False, indent=1) + "\n").encode("utf-8")


def raw_public(public_key: Ed25519PublicKey) -> bytes:
    return public_key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)


def fingerprint(public_key: Ed25519PublicKey) -> str:
    """SHA-256 of the raw public key, hex: what a document names as its key."""
    return hashlib.sha256(raw_public(public_key)).hexdigest()


def public_from_hex(value: str) -> Ed25519PublicKey:
    return Ed25519PublicKey.from_public_bytes(bytes.fromhex(value))


def generate(private_path: Path, public_path: Path) -> Ed25519PublicKey:
    """A new key pair: the private key as PEM readable by its owner only, the public key as PEM."""
    if private_path.exists() or public_path.exists():
        raise SigningError("key_exists", f"Er staat al een bestand op '{private_path}' of '{public_path}'; "
                                         "Tandem overschrijft geen sleutel.")
    key = Ed25519PrivateKey.generate()
    pem = key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                            serialization.NoEncryption())
    descriptor = os.open(private_path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(descriptor, "wb") as handle:
        handle.write(pem)
    public_path.write_bytes(key.public_key().public_bytes(serialization.Encoding.PEM,
                                                          serialization.PublicFormat.SubjectPublicKeyInfo))
    return key.public_key()


def load_private(path: Path) -> Ed25519PrivateKey:
    try:
        key = serialization.load_pem_private_key(path.read_bytes(), password=None)
    except OSError as error:
        raise SigningError("key_unreadable", f"Kan de ondertekensleutel '{path}' niet lezen.") from error
    except (ValueError, TypeError) as error:
        raise SigningError("key_invalid", f"'{path}' is geen onversleutelde Ed25519-sleutel (PEM).") from error
    if not isinstance(key, Ed25519PrivateKey):
        raise SigningError("key_invalid", f"'{path}' is geen Ed25519-sleutel.")
    return key


def load_public(data: bytes) -> Ed25519PublicKey:
    try:
        key = serialization.load_pem_public_key(data)
    except (ValueError, TypeError) as error:
        raise SigningError("key_invalid", "Dit is geen openbare Ed25519-sleutel (PEM).") from error
    if not isinstance(key, Ed25519PublicKey):
        raise SigningError("key_invalid", "Dit is geen openbare Ed25519-sleutel.")
    return key


def sign(document: dict, key: Ed25519PrivateKey) -> bytes:
    """The hand-over file: the document and its signature, in canonical form."""
    signature = {"algorithm": ALGORITHM, "key": fingerprint(key.public_key()),
                 "value": base64.b64encode(key.sign(canonical(document))).decode("ascii")}
    return canonical({"document": document, "signature": signature})


@dataclass(frozen=True)
class Envelope:
    document: dict
    key: str  # the fingerprint the file names
    signature: bytes
    digest: str  # SHA-256 of the whole file


def read(data: bytes) -> Envelope:
    """Parse a hand-over file and check its form. The signature itself is checked by `verify`."""
    try:
        parsed = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as error:
        raise SigningError("unreadable", "Dit bestand is geen overdrachtsbestand van Tandem: het is geen "
                                         "leesbare JSON. Mogelijk is het beschadigd of veranderd.") from error
    if not isinstance(parsed, dict) or not isinstance(parsed.get("document"), dict):
        raise SigningError("unreadable", "Dit bestand is geen overdrachtsbestand van Tandem: het onderdeel "
                                         "'document' ontbreekt.")
    signature = parsed.get("signature")
    if not isinstance(signature, dict) or not signature.get("value") or not signature.get("key"):
        raise SigningError("unsigned", "Het bestand is niet ondertekend. Vraag de regio om het bestand opnieuw "
                                       "te maken met 'tandem national export'.")
    if signature.get("algorithm") != ALGORITHM or set(parsed) != {"document", "signature"} \
            or set(signature) != {"algorithm", "key", "value"}:
        raise SigningError("altered", "Het bestand is na het ondertekenen veranderd: de onderdelen kloppen niet.")
    value = signature["value"]
    try:
        raw = base64.b64decode(value, validate=True) if isinstance(value, str) else b""
    except (binascii.Error, ValueError):
        raw = b""
    if len(raw) != 64 or base64.b64encode(raw).decode("ascii") != value or canonical(parsed) != data:
        raise SigningError("altered", "Het bestand is na het ondertekenen veranderd: het staat niet meer in de "
                                      "vorm waarin Tandem het schreef.")
    return Envelope(document=parsed["document"], key=str(signature["key"]), signature=raw,
                    digest=hashlib.sha256(data).hexdigest())


def verify(envelope: Envelope, public_key: Ed25519PublicKey) -> bool:
    try:
        public_key.verify(envelope.signature, canonical(envelope.document))
    except InvalidSignature:
        return False
    return True
