"""Five failed attempts (password or code) for a login name lock it for 15 minutes; the counting is atomic
(accounts/lockout.py), so parallel guesses are tested in test_lockout_parallel.py."""
from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

from tandem.accounts import lockout
from tandem.accounts.models import SignInCounter
from tandem.audit.models import AuditEvent

from .helpers import code, give_device, password_step, wrong_code

LOCK_TEXT = "Te veel mislukte pogingen"


def _fail_passwords(client, username, times):
    for _ in range(times):
        response = password_step(client, username, "fout-wachtwoord-123")
    return response


def _age_counters(minutes):
    """Move every counter's window and lock-out `minutes` into the past."""
    for counter in SignInCounter.objects.all():
        counter.window_start -= timedelta(minutes=minutes)
        if counter.locked_until:
            counter.locked_until -= timedelta(minutes=minutes)
        counter.save()


def test_five_wrong_passwords_lock_the_name_even_for_the_right_password(client, actors, password):
    give_device(actors["consulent"])
    response = _fail_passwords(client, "anna", 4)
    assert LOCK_TEXT not in response.content.decode()
    response = _fail_passwords(client, "anna", 1)
    assert LOCK_TEXT in response.content.decode()
    response = password_step(client, "anna", password)
    assert response.status_code == 200 and LOCK_TEXT in response.content.decode()
    assert "_auth_user_id" not in client.session
    actions = list(AuditEvent.objects.values_list("action", flat=True))
    assert actions.count("sign_in_failed") == 4 and actions.count("sign_in_locked") == 1
    assert actions.count("sign_in_refused") == 1
    assert password_step(client, "bram", password)["Location"] == reverse("accounts:setup")  # others go on


def test_the_lock_ends_after_15_minutes(client, actors, password):
    give_device(actors["consulent"])
    _fail_passwords(client, "anna", 5)
    _age_counters(14)
    assert LOCK_TEXT in password_step(client, "anna", password).content.decode()
    _age_counters(2)
    response = password_step(client, "anna", password)
    assert response.status_code == 302 and response["Location"] == reverse("accounts:verify")


def test_failures_spread_over_more_than_15_minutes_do_not_lock(client, actors, password):
    give_device(actors["consulent"])
    _fail_passwords(client, "anna", 4)
    _age_counters(16)
    _fail_passwords(client, "anna", 4)
    assert not lockout.is_locked("anna")
    assert password_step(client, "anna", password).status_code == 302


def test_five_wrong_codes_sign_out_and_lock(client, actors, password):
    give_device(actors["consulent"])
    password_step(client, "anna", password)
    for _ in range(5):
        response = client.post(reverse("accounts:verify"), {"code": wrong_code()})
    assert response.status_code == 302 and response["Location"] == reverse("login")
    assert "_auth_user_id" not in client.session
    assert LOCK_TEXT in client.get(reverse("login")).content.decode()  # the message, once
    assert lockout.is_locked("ANNA ")  # the same name, however typed
    assert LOCK_TEXT in password_step(client, "anna", password).content.decode()


def test_wrong_recovery_codes_count_too(client, actors, password):
    give_device(actors["consulent"])
    password_step(client, "anna", password)
    for _ in range(5):
        response = client.post(reverse("accounts:recovery"), {"code": "AAAAA-AAAAA"})
    assert response["Location"] == reverse("login") and lockout.is_locked("anna")


def test_unknown_names_are_counted_without_storing_them(client, db):
    _fail_passwords(client, "iemand-anders", 5)
    assert lockout.is_locked("iemand-anders")
    assert not SignInCounter.objects.filter(key__icontains="iemand").exists()
    for event in AuditEvent.objects.all():
        assert "iemand" not in str((event.actor_name, event.detail, event.object_id))
        assert "fout-wachtwoord" not in str(event.detail)


def test_a_successful_sign_in_clears_earlier_failures(client, actors, password):
    give_device(actors["consulent"])
    _fail_passwords(client, "anna", 4)
    password_step(client, "anna", password)
    client.post(reverse("accounts:verify"), {"code": code()})
    client.post(reverse("logout"))
    _fail_passwords(client, "anna", 4)
    assert not lockout.is_locked("anna")


def test_one_address_guessing_many_names_is_stopped_too(client, actors, password):
    for number in range(lockout.ADDRESS_LIMIT):
        password_step(client, f"naam-{number}", "fout-wachtwoord-123")  # 1 guess per name: no name locked
    assert not lockout.is_locked("anna")
    response = password_step(client, "anna", password)
    assert response.status_code == 200 and LOCK_TEXT in response.content.decode()
    other = client_from("10.1.2.3")
    assert other.post(reverse("login"), {"username": "anna", "password": password}).status_code == 302


def client_from(address):
    from tandem.accounts.testing import TwoFactorClient

    return TwoFactorClient(REMOTE_ADDR=address)


def test_a_right_password_gives_its_place_back(actors, password):
    attempt = lockout.attempt_start(username="anna", address="127.0.0.1")
    lockout.attempt_release(attempt)
    assert SignInCounter.objects.filter(attempts__gt=0).count() == 0
    for _ in range(lockout.ACCOUNT_LIMIT):
        assert lockout.attempt_start(username="anna", address="127.0.0.1") is not None
    assert lockout.attempt_start(username="anna", address="127.0.0.1") is None  # full while being checked
    assert lockout.is_locked("anna", now=timezone.now())
