"""The application's database role of docs/security.md ("Database role for the application"), on PostgreSQL: it can
write log entries and empty the seal's work list, but cannot UPDATE, DELETE or TRUNCATE the log, nor lift the
triggers. The SQL below is the documented SQL, run for a role made for this test and dropped after it."""
import os

import psycopg
import pytest
from django.db import connection

from tandem.audit.services import audit_record, audit_seal

pytestmark = pytest.mark.django_db(transaction=True)

GRANTS = """
GRANT USAGE ON SCHEMA public TO {role};
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {role};
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {role};
REVOKE UPDATE, DELETE, TRUNCATE ON audit_auditevent, audit_auditseal FROM {role};
"""


@pytest.fixture
def app_role(db):
    if connection.vendor != "postgresql":
        pytest.skip("Databaserollen zijn er alleen in PostgreSQL.")
    role = f"tandem_app_test_{os.getpid()}"
    with connection.cursor() as cursor:
        cursor.execute(f"CREATE ROLE {role} LOGIN")
        cursor.execute(GRANTS.format(role=role))
    settings = connection.settings_dict
    conninfo = psycopg.conninfo.make_conninfo(dbname=settings["NAME"], user=role, host=settings["HOST"] or None,
                                              port=settings["PORT"] or None)
    try:
        with psycopg.connect(conninfo, autocommit=True) as app:
            yield app
    finally:
        with connection.cursor() as cursor:
            cursor.execute(f"DROP OWNED BY {role}")
            cursor.execute(f"DROP ROLE {role}")


def refused(app, sql: str) -> str:
    with pytest.raises(psycopg.errors.InsufficientPrivilege) as failed:
        app.execute(sql)
    return str(failed.value)


def test_the_application_role_cannot_change_the_log(app_role):
    entry = audit_record(actor=None, action="view")
    audit_seal()
    app_role.execute("INSERT INTO audit_auditpending (event_id) VALUES (%s)", [entry.pk + 1000])
    app_role.execute("DELETE FROM audit_auditpending WHERE event_id = %s", [entry.pk + 1000])
    assert app_role.execute("SELECT count(*) FROM audit_auditseal").fetchone()[0] == 1
    for table in ("audit_auditevent", "audit_auditseal"):
        assert "permission denied" in refused(app_role, f"UPDATE {table} SET key_id = 'x'")
        assert "permission denied" in refused(app_role, f"DELETE FROM {table}")
        assert "permission denied" in refused(app_role, f"TRUNCATE {table}")
        assert "must be owner" in refused(app_role, f"ALTER TABLE {table} DISABLE TRIGGER USER")
    app_role.execute("INSERT INTO audit_auditevent (at, actor_name, actor_role, actor_organisation, action, "
                     "object_type, object_id, purpose, detail, key_id, mac) "
                     "VALUES (now(), 'x', '', '', 'view', '', '', '', '{}', 'k', 'm')")  # writing stays possible
