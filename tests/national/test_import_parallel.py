"""The same hand-over sent in four times at once: exactly one is stored, the others are refused with the Dutch
message (the pilot's row lock, the unique digest and the one-current-per-quarter constraint)."""
import threading

import pytest
from django.db import connection

from tandem.core.exceptions import RuleViolation
from tandem.national import services
from tandem.national.models import HandedLesson, Handover

pytestmark = pytest.mark.django_db(transaction=True)
THREADS = 4


def test_simultaneous_imports_store_one(national, signed):
    barrier, outcomes, lock = threading.Barrier(THREADS), [], threading.Lock()

    def send():
        try:
            barrier.wait()
            try:
                services.handover_import(data=signed)
                outcome = "ingelezen"
            except RuleViolation as refused:
                outcome = refused.code
            with lock:
                outcomes.append(outcome)
        finally:
            connection.close()

    threads = [threading.Thread(target=send) for _ in range(THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(120)
    assert sorted(outcomes) == ["already_imported"] * (THREADS - 1) + ["ingelezen"]
    assert Handover.objects.count() == 1 and HandedLesson.objects.count() == 2
