"""The BSN encrypted at rest (issue 11): the database holds a Fernet token, a keyed hash finds the member, a new
key is taken in by `tandem encryption rotate`, and the migration encrypted the rows that were there."""
import datetime as dt
import pytest
from django.core.exceptions import FieldError, ImproperlyConfigured
from django.core.management import call_command
from django.db import connection

from tandem.cases.models import Member
from tandem.core import crypto
from tandem.core.keys import read_keys
from tandem.portal.services import portal_login_with_bsn

NEW_KEY = "bmlldXdlLXNsZXV0ZWwtdm9vci10YW5kZW0tMjAyNy0="


def stored(member) -> tuple[str, str]:
    with connection.cursor() as cursor:
        cursor.execute("SELECT bsn, bsn_digest FROM cases_member WHERE id = %s", [member.pk.hex if
                       connection.vendor == "sqlite" else member.pk])
        return cursor.fetchone()


def test_the_database_holds_no_bsn(child):
    token, digest = stored(child)
    assert "111222333" not in token and token.startswith("gAAAA")
    assert digest == crypto.lookup_digest("111222333", "bsn_digest") and "111222333" not in digest
    assert Member.objects.get(pk=child.pk).bsn == "111222333"


def test_a_member_is_found_by_bsn_through_the_keyed_hash_only(child, mother):
    assert list(Member.objects.with_bsn("111222333")) == [child]
    assert not Member.objects.with_bsn("123456782").exists() and not Member.objects.with_bsn("").exists()
    assert stored(mother) == ("", "")
    with pytest.raises(FieldError, match="versleuteld"):
        Member.objects.filter(bsn="111222333").exists()
    Member.objects.filter(pk=child.pk).update(birth_date=dt.date(2010, 5, 2))  # 12 or older: may sign in
    assert portal_login_with_bsn(bsn="111222333") == child


def test_a_new_key_reads_old_rows_and_rotation_moves_them_over(child, settings, capsys):
    old = settings.TANDEM_ENCRYPTION_KEYS[0]
    settings.TANDEM_ENCRYPTION_KEYS = [NEW_KEY, old]
    assert Member.objects.get(pk=child.pk).bsn == "111222333"  # old token, old key still listed
    assert Member.objects.with_bsn("111222333").get() == child  # old hash, found under the old key
    call_command("encryption", "rotate")
    assert "cases.Member: " in capsys.readouterr().out
    settings.TANDEM_ENCRYPTION_KEYS = [NEW_KEY]
    assert Member.objects.get(pk=child.pk).bsn == "111222333"
    assert Member.objects.with_bsn("111222333").get() == child
    settings.TANDEM_ENCRYPTION_KEYS = [old]  # a key that no longer opens the token: an error, never the token
    with pytest.raises(ImproperlyConfigured, match="TANDEM_ENCRYPTION_KEYS"):
        Member.objects.get(pk=child.pk)


def test_the_migration_encrypts_what_was_stored_in_plain_text(child):
    """The data step of migration cases 0012, run on the historical model of that step (a plain `bsn`)."""
    from importlib import import_module

    from django.db.migrations.loader import MigrationLoader

    module = import_module("tandem.cases.migrations.0013_member_bsn_encrypted")
    state = MigrationLoader(connection).project_state(("cases", "0011_journal_entry_on"))
    for operation in module.Migration.operations[:2]:  # up to the data step
        operation.state_forwards("cases", state)
    with connection.cursor() as cursor:  # the row as it was before the migration: the number in plain text
        cursor.execute("UPDATE cases_member SET bsn = '111222333', bsn_digest = '' WHERE bsn <> ''")
    module.encrypt_existing(state.apps, None)
    token, digest = stored(child)
    assert token.startswith("gAAAA") and digest == crypto.lookup_digest("111222333", "bsn_digest")
    assert Member.objects.get(pk=child.pk).bsn == "111222333"
    module.decrypt_existing(state.apps, None)  # and back, for a rollback of the migration
    assert stored(child) == ("111222333", "")


@pytest.mark.parametrize("name,kind", [("TANDEM_AUDIT_KEY", "length"), ("TANDEM_ENCRYPTION_KEYS", "fernet")])
def test_production_refuses_missing_or_development_keys(name, kind, tmp_path):
    dev = "x" * 40 if kind == "length" else NEW_KEY
    with pytest.raises(ImproperlyConfigured, match=name):
        read_keys(name, dev_default=dev, production=True, kind=kind, environ={})
    with pytest.raises(ImproperlyConfigured, match="ontwikkelsleutel"):
        read_keys(name, dev_default=dev, production=True, kind=kind, environ={name: dev})
    assert read_keys(name, dev_default=dev, production=False, kind=kind, environ={}) == [dev]
    secret = tmp_path / "keys"
    good = "y" * 40 if kind == "length" else "c2VjcmV0LWJlc3RhbmQtdm9vci10YW5kZW0tdGVzdC0="
    secret.write_text(f"{good}\n{dev}\n")
    assert read_keys(name, dev_default=dev, production=False, kind=kind, environ={f"{name}_FILE": str(secret)}) == [
        good, dev]
    with pytest.raises(ImproperlyConfigured, match="Sleutel 1"):
        read_keys(name, dev_default=dev, production=False, kind=kind, environ={name: "kort"})
