"""Database triggers that refuse UPDATE and DELETE (and on PostgreSQL TRUNCATE) on the access log's tables.

Installed by migration 0004 on PostgreSQL and SQLite. They hold against the ORM, raw SQL and a careless script
with the application's own rights; the database role of docs/security.md ("Database role") also withholds the
privileges, so that only the tables' owner can lift them. `triggers_suspended()` is that owner's path (it needs
ALTER TABLE rights on PostgreSQL): one transaction in which nobody else sees the triggers gone. The test suite
uses it to empty tables between transactional tests; Tandem itself never removes log entries.
"""
from contextlib import contextmanager

from django.db import connections, transaction

from tandem.audit.models import REFUSAL

TABLES = ("audit_auditevent", "audit_auditseal")

PG_FUNCTION = f"""
CREATE OR REPLACE FUNCTION tandem_audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '{REFUSAL} (% op %)', TG_OP, TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';
END $$;
"""


def pg_install() -> list[str]:
    statements = [PG_FUNCTION]
    for table in TABLES:
        statements += [
            f"CREATE TRIGGER {table}_append_only BEFORE UPDATE OR DELETE ON {table} "
            "FOR EACH ROW EXECUTE FUNCTION tandem_audit_append_only()",
            f"CREATE TRIGGER {table}_no_truncate BEFORE TRUNCATE ON {table} "
            "FOR EACH STATEMENT EXECUTE FUNCTION tandem_audit_append_only()",
        ]
    return statements


def pg_remove() -> list[str]:
    statements = []
    for table in TABLES:
        statements += [f"DROP TRIGGER IF EXISTS {table}_append_only ON {table}",
                       f"DROP TRIGGER IF EXISTS {table}_no_truncate ON {table}"]
    return statements + ["DROP FUNCTION IF EXISTS tandem_audit_append_only()"]


def sqlite_install() -> list[str]:
    return [f"CREATE TRIGGER IF NOT EXISTS {table}_no_{op.lower()} BEFORE {op} ON {table} "
            f"BEGIN SELECT RAISE(ABORT, '{REFUSAL}'); END"
            for table in TABLES for op in ("UPDATE", "DELETE")]


def sqlite_remove() -> list[str]:
    return [f"DROP TRIGGER IF EXISTS {table}_no_{op.lower()}" for table in TABLES for op in ("UPDATE", "DELETE")]


def install_statements(vendor: str) -> list[str]:
    return {"postgresql": pg_install, "sqlite": sqlite_install}.get(vendor, list)()


def remove_statements(vendor: str) -> list[str]:
    return {"postgresql": pg_remove, "sqlite": sqlite_remove}.get(vendor, list)()


def _execute(cursor, statements: list[str]) -> None:
    for statement in statements:
        cursor.execute(statement)


@contextmanager
def triggers_suspended(using: str = "default"):
    """The owner's maintenance path: inside one transaction, the triggers are off and back on at the end."""
    connection = connections[using]
    vendor = connection.vendor
    if vendor == "postgresql":
        off = [f"ALTER TABLE {table} DISABLE TRIGGER USER" for table in TABLES]
        on = [f"ALTER TABLE {table} ENABLE TRIGGER USER" for table in TABLES]
    else:
        off, on = remove_statements(vendor), install_statements(vendor)
    with transaction.atomic(using=using), connection.cursor() as cursor:
        _execute(cursor, off)
        yield  # on an error the rollback brings the triggers back (DDL is transactional in both databases)
        _execute(cursor, on)
