import pytest

from tandem.organisations.models import User
from notifications.smtp import start_smtp  # the real SMTP server on localhost of tests/notifications


@pytest.fixture
def beheerder(orgs):
    return User.objects.create_user(username="ben", first_name="Ben", last_name="Beheer", organisation=orgs["coord"],
                                    role="beheerder", email="ben@regio.example")


@pytest.fixture
def beheerder2(orgs):
    return User.objects.create_user(username="bea", first_name="Bea", last_name="Beheer", organisation=orgs["coord"],
                                    role="beheerder")


@pytest.fixture
def smtp(settings):
    """A real SMTP server on 127.0.0.1 (aiosmtpd) and Django's SMTP backend pointed at it."""
    controller, inbox, port = start_smtp()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_USE_TLS = "127.0.0.1", port, False
    yield inbox
    controller.stop()
