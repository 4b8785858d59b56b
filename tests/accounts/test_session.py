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
