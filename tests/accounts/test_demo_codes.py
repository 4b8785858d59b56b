"""The demo users sign in with the public demo secret; `tandem totp-code` helps only them."""
import time
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse

from tandem.accounts.models import AuthenticatorDevice
from tandem.demo.people import DEMO_PASSWORD, DEMO_TOTP_SECRET, PROFESSIONALS

from .helpers import give_device


@pytest.mark.django_db
def test_demo_users_get_the_documented_secret_and_the_command_prints_it(client, capsys):
    call_command("demo")
    assert DEMO_TOTP_SECRET in capsys.readouterr().out
    demo_key = AuthenticatorDevice.key_from_base32(DEMO_TOTP_SECRET)
    devices = list(AuthenticatorDevice.objects.filter(confirmed=True))
    assert len(devices) == len(PROFESSIONALS) and {d.key for d in devices} == {demo_key}
    out = StringIO()
    call_command("totp-code", "sanne.bakker", stdout=out)
    typed = out.getvalue().split()[0]
    now = time.time()
    assert len(typed) == 6 and typed in {devices[0].code_at(now + offset) for offset in (-30, 0, 30)}
    client.post(reverse("login"), {"username": "sanne.bakker", "password": DEMO_PASSWORD})
    assert client.post(reverse("accounts:verify"), {"code": typed})["Location"] == reverse("cases:my_families")


def test_the_command_refuses_users_with_their_own_secret(actors):
    give_device(actors["consulent"])
    for username in ("anna", "bram", "niemand"):
        with pytest.raises(CommandError, match="Alleen voor demogebruikers"):
            call_command("totp-code", username, stdout=StringIO())


def test_the_readme_documents_the_demo_secret():
    from pathlib import Path

    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text()
    assert DEMO_TOTP_SECRET in readme and "tandem totp-code" in readme
