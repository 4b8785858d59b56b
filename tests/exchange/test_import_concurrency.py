"""Issue 16: a long import no longer holds the access log's lock, so a dossier page and a sign-in answer while it
runs (they waited 55 s behind it on PostgreSQL).

`tandem import` of 2,000 households runs in a child process, in its one all-or-nothing transaction. Once it has
replayed the first 100 households (its transaction then holds well over a thousand log entries), this process
opens a dossier page and signs in through the real pages, each within 2 s; then the import is killed, which rolls
it back. (A child process, not a thread: a thread would share this interpreter's lock and measure that.)

SQLite has one writer per database file: every page that writes its access-log entry waits for the import's
commit, whatever the log's design, so this test runs on PostgreSQL only (docs/security.md, "Import beside the
dossier").
"""
import json
import os
import random
import subprocess
import sys
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

from .documents import repo_root

pytestmark = pytest.mark.django_db(transaction=True)

HOUSEHOLDS, ANSWER_WITHIN = 2000, 2.0


def document() -> dict:
    doc = generator.build_document()
    rng = random.Random(16)
    doc["households"] = [generator._household(rng, number) for number in range(HOUSEHOLDS)]
    doc["experiences"] = []
    return doc


def database_url() -> str:
    s = connection.settings_dict
    return f"postgres://{s['USER']}@{s['HOST'] or '127.0.0.1'}:{s['PORT'] or 5432}/{s['NAME']}"


class RunningImport:
    """`tandem import FILE` in a child process; `running` is set at its first progress line (100 households)."""

    def __init__(self, path):
        env = {**os.environ, "TANDEM_DEV": "1", "DATABASE_URL": database_url()}
        self.process = subprocess.Popen([sys.executable, "-m", "tandem", "import", str(path)], env=env,
                                        cwd=repo_root(), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        self.running, self.lines = threading.Event(), []
        threading.Thread(target=self.watch, daemon=True).start()

    def watch(self):
        for line in self.process.stderr:
            self.lines.append(line)
            if "gezinnen verwerkt" in line:
                self.running.set()
        self.running.set()

    def kill(self):
        self.process.kill()
        self.process.wait(timeout=60)


def timed(action) -> tuple[float, object]:
    start = time.perf_counter()
    result = action()
    return time.perf_counter() - start, result


def test_a_dossier_page_and_a_sign_in_answer_while_an_import_runs(client, family, actors, password, tmp_path):
    if connection.vendor != "postgresql":
        pytest.skip("SQLite heeft één schrijver per databasebestand: een pagina wacht op de commit van de import.")
    path = tmp_path / "2000-gezinnen.json"
    path.write_text(json.dumps(document()), encoding="utf-8")
    client.force_login(actors["consulent"])  # signed in with both factors (tests/conftest.py)
    give_device(actors["partner"])
    page_url = reverse("cases:household", args=[family.household_id])
    before_seconds, _ = timed(lambda: client.get(page_url))  # also warms this process (templates, URLs)
    households_before, log_before = Household.objects.count(), AuditEvent.objects.count()
    running = RunningImport(path)
    try:
        assert running.running.wait(timeout=600) and running.process.poll() is None, "".join(running.lines)
        page_seconds, page = timed(lambda: client.get(page_url))
        signer = Client()
        sign_in_seconds, signed = timed(lambda: (password_step(signer, "bram", password),
                                                 signer.post(reverse("accounts:verify"), {"code": code()})))
        assert running.process.poll() is None, "de import moet nog lopen tijdens de metingen"
    finally:
        running.kill()
    print(f"dossierpagina {page_seconds:.3f} s (ervoor {before_seconds:.3f} s), inloggen {sign_in_seconds:.3f} s "
          f"tijdens de import ({running.lines[-1].strip()})")
    assert page.status_code == 200 and "Fatima" in page.content.decode()
    assert signed[1].status_code == 302 and signed[1]["Location"] == reverse("cases:my_families")
    assert page_seconds < ANSWER_WITHIN, f"dossierpagina: {page_seconds:.2f} s"
    assert sign_in_seconds < ANSWER_WITHIN, f"inloggen: {sign_in_seconds:.2f} s"
    assert Household.objects.count() == households_before  # the killed import was rolled back as a whole
    assert AuditEvent.objects.filter(action__in=["view", "sign_in"]).count() == 3  # the pages were logged ...
    assert AuditEvent.objects.count() == log_before + 2  # ... and nothing of the rolled-back import
    assert audit_verify() == []
