"""Five failed attempts (password or code) for a login name within 15 minutes lock it for 15 minutes."""
from datetime import timedelta

from django.urls import reverse

from tandem.accounts import services
from tandem.accounts.models import LoginAttempt
from tandem.audit.models import AuditEvent

from .helpers import code, give_device, password_step, wrong_code

LOCK_TEXT = "Te veel mislukte pogingen"


def _fail_passwords(client, username, times):
    for _ in range(times):
        response = password_step(client, username, "fout-wachtwoord-123")
    return response


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
    LoginAttempt.objects.update(at=LoginAttempt.objects.first().at - timedelta(minutes=16))
    response = password_step(client, "anna", password)
    assert response.status_code == 302 and response["Location"] == reverse("accounts:verify")


def test_failures_spread_over_more_than_15_minutes_do_not_lock(client, actors, password):
    give_device(actors["consulent"])
    _fail_passwords(client, "anna", 4)
    LoginAttempt.objects.update(at=LoginAttempt.objects.first().at - timedelta(minutes=16))
    _fail_passwords(client, "anna", 4)
    assert not services.is_locked("anna")
    assert password_step(client, "anna", password).status_code == 302


def test_five_wrong_codes_sign_out_and_lock(client, actors, password):
    give_device(actors["consulent"])
    password_step(client, "anna", password)
    for _ in range(5):
        response = client.post(reverse("accounts:verify"), {"code": wrong_code()})
    assert response.status_code == 302 and response["Location"] == reverse("login")
    assert "_auth_user_id" not in client.session
    assert LOCK_TEXT in client.get(reverse("login")).content.decode()  # the message, once
    assert services.is_locked("ANNA ")  # the same name, however typed
    assert LOCK_TEXT in password_step(client, "anna", password).content.decode()


def test_unknown_names_are_counted_without_storing_them(client, db):
    _fail_passwords(client, "iemand-anders", 5)
    assert services.is_locked("iemand-anders")
    assert not LoginAttempt.objects.filter(key__icontains="iemand").exists()
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
    assert not services.is_locked("anna")
