"""Reads that may come from a read replica (docs/scaling.md).

`TANDEM_READ_REPLICA_URL` adds a database alias `replica` and this router. Code that only reads and may lag a few
seconds behind (the monitor's figures and trends) runs inside `replica_reads()`; everything else, every write and
every read inside a transaction on the primary, stays on `default`. Without a replica the context does nothing.
"""
from contextlib import contextmanager
from contextvars import ContextVar

from django.db import DEFAULT_DB_ALIAS, connections

REPLICA = "replica"
_replica_reads = ContextVar("tandem_replica_reads", default=False)


@contextmanager
def replica_reads():
    """Reads inside this block may come from the replica."""
    token = _replica_reads.set(True)
    try:
        yield
    finally:
        _replica_reads.reset(token)


def replica_requested() -> bool:
    return _replica_reads.get()


def wants_replica() -> bool:
    """Inside `replica_reads()` and not inside a transaction on the primary (which must see its own writes)."""
    return _replica_reads.get() and not connections[DEFAULT_DB_ALIAS].in_atomic_block


class ReplicaRouter:
    def db_for_read(self, model, **hints):
        if wants_replica() and REPLICA in connections.databases:
            return REPLICA
        return None

    def db_for_write(self, model, **hints):
        return DEFAULT_DB_ALIAS

    def allow_relation(self, obj1, obj2, **hints):
        return True

    def allow_migrate(self, db, app_label, **hints):
        return db == DEFAULT_DB_ALIAS
