"""accounts.totp against the published test vectors (RFC 4226 appendix D, RFC 6238 appendix B)."""
import base64
import urllib.parse

import pytest

from tandem.accounts import totp

RFC_KEY = b"12345678901234567890"
RFC_SECRET = base64.b32encode(RFC_KEY).decode()


@pytest.mark.parametrize("counter, expected", list(enumerate(
    ["755224", "287082", "359152", "969429", "338314", "254676", "287922", "162583", "399871", "520489"])))
def test_hotp_rfc4226_vectors(counter, expected):
    assert totp.hotp(RFC_KEY, counter) == expected


@pytest.mark.parametrize("at, expected", [
    (59, "94287082"), (1111111109, "07081804"), (1111111111, "14050471"),
    (1234567890, "89005924"), (2000000000, "69279037"), (20000000000, "65353130")])
def test_totp_rfc6238_sha1_vectors(at, expected):
    assert totp.hotp(RFC_KEY, totp.time_step(at), digits=8) == expected
    assert totp.code_at(RFC_SECRET, at) == expected[-6:]  # 6 digits: the same number modulo 10^6


def test_one_step_either_side_is_accepted_and_no_more():
    at = 1234567890
    step = totp.time_step(at)
    for offset in (-1, 0, 1):
        assert totp.matching_step(RFC_SECRET, totp.code_at(RFC_SECRET, at + 30 * offset), at=at) == step + offset
    for offset in (-2, 2):
        assert totp.matching_step(RFC_SECRET, totp.code_at(RFC_SECRET, at + 30 * offset), at=at) is None


def test_a_used_step_cannot_be_replayed():
    at = 1234567890
    code = totp.code_at(RFC_SECRET, at)
    step = totp.matching_step(RFC_SECRET, code, at=at)
    assert totp.matching_step(RFC_SECRET, code, at=at, after_step=step) is None
    assert totp.matching_step(RFC_SECRET, code, at=at, after_step=step - 1) == step


@pytest.mark.parametrize("typed", ["", "12345", "1234567", "abcdef", None])
def test_malformed_codes_never_match(typed):
    assert totp.matching_step(RFC_SECRET, typed, at=59) is None


def test_spaces_and_lowercase_secrets_are_accepted():
    code = totp.code_at(RFC_SECRET, 59)
    assert totp.matching_step(RFC_SECRET.lower(), f"{code[:3]} {code[3:]}", at=59) is not None


def test_new_secret_is_160_random_bits_in_base32():
    first, second = totp.new_secret(), totp.new_secret()
    assert first != second and len(first) == 32
    assert len(base64.b32decode(first)) == 20


def test_provisioning_uri():
    uri = totp.provisioning_uri("ABCDEFGH", "anna")
    parsed = urllib.parse.urlparse(uri)
    assert parsed.scheme == "otpauth" and parsed.netloc == "totp" and parsed.path == "/Tandem%3Aanna"
    query = urllib.parse.parse_qs(parsed.query)
    assert query["secret"] == ["ABCDEFGH"] and query["digits"] == ["6"] and query["period"] == ["30"]
