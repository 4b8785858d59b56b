"""Database triggers that refuse UPDATE and DELETE (PostgreSQL: also TRUNCATE) on the access log's tables
(tandem.audit.database; docs/security.md)."""
from django.db import migrations

from tandem.audit.database import install_statements, remove_statements


def _run(schema_editor, statements):
    with schema_editor.connection.cursor() as cursor:  # no parameters: the % in the PL/pgSQL text stays as it is
        for statement in statements:
            cursor.execute(statement)


def install(apps, schema_editor):
    _run(schema_editor, install_statements(schema_editor.connection.vendor))


def remove(apps, schema_editor):
    _run(schema_editor, remove_statements(schema_editor.connection.vendor))


class Migration(migrations.Migration):

    dependencies = [("audit", "0003_keyed_chain")]

    operations = [migrations.RunPython(install, remove)]
