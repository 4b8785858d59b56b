"""`tandem serve` for real: gunicorn on 127.0.0.1 against the test database, and a burst of 200 simultaneous
requests that must all be answered without a server error (docs/performance.md has the long load test).

PostgreSQL only: on SQLite the suite's test database lives in memory, out of reach of a server process
(`python3 scripts/loadtest --sqlite` runs the same burst there)."""
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from django.db import connection

from tandem.accounts.testing import TwoFactorClient
from tandem.operations.management.commands.serve import gunicorn_command

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts" / "load"))
from burst import burst  # noqa: E402


def test_the_server_command_uses_threaded_workers():
    command = gunicorn_command(bind="127.0.0.1:9", workers=3, threads=5, timeout=60, access_log=False)
    assert command[command.index("--worker-class") + 1] == "gthread"
    assert command[command.index("--threads") + 1] == "5" and command[command.index("--workers") + 1] == "3"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _database_url() -> str:
    db = connection.settings_dict
    return f"postgres://{db['USER']}:{db['PASSWORD'] or ''}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"


def _wait(url: str, seconds: float = 60) -> None:
    deadline = time.time() + seconds
    while time.time() < deadline:
        try:
            urllib.request.urlopen(url, timeout=2)  # noqa: S310 (our own server on 127.0.0.1)
            return
        except OSError:
            time.sleep(0.3)
    pytest.fail(f"tandem serve did not answer on {url}")


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the SQLite test database is in memory")
@pytest.mark.django_db(transaction=True)
def test_a_burst_of_200_simultaneous_requests_gets_no_server_error(actors, family, tmp_path):
    client = TwoFactorClient()
    client.force_login(actors["consulent"])
    cookies = {"sessionid": client.cookies["sessionid"].value}
    port = _free_port()
    env = {"DATABASE_URL": _database_url(), "TANDEM_DEV": "1", "TANDEM_DB_POOL_MAX": "4",
           "PATH": str(Path(sys.executable).parent), "HOME": str(tmp_path)}
    server = subprocess.Popen([sys.executable, "-m", "tandem", "serve", "--bind", f"127.0.0.1:{port}",
                               "--workers", "2", "--threads", "4"], env=env, cwd=tmp_path,
                              stdout=open(tmp_path / "server.log", "w"), stderr=subprocess.STDOUT)
    try:
        base = f"http://127.0.0.1:{port}"
        _wait(base + "/inloggen/")
        pages = [(cookies, f"/gezinnen/{family.household_id}/"), (cookies, "/gezinnen/"), ({}, "/inloggen/")]
        statuses = burst(base, pages, 200, timeout=90)
    finally:
        server.terminate()
        server.wait(30)
    assert sum(statuses.values()) == 200
    assert statuses[200] == 200, (statuses, (tmp_path / "server.log").read_text()[-2000:])
