"""Issue 16: a long import no longer holds the access log's lock, so a dossier page and a sign-in answer while it
runs (they waited 55 s behind it on PostgreSQL).

The import of 2,000 households runs in a thread, in its one all-or-nothing transaction. Once it has replayed
`RUNNING` households (its transaction then holds hundreds of log entries), the main thread opens a dossier page
and signs in through the real pages, each within 2 s; then the import is stopped, which rolls it back.

SQLite has one writer per database file: every page that writes its access-log entry waits for the import's
commit, whatever the log's design, so this test runs on PostgreSQL only (docs/security.md, "Import beside the
dossier").
"""
import random
import threading
import time

import pytest
from django.db import connection
from django.test import Client
from django.urls import reverse

from accounts.helpers import code, give_device, password_step
from tandem.audit.models import AuditEvent
from tandem.audit.services import audit_verify
from tandem.cases.models import Household
from tandem.demo import generator
from tandem.exchange.importer import import_document

pytestmark = pytest.mark.django_db(transaction=True)

HOUSEHOLDS, RUNNING, ANSWER_WITHIN = 2000, 40, 2.0


class Stop(Exception):
    """Raised by the progress callback to end the import (and roll it back) once the pages were measured."""


def document() -> dict:
    doc = generator.build_document()
    rng = random.Random(16)
    doc["households"] = [generator._household(rng, number) for number in range(HOUSEHOLDS)]
    doc["experiences"] = []
    return doc


class ImportThread(threading.Thread):
    def __init__(self, doc: dict):
        super().__init__(daemon=True)
        self.doc, self.running, self.stop, self.outcome = doc, threading.Event(), threading.Event(), None

    def progress(self, done: int, total: int) -> None:
        if done >= RUNNING:
            self.running.set()
        if self.stop.is_set():
            raise Stop()

    def run(self):
        try:
            import_document(self.doc, progress=self.progress)
            self.outcome = "finished"
        except Stop:
            self.outcome = "stopped"
        except Exception as error:  # reported by the test below
            self.outcome = repr(error)
            self.running.set()
        finally:
            connection.close()


def timed(action) -> tuple[float, object]:
    start = time.perf_counter()
    result = action()
    return time.perf_counter() - start, result


def test_a_dossier_page_and_a_sign_in_answer_while_an_import_runs(client, family, actors, password):
    if connection.vendor != "postgresql":
        pytest.skip("SQLite heeft één schrijver per databasebestand: een pagina wacht op de commit van de import.")
    reader = client  # signed in with both factors (tests/conftest.py)
    reader.force_login(actors["consulent"])
    give_device(actors["partner"])
    households_before, log_before = Household.objects.count(), AuditEvent.objects.count()
    worker = ImportThread(document())
    worker.start()
    try:
        assert worker.running.wait(timeout=300), "de import kwam niet op gang"
        assert worker.outcome is None, worker.outcome
        page_seconds, page = timed(lambda: reader.get(reverse("cases:household", args=[family.household_id])))
        signer = Client()
        sign_in_seconds, signed = timed(lambda: (password_step(signer, "bram", password),
                                                 signer.post(reverse("accounts:verify"), {"code": code()})))
        assert worker.is_alive() and worker.outcome is None, "de import moet nog lopen tijdens de metingen"
    finally:
        worker.stop.set()
        worker.join(timeout=120)
    print(f"dossierpagina {page_seconds:.3f} s, inloggen {sign_in_seconds:.3f} s tijdens de import")
    assert page.status_code == 200 and "Fatima" in page.content.decode()
    assert signed[1].status_code == 302 and signed[1]["Location"] == reverse("cases:my_families")
    assert page_seconds < ANSWER_WITHIN, f"dossierpagina: {page_seconds:.2f} s"
    assert sign_in_seconds < ANSWER_WITHIN, f"inloggen: {sign_in_seconds:.2f} s"
    assert worker.outcome == "stopped"
    assert Household.objects.count() == households_before  # the import was rolled back as a whole
    assert AuditEvent.objects.filter(action__in=["view", "sign_in"]).count() == 2  # the pages were logged ...
    assert AuditEvent.objects.count() == log_before + 2  # ... and nothing of the rolled-back import
    assert audit_verify() == []
