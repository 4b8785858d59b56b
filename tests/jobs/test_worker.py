"""The task queue for real: the database backend and its worker (`tandem db_worker`) in another process. A worker
killed with SIGKILL halfway through an import leaves no partial import, and the job shows as failed in Dutch."""
import os
import signal
import subprocess
import sys
import time

import pytest
from django.db import connection

from exchange.test_spreadsheet import HEADER, ROWS
from tandem.cases.models import Household
from tandem.jobs import progress, services
from tandem.jobs.models import Job

pytestmark = pytest.mark.django_db(transaction=True)


def many_households(count: int) -> bytes:
    template = ROWS[1]  # one member, no partners: a plain registration
    rows = [[f"G-{i:04d}", "", "2025-03-03", "nee", "", "anna", "Piet", "", f"Jansen{i}", *template[9:]]
            for i in range(count)]
    return ("\n".join(";".join(r) for r in [HEADER, *rows]) + "\n").encode()


def database_url() -> str:
    s = connection.settings_dict
    if connection.vendor == "sqlite":
        return f"sqlite:///{s['NAME']}"
    return f"postgres://{s['USER']}@{s['HOST']}:{s['PORT']}/{s['NAME']}"


def worker(tmp_path):
    env = {**os.environ, "DATABASE_URL": database_url(), "TANDEM_DEV": "1", "TANDEM_TASKS": "database",
           "TANDEM_JOB_DIR": str(tmp_path)}
    return subprocess.Popen([sys.executable, "-m", "tandem", "db_worker", "--interval", "0.2"], env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


@pytest.fixture
def queue(settings, tmp_path):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    settings.TANDEM_JOB_DIR = str(tmp_path)
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def wait_for(check, seconds: float = 120):
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        if (value := check()) is not None:
            return value
        time.sleep(0.1)
    pytest.fail("Wachten duurde te lang.")


def test_the_worker_runs_an_import(queue, actors, site, tmp_path):
    job = services.job_import_start(actor=actors["coordinator"], site=site, name="tuin.csv",
                                    data=many_households(3))
    process = worker(tmp_path)
    try:
        wait_for(lambda: True if Job.objects.get(pk=job.pk).status == "done" else None)
    finally:
        process.terminate()
        process.wait(10)
    assert Household.objects.count() == 3


def test_a_worker_killed_halfway_leaves_no_partial_import(queue, actors, site, tmp_path):
    job = services.job_import_start(actor=actors["coordinator"], site=site, name="tuin.csv",
                                    data=many_households(400))
    process = worker(tmp_path)
    try:
        done, total = wait_for(lambda: (p if (p := progress.read(job.pk)) and 0 < p[0] < p[1] else None))
        os.kill(process.pid, signal.SIGKILL)
    finally:
        process.wait(10)
    assert 0 < done < total == 400
    assert Household.objects.count() == 0  # the import's transaction never committed
    job = services.job_check_interrupted(job=Job.objects.get(pk=job.pk))
    assert job.status == "failed" and "onderbroken" in job.message and "niets geïmporteerd" in job.message
