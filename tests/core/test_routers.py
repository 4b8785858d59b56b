"""The read-replica router (docs/scaling.md): the monitor's figures may come from `replica`; writes, reads inside a
transaction and every other read stay on the primary."""
import pytest
from django.db import connections, transaction
from django.test import override_settings

from tandem.core import routers
from tandem.monitor.models import LedgerEntry



@pytest.fixture
def with_replica(monkeypatch):
    monkeypatch.setitem(connections.databases, routers.REPLICA, dict(connections.databases["default"]))


@pytest.mark.django_db(transaction=True)
def test_reads_go_to_the_replica_only_inside_replica_reads(with_replica):
    router = routers.ReplicaRouter()
    assert router.db_for_read(LedgerEntry) is None
    with routers.replica_reads():
        assert router.db_for_read(LedgerEntry) == routers.REPLICA
        assert router.db_for_write(LedgerEntry) == "default"
    assert router.db_for_read(LedgerEntry) is None
    assert router.allow_migrate("default", "monitor") and not router.allow_migrate(routers.REPLICA, "monitor")


@pytest.mark.django_db
def test_without_a_replica_or_inside_a_transaction_the_primary_answers():
    router = routers.ReplicaRouter()
    with routers.replica_reads():
        assert router.db_for_read(LedgerEntry) is None  # no replica configured
    with routers.replica_reads(), transaction.atomic():
        assert not routers.wants_replica()


class Recorder(routers.ReplicaRouter):
    seen: list = []

    def db_for_read(self, model, **hints):
        self.seen.append((model._meta.label, routers.replica_requested()))
        return None


@pytest.mark.django_db
def test_the_monitor_page_reads_its_figures_in_replica_context(client, actors, family):
    Recorder.seen = []
    client.force_login(actors["coordinator"])
    with override_settings(DATABASE_ROUTERS=[Recorder()]):
        assert client.get("/monitor/regio/GV/2025-Q1/").status_code == 200
    ledger_reads = [replica for label, replica in Recorder.seen if label == "monitor.LedgerEntry"]
    assert ledger_reads and all(ledger_reads)
    assert not any(replica for label, replica in Recorder.seen if label == "sessions.Session")
