"""The signature and the form of a hand-over file, without a database: every changed byte is caught."""
import base64
import json

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from tandem.national import signing

DOCUMENT = {"format": "tandem-landelijke-overdracht", "version": 1, "region": {"code": "GV", "name": "Gooi"},
            "quarter": "2025-Q1", "monitor": {"A": 10, "B": "geheim"}, "lessons": [{"text": "Één les, [persoon 1]."}]}


@pytest.fixture(scope="module")
def key():
    return Ed25519PrivateKey.generate()


def test_a_signed_file_reads_and_verifies(key):
    envelope = signing.read(signing.sign(DOCUMENT, key))
    assert envelope.document == DOCUMENT
    assert envelope.key == signing.fingerprint(key.public_key())
    assert signing.verify(envelope, key.public_key())


def test_another_key_does_not_verify(key):
    envelope = signing.read(signing.sign(DOCUMENT, key))
    assert not signing.verify(envelope, Ed25519PrivateKey.generate().public_key())


def _accepted(data: bytes, key) -> bool:
    """As the import takes a file: it reads, names a known key (here the only one) and verifies with it."""
    try:
        envelope = signing.read(data)
    except signing.SigningError:
        return False
    return envelope.key == signing.fingerprint(key.public_key()) and signing.verify(envelope, key.public_key())


def test_every_single_byte_change_is_refused(key):
    data = signing.sign(DOCUMENT, key)
    for position in range(len(data)):
        for delta in (1, 0x20):
            changed = bytearray(data)
            changed[position] = (changed[position] + delta) % 256
            assert not _accepted(bytes(changed), key), f"byte {position} changed by {delta} was accepted"


def test_a_dropped_or_added_byte_is_refused(key):
    data = signing.sign(DOCUMENT, key)
    for position in range(0, len(data), 7):
        assert not _accepted(data[:position] + data[position + 1:], key)
        assert not _accepted(data[:position] + b" " + data[position:], key)


def test_the_same_content_in_another_layout_is_refused_as_altered(key):
    parsed = json.loads(signing.sign(DOCUMENT, key))
    with pytest.raises(signing.SigningError) as refused:
        signing.read(json.dumps(parsed).encode())
    assert refused.value.code == "altered"


@pytest.mark.parametrize("signature", [None, {}, {"algorithm": "Ed25519", "key": "abc", "value": ""}])
def test_an_unsigned_file_is_refused(signature):
    envelope = {"document": DOCUMENT} if signature is None else {"document": DOCUMENT, "signature": signature}
    with pytest.raises(signing.SigningError) as refused:
        signing.read(signing.canonical(envelope))
    assert refused.value.code == "unsigned"
    assert "niet ondertekend" in refused.value.message


def test_a_signature_in_non_canonical_base64_is_refused(key):
    parsed = json.loads(signing.sign(DOCUMENT, key))
    value = parsed["signature"]["value"]  # 64 bytes: 86 characters and "=="; the last one carries 4 unused bits
    alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
    changed = value[:-3] + alphabet[alphabet.index(value[-3]) ^ 1] + "=="
    assert base64.b64decode(changed) == base64.b64decode(value)  # the same signature, written differently
    parsed["signature"]["value"] = changed
    with pytest.raises(signing.SigningError) as refused:
        signing.read(signing.canonical(parsed))
    assert refused.value.code == "altered"


def test_not_json_gets_a_dutch_message():
    with pytest.raises(signing.SigningError) as refused:
        signing.read(b"\xff\xfe niet eens tekst")
    assert refused.value.code == "unreadable" and "geen overdrachtsbestand" in refused.value.message


def test_keygen_writes_a_private_key_only_its_owner_reads_and_never_overwrites(tmp_path):
    public = signing.generate(tmp_path / "r.key", tmp_path / "r.pub")
    assert (tmp_path / "r.key").stat().st_mode & 0o777 == 0o600
    assert signing.fingerprint(signing.load_private(tmp_path / "r.key").public_key()) == signing.fingerprint(public)
    assert signing.fingerprint(signing.load_public((tmp_path / "r.pub").read_bytes())) == signing.fingerprint(public)
    with pytest.raises(signing.SigningError) as refused:
        signing.generate(tmp_path / "r.key", tmp_path / "other.pub")
    assert refused.value.code == "key_exists"
