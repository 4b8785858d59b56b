"""The django-otp devices: TOTP window, replay refused, malformed codes; the key encrypted at rest with keys
from the environment (rotation), recovery codes stored as keyed hashes only."""
import threading

import pytest
from cryptography.fernet import Fernet
from django.db import connection
from django.test import override_settings

from tandem.accounts.models import AuthenticatorDevice
from tandem.core.crypto import UnreadableSecret, encrypted_values_rotate

from .helpers import SECRET, give_device

NEW_KEY = Fernet.generate_key().decode()
OTHER_KEY = Fernet.generate_key().decode()

AT = 1_234_567_890  # a fixed moment: step 41152263


@pytest.fixture
def device(actors):
    return give_device(actors["consulent"])


def test_rfc6238_vector(actors):
    """RFC 6238 appendix B, SHA-1, T = 1234567890: 89005924 in 8 digits, so 005924 in 6."""
    rfc = AuthenticatorDevice.objects.create(user=actors["consulent"], name="rfc", key=b"12345678901234567890".hex())
    assert rfc.code_at(AT) == "005924"


def test_one_step_either_side_is_accepted_and_no_more(device):
    for offset in (-2, 2):
        assert not device.verify_token(device.code_at(AT + 30 * offset), at=AT)
    for offset in (-1, 0, 1):
        fresh = AuthenticatorDevice.objects.get(pk=device.pk)
        fresh.last_t = -1
        AuthenticatorDevice.objects.filter(pk=device.pk).update(last_t=-1)
        assert fresh.verify_token(device.code_at(AT + 30 * offset), at=AT), offset


def test_a_used_code_and_older_ones_are_refused(device):
    assert device.verify_token(device.code_at(AT), at=AT)
    assert not device.verify_token(device.code_at(AT), at=AT)
    assert not device.verify_token(device.code_at(AT - 30), at=AT)  # older than the one used
    assert device.verify_token(device.code_at(AT + 30), at=AT)


def test_a_stale_copy_of_the_device_cannot_replay(device):
    """Two requests that loaded the device before either used the code: only one gets in."""
    other = AuthenticatorDevice.objects.get(pk=device.pk)
    code = device.code_at(AT)
    assert device.verify_token(code, at=AT)
    assert not other.verify_token(code, at=AT)


@pytest.mark.django_db(transaction=True)
def test_the_same_code_at_the_same_moment_works_once(actors):
    device = give_device(actors["consulent"])
    code, results, barrier = device.code_at(AT), [], threading.Barrier(8)

    def use():
        barrier.wait(timeout=10)
        try:
            results.append(AuthenticatorDevice.objects.get(pk=device.pk).verify_token(code, at=AT))
        finally:
            connection.close()

    threads = [threading.Thread(target=use) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert sorted(results) == [False] * 7 + [True]


@pytest.mark.parametrize("typed", ["", "12345", "1234567", "abcdef", None, "12 34 5"])
def test_malformed_codes_never_match(device, typed):
    assert not device.verify_token(typed, at=AT)


def test_spaces_are_allowed(device):
    code = device.code_at(AT)
    assert device.verify_token(f"{code[:3]} {code[3:]}", at=AT)


def _raw_key(device) -> str:
    with connection.cursor() as cursor:
        cursor.execute("SELECT key FROM accounts_authenticatordevice WHERE id = %s", [device.pk])
        return cursor.fetchone()[0]


def test_the_key_is_encrypted_at_rest(device):
    raw = _raw_key(device)
    assert raw.startswith("gAAAA")  # a Fernet token
    assert device.key not in raw and SECRET not in raw
    assert AuthenticatorDevice.objects.get(pk=device.pk).base32_secret == SECRET


def test_keys_rotate_without_losing_a_secret(device, settings, capsys):
    old_raw = _raw_key(device)
    with override_settings(TANDEM_ENCRYPTION_KEYS=[NEW_KEY,
                                                   *settings.TANDEM_ENCRYPTION_KEYS]):
        assert AuthenticatorDevice.objects.get(pk=device.pk).base32_secret == SECRET  # old key still reads
        from django.core.management import call_command

        call_command("encryption", "rotate")
        assert "accounts.AuthenticatorDevice: 1 rijen opnieuw versleuteld" in capsys.readouterr().out
        assert _raw_key(device) != old_raw
    with override_settings(TANDEM_ENCRYPTION_KEYS=[NEW_KEY]):
        assert AuthenticatorDevice.objects.get(pk=device.pk).base32_secret == SECRET  # the old key can go
        assert encrypted_values_rotate() == 1


def test_a_missing_key_is_an_error_not_a_silent_ciphertext(device):
    with override_settings(TANDEM_ENCRYPTION_KEYS=[OTHER_KEY]):
        with pytest.raises(UnreadableSecret, match="TANDEM_ENCRYPTION_KEYS"):
            AuthenticatorDevice.objects.get(pk=device.pk)


def test_repr_never_shows_the_secret(device):
    assert device.key not in repr(device) and SECRET not in str(device)


def test_commands_name_a_missing_key_in_dutch_without_a_traceback(device):
    from django.core.management import CommandError, call_command

    with override_settings(TANDEM_ENCRYPTION_KEYS=[OTHER_KEY]):
        for command in (["encryption", "rotate"], ["totp-code", "anna"]):
            with pytest.raises(CommandError, match="TANDEM_ENCRYPTION_KEYS"):
                call_command(*command)
    assert AuthenticatorDevice.objects.get(pk=device.pk).base32_secret == SECRET  # nothing was changed
