import pytest

from .smtp import start_smtp


@pytest.fixture
def smtp(settings):
    """A real SMTP server on 127.0.0.1 and Django's SMTP backend pointed at it."""
    controller, inbox, port = start_smtp()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_USE_TLS = "127.0.0.1", port, False
    yield inbox
    controller.stop()
