"""Invitation by e-mail (a real SMTP server on localhost): the one-time link sets the password and the second
factor together; password reset by e-mail through Django's own views, logged. No personal data in the e-mails."""
import re

from django.urls import reverse

from tandem.accounts.models import AuthenticatorDevice
from tandem.administration import services
from tandem.audit.models import AuditEvent
from tandem.organisations.models import User

from accounts.helpers import code, password_step

LINK = re.compile(r"http://\S+")


def _invite(orgs, beheerder, client, commit):
    client.force_login(beheerder)
    with commit(execute=True):  # the e-mail goes after commit
        response = client.post(reverse("administration:user_invite"), {
        "username": "nina", "first_name": "Nina", "last_name": "Dekker", "email": "nina@vt.example",
            "organisation": orgs["vt"].pk, "role": "gedragswetenschapper", "other_roles": ["coordinator"]})
    assert response.status_code == 302, response.content.decode()[:2000]
    client.logout()
    return User.objects.get(username="nina")


def test_invited_person_sets_password_and_app_through_the_link(orgs, beheerder, client, smtp, password,
                                                               django_capture_on_commit_callbacks):
    nina = _invite(orgs, beheerder, client, django_capture_on_commit_callbacks)
    [mail] = smtp.messages
    assert mail["to"] == ["nina@vt.example"] and mail["subject"] == "Uitnodiging voor Tandem"
    assert "Nina" not in mail["body"] and "Dekker" not in mail["body"]
    link = LINK.search(mail["body"]).group(0)
    path = link.split("8000", 1)[1] if "8000" in link else link
    page = client.get(path)
    assert page.status_code == 200 and "nina" in page.content.decode()
    secret = AuthenticatorDevice.objects.get(user=nina).base32_secret
    wrong = client.post(path, {"password": password, "password_again": password, "code": "000000"})
    assert wrong.status_code == 400 and "klopt niet" in wrong.content.decode()
    assert not User.objects.get(pk=nina.pk).has_usable_password()  # all or nothing
    done = client.post(path, {"password": password, "password_again": password, "code": code(secret)})
    assert done.status_code == 200 and "herstelcodes" in done.content.decode()
    nina.refresh_from_db()
    assert nina.check_password(password) and AuthenticatorDevice.objects.get(user=nina).confirmed
    assert client.get(path).status_code == 410  # one time only
    response = password_step(client, "nina", password)
    assert response["Location"] == reverse("accounts:verify")
    assert AuditEvent.objects.filter(action="invitation_accepted", actor_id=nina.pk).exists()


def test_a_new_invitation_replaces_the_old_link(orgs, beheerder, client, smtp, django_capture_on_commit_callbacks):
    nina = _invite(orgs, beheerder, client, django_capture_on_commit_callbacks)
    with django_capture_on_commit_callbacks(execute=True):
        services.invitation_resend(actor=beheerder, user=nina)
    first, second = (LINK.search(m["body"]).group(0).split("8000", 1)[1] for m in smtp.messages)
    assert client.get(first).status_code == 410 and client.get(second).status_code == 200
    services.user_deactivate(actor=beheerder, user=nina)
    assert client.get(second).status_code == 410


def test_password_reset_by_email(actors, client, smtp):
    anna = actors["consulent"]
    anna.email = "anna@gemeente.example"
    anna.save()
    response = client.post(reverse("password_reset"), {"email": "anna@gemeente.example"})
    assert response.status_code == 302
    [mail] = smtp.messages
    assert mail["to"] == ["anna@gemeente.example"] and "anna" not in mail["body"].lower().split("http")[0]
    path = LINK.search(mail["body"]).group(0).split("8000", 1)[1]
    form = client.get(path, follow=True)
    assert form.status_code == 200
    response = client.post(form.redirect_chain[-1][0], {"new_password1": "Nieuw-wachtwoord-2026",
                                                         "new_password2": "Nieuw-wachtwoord-2026"})
    assert response.status_code == 302
    anna.refresh_from_db()
    assert anna.check_password("Nieuw-wachtwoord-2026")
    assert AuditEvent.objects.filter(action="password_reset", actor_id=anna.pk).exists()
    client.post(reverse("password_reset"), {"email": "onbekend@example.org"})  # the same answer, no e-mail
    assert len(smtp.messages) == 1


def test_no_mail_server_no_invitation(orgs, beheerder, settings):
    import pytest

    from notifications.smtp import free_port
    from tandem.core.exceptions import RuleViolation

    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", free_port(), 2  # nobody listens
    with pytest.raises(RuleViolation) as error:
        services.user_invite(actor=beheerder, data=services.PersonData(
            username="nina", first_name="Nina", last_name="Dekker", email="nina@vt.example", organisation=orgs["vt"],
            roles=["consulent"]))
    assert error.value.code == "email_failed" and "niets opgeslagen" in error.value.message
    assert not User.objects.filter(username="nina").exists()
