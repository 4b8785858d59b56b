"""The lock-out holds in parallel (issue 11: 41 simultaneous guesses used to get 24 checked on SQLite and 21 on
PostgreSQL, and the right password, 40th in the burst, got in).

41 threads post to a live server at once, 40 with a wrong password and one with the right one. Every password
check is counted and made slow (0.3 s), so the burst is still in flight while the first checks run. The right
password is sent as soon as five checks have begun: inside the burst, but after the five places a lock-out of 5
allows are taken (sent among the first five, a right password would rightly get in: the limit is five
guesses). At most 5 passwords may be checked, and the right one must be refused without being checked.
The portal's one-time codes get the same burst."""
import re
import threading
import time
from concurrent.futures import ThreadPoolExecutor

import pytest
import requests
from django.contrib.auth.hashers import MD5PasswordHasher

from tandem.accounts import lockout
from tandem.audit.models import AuditEvent
from tandem.portal.models import LOCKOUT_AFTER, PortalInvite

pytestmark = pytest.mark.django_db(transaction=True)
BURST = 41
SLOW = 0.3


class CheckCounter:
    """Counts password (or code) checks against one stored hash; each check takes SLOW seconds."""

    def __init__(self, monkeypatch, target_hash: str, after: int):
        self.target, self.checks, self.lock, self.started = target_hash, 0, threading.Lock(), threading.Event()
        self.after = after
        original = MD5PasswordHasher.verify

        def verify(hasher, password, encoded):
            if encoded == self.target:
                with self.lock:
                    self.checks += 1
                    if self.checks >= self.after:
                        self.started.set()
                time.sleep(SLOW)
            return original(hasher, password, encoded)

        monkeypatch.setattr(MD5PasswordHasher, "verify", verify)


def _form(session, url):
    page = session.get(url, timeout=30)
    return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text)[1]


def _burst(url, wrong: list[dict], right: dict, counter: CheckCounter):
    """Fire the wrong ones together; the right one once `counter.after` checks have begun."""
    sessions = [requests.Session() for _ in range(len(wrong) + 1)]
    tokens = [_form(s, url) for s in sessions]
    barrier = threading.Barrier(len(wrong))

    def post(index, data, wait):
        if wait:
            assert counter.started.wait(timeout=30)
        else:
            barrier.wait(timeout=30)
        return sessions[index].post(url, data={**data, "csrfmiddlewaretoken": tokens[index]}, timeout=60,
                                    allow_redirects=False)

    with ThreadPoolExecutor(max_workers=len(wrong) + 1) as pool:
        futures = [pool.submit(post, i, data, False) for i, data in enumerate(wrong)]
        right_future = pool.submit(post, len(wrong), right, True)
        responses = [f.result() for f in futures]
        return responses, right_future.result()


def test_41_simultaneous_password_guesses_check_at_most_5(live_server, actors, password, monkeypatch):
    counter = CheckCounter(monkeypatch, actors["consulent"].password, after=lockout.ACCOUNT_LIMIT)
    wrong = [{"username": "anna", "password": f"fout-{n}-wachtwoord"} for n in range(BURST - 1)]
    responses, right = _burst(live_server.url + "/inloggen/", wrong, {"username": "anna", "password": password},
                              counter)
    print(f"{BURST} tegelijk: {counter.checks} wachtwoorden gecontroleerd")  # the figure for docs (pytest -s)
    assert counter.checks <= lockout.ACCOUNT_LIMIT, f"{counter.checks} wachtwoorden gecontroleerd"
    assert all(r.status_code == 200 for r in responses)  # refused on the page, never a server error
    assert right.status_code == 200 and "Te veel mislukte pogingen" in right.text
    assert "sessionid" not in right.cookies and not AuditEvent.objects.filter(action="sign_in").exists()
    assert sum("Te veel mislukte pogingen" in r.text for r in responses) >= BURST - 1 - lockout.ACCOUNT_LIMIT
    assert lockout.is_locked("anna")


def test_41_simultaneous_portal_codes_check_at_most_5(live_server, mother, monkeypatch):
    from tandem.portal.services import portal_invite_create

    issued = portal_invite_create(actor=None, member=mother)
    counter = CheckCounter(monkeypatch, PortalInvite.objects.get().code_hash, after=LOCKOUT_AFTER)
    wrong = [{"login_name": issued.login_name, "code": f"AAAA-AA{n:02d}"} for n in range(BURST - 1)]
    responses, right = _burst(live_server.url + "/mijn/inloggen/", wrong,
                              {"login_name": issued.login_name, "code": issued.code}, counter)
    print(f"{BURST} tegelijk: {counter.checks} codes gecontroleerd")
    assert counter.checks <= LOCKOUT_AFTER, f"{counter.checks} codes gecontroleerd"
    assert all(r.status_code == 200 for r in responses)
    assert right.status_code == 200 and "te vaak" in right.text
    invite = PortalInvite.objects.get()
    assert invite.used_at is None and invite.failed_attempts == LOCKOUT_AFTER
