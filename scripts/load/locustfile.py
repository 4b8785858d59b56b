"""The load test (scripts/loadtest; docs/performance.md): consultants open their families and write journal
notes, partners open families and write time, coordinators open the region's and a site's monitor. Users and
families come from `tandem loadtest-data` (its manifest: TANDEM_LOAD_MANIFEST). Only ever 127.0.0.1."""
import itertools
import json
import os
import re
import threading

from burst import local_only
from locust import HttpUser, between, events, task
from signin import csrf_of, sign_in

MANIFEST = json.loads(open(os.environ["TANDEM_LOAD_MANIFEST"], encoding="utf-8").read())
VERSION = re.compile(r'name="expected_version" value="(\d+)"')
TODAY = os.environ.get("TANDEM_LOAD_TODAY", "")
QUARTER = os.environ.get("TANDEM_LOAD_QUARTER", "2026-Q4")
_pools, _lock = {}, threading.Lock()


@events.test_start.add_listener
def _only_local(environment, **kwargs):
    local_only(environment.host)


def next_name(kind: str, names) -> str:
    """Every simulated person gets an account of their own (a sign-in code works once per account)."""
    with _lock:
        pool = _pools.setdefault(kind, itertools.cycle(list(names)))
        return next(pool)


class Person(HttpUser):
    abstract = True
    wait_time = between(5, 15)  # a person reads and types between clicks
    kind = ""

    def on_start(self):
        self.username = next_name(self.kind, self.accounts())
        if not sign_in(self.client, "", self.username):
            raise RuntimeError(f"aanmelden mislukt voor {self.username}")
        self.families = self.families_of(self.username)
        self.round = itertools.cycle(self.families)

    def accounts(self):
        return MANIFEST[self.kind]

    def families_of(self, username):
        return MANIFEST[self.kind][username]

    def open_family(self):
        family = next(self.round)
        self.client.get(f"/gezinnen/{family['household']}/", name="gezin openen")
        return family

    def write(self, url: str, data: dict, name: str) -> None:
        """GET the form (its version and CSRF token), POST it; a refused concurrent edit is tried once more,
        as a person does after the page says someone else changed the dossier."""
        for attempt in (1, 2):
            form = self.client.get(url, name=f"{name} (formulier)")
            match = VERSION.search(form.text)
            fields = {**data, "expected_version": match[1] if match else "",
                      "csrfmiddlewaretoken": csrf_of(form.text)}
            with self.client.post(url, data=fields, allow_redirects=False, name=name, catch_response=True) as sent:
                if sent.status_code == 302:
                    sent.success()
                    return
                if attempt == 2 or sent.status_code != 200:
                    sent.failure(f"niet opgeslagen (status {sent.status_code})")
                    return
                sent.success()  # refused (e.g. someone changed the dossier meanwhile): try once more


class Consultant(Person):
    weight, kind = 6, "consultants"

    @task(5)
    def family(self):
        self.open_family()

    @task(2)
    def journal_note(self):
        family = self.open_family()
        self.write(f"/gezinnen/traject/{family['trajectory']}/journaal/",
                   {"kind": "contact_note", "nature": "fact", "on": TODAY, "source": "Gesprek met moeder",
                    "text": "We spraken over de afspraken. Het ging goed deze week."}, "journaalnotitie")


class Partner(Person):
    weight, kind = 3, "partners"

    def accounts(self):
        return [name for name, families in MANIFEST["partners"].items() if families]

    @task(3)
    def family(self):
        self.open_family()

    @task(2)
    def write_time(self):
        family = self.open_family()
        self.write(f"/gezinnen/traject/{family['trajectory']}/betrokkenheid/{family['involvement']}/tijd/",
                   {"on": TODAY, "hours": "1.5"}, "tijd schrijven")


class Coordinator(Person):
    weight, kind = 1, "coordinators"

    def families_of(self, username):
        return [None]

    @task(2)
    def region(self):
        self.client.get(f"/monitor/regio/{MANIFEST['region']}/{QUARTER}/", name="monitor regio")

    @task(1)
    def site(self):
        for site in MANIFEST["sites"][:1]:
            self.client.get(f"/monitor/toekomsttuin/{site}/{QUARTER}/", name="monitor toekomsttuin")
