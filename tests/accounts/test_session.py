"""Argon2 hashes production passwords; a session ends after SESSION_COOKIE_AGE seconds without a request."""
from datetime import timedelta

from django.contrib.auth.hashers import check_password, identify_hasher, make_password
from django.contrib.sessions.models import Session
from django.urls import reverse
from django.utils import timezone

from tandem.config import settings as production_settings


def test_argon2_is_the_first_hasher(settings):
    assert production_settings.PASSWORD_HASHERS[0] == "django.contrib.auth.hashers.Argon2PasswordHasher"
    settings.PASSWORD_HASHERS = production_settings.PASSWORD_HASHERS  # the suite uses MD5 for speed
    encoded = make_password("Een-lang-wachtwoord-2025")
    assert encoded.startswith("argon2$") and identify_hasher(encoded).algorithm == "argon2"
    assert check_password("Een-lang-wachtwoord-2025", encoded)


def _session_row(client):
    return Session.objects.get(session_key=client.cookies["sessionid"].value)


def test_idle_sessions_expire_and_every_request_extends(client, actors, settings):
    assert production_settings.SESSION_COOKIE_AGE == 30 * 60 and production_settings.SESSION_SAVE_EVERY_REQUEST
    client.force_login(actors["consulent"])
    assert client.get(reverse("cases:my_families")).status_code == 200
    row = _session_row(client)
    almost = timezone.now() + timedelta(seconds=5)
    Session.objects.filter(pk=row.pk).update(expire_date=almost)  # 29 min 55 s of idling
    assert client.get(reverse("cases:my_families")).status_code == 200
    assert _session_row(client).expire_date > almost + timedelta(minutes=29)  # the request renewed it
    Session.objects.filter(pk=row.pk).update(expire_date=timezone.now() - timedelta(seconds=1))
    response = client.get(reverse("cases:my_families"))
    assert response.status_code == 302 and reverse("login") in response["Location"]


def test_an_active_session_still_ends_after_the_absolute_lifetime(client, actors, settings):
    from tandem.accounts.middleware import STARTED_KEY
    from tandem.audit.models import AuditEvent

    assert production_settings.TANDEM_SESSION_MAX_SECONDS == 10 * 60 * 60
    settings.TANDEM_SESSION_MAX_SECONDS = 3600
    client.force_login(actors["consulent"])
    assert client.get(reverse("cases:my_families")).status_code == 200
    session = client.session
    session[STARTED_KEY] -= 3599  # busy all the time: the idle timeout never struck
    session.save()
    assert client.get(reverse("cases:my_families")).status_code == 200
    session = client.session
    session[STARTED_KEY] -= 2
    session.save()
    response = client.get(reverse("cases:my_families"))
    assert response.status_code == 302 and reverse("login") in response["Location"]
    assert "_auth_user_id" not in client.session
    assert AuditEvent.objects.filter(action="session_expired", actor_id=actors["consulent"].pk).exists()
    assert "automatisch uitgelogd" in client.get(reverse("login")).content.decode()


def test_a_resident_session_has_the_same_absolute_lifetime(client, mother, settings):
    from tandem.accounts.middleware import STARTED_KEY
    from tandem.portal.services import portal_invite_create

    issued = portal_invite_create(actor=None, member=mother)
    client.post(reverse("portal:login"), {"login_name": issued.login_name, "code": issued.code})
    assert client.get(reverse("portal:home")).status_code == 200
    session = client.session
    session[STARTED_KEY] -= settings.TANDEM_SESSION_MAX_SECONDS + 1
    session.save()
    assert client.get(reverse("portal:home"))["Location"] == reverse("portal:login")


def test_signing_out_is_logged(client, actors):
    from tandem.audit.models import AuditEvent

    client.force_login(actors["consulent"])
    response = client.post(reverse("logout"))
    assert response.status_code == 302
    event = AuditEvent.objects.order_by("id").last()
    assert event.action == "sign_out" and event.actor_id == actors["consulent"].pk
