"""Migration accounts 0002: every existing TOTP secret keeps working on the django-otp device, encrypted, and a
code used before the migration stays used."""
import time

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

from tandem.demo.people import DEMO_TOTP_SECRET

pytestmark = pytest.mark.django_db(transaction=True)
BEFORE, AFTER = [("accounts", "0001_initial")], [("accounts", "0002_django_otp_devices")]


def _migrate(target):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(target)
    return executor.loader.project_state(target).apps


def test_old_secrets_work_after_the_migration(actors):
    old_apps = _migrate(BEFORE)
    try:
        step_now = int(time.time()) // 30
        old = old_apps.get_model("accounts", "TotpDevice")
        old.objects.create(user_id=actors["consulent"].pk, secret=DEMO_TOTP_SECRET, confirmed_at=timezone.now(),
                           last_used_step=step_now)
        old.objects.create(user_id=actors["partner"].pk, secret="jbsw y3dp ehpk 3pxp", confirmed_at=None)
    finally:
        _migrate(AFTER)
    from tandem.accounts.models import AuthenticatorDevice

    anna = AuthenticatorDevice.objects.get(user=actors["consulent"])
    assert anna.confirmed and anna.base32_secret == DEMO_TOTP_SECRET and anna.last_t == step_now
    with connection.cursor() as cursor:
        cursor.execute("SELECT key FROM accounts_authenticatordevice WHERE id = %s", [anna.pk])
        assert DEMO_TOTP_SECRET not in cursor.fetchone()[0]  # encrypted now
    at = step_now * 30 + 1
    assert not anna.verify_token(anna.code_at(at), at=at)  # used before the migration: still used
    assert anna.verify_token(anna.code_at(at + 30), at=at + 30)
    bram = AuthenticatorDevice.objects.get(user=actors["partner"])
    assert not bram.confirmed and bram.base32_secret == "JBSWY3DPEHPK3PXP"
