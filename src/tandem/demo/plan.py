"""One household's story as exchange data: members, and a trajectory built step by step.

`TrajectoryPlan` keeps every date within the demo period and in an order the legal guardrails accept, so
that the demo imports through the same services as a real file.
"""
import datetime as dt
import random

from tandem.demo import names

FIRST_DAY = dt.date(2024, 6, 3)
LAST_DAY = dt.date(2025, 12, 31)


def iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


def born(rng: random.Random, on: dt.date, age: int) -> str:
    """A birth date that makes someone `age` on `on`."""
    day = dt.date(on.year - age, rng.randint(1, 12), rng.randint(1, 28))
    return iso(day if day <= on.replace(year=on.year - age) else day.replace(year=day.year - 1))


def family(rng: random.Random, ref: str, kind: str, on: dt.date) -> list[dict]:
    """Members of one household: `parents` (two parents and children), `single` (one parent) or `adults`."""
    prefix, surname = rng.choice(names.SURNAMES)
    other_prefix, other_surname = rng.choice(names.SURNAMES)

    def person(n: int, given: str, age: int, own=(prefix, surname)) -> dict:
        member = {"ref": f"{ref}-m{n}", "given_names": given, "family_name": own[1], "birth_date": born(rng, on, age)}
        if own[0]:
            member["prefix"] = own[0]
        return member
    if kind == "adults":
        if rng.random() < 0.5:
            return [person(1, rng.choice(names.MEN), rng.randint(66, 82)),
                    person(2, rng.choice(names.WOMEN), rng.randint(64, 80), (other_prefix, other_surname))]
        return [person(1, rng.choice(names.WOMEN), rng.randint(44, 58)), person(2, rng.choice(names.MEN),
                                                                                 rng.randint(18, 24))]
    members = [person(1, rng.choice(names.WOMEN), rng.randint(26, 46), (other_prefix, other_surname))]
    if kind == "parents":
        members.append(person(2, rng.choice(names.MEN), rng.randint(28, 50)))
    for _ in range(rng.randint(1, 3)):
        given = rng.choice(names.GIRLS if rng.random() < 0.5 else names.BOYS)
        members.append(person(len(members) + 1, given, rng.randint(0, 16)))
    return members


class TrajectoryPlan:
    def __init__(self, rng: random.Random, ref: str, registered_on: dt.date, lead: str, members: list[dict]):
        self.rng, self.members, self.lead = rng, members, lead
        self.registered_on = self.latest = registered_on
        self.data = {"ref": ref, "registered_on": iso(registered_on), "measure_considered_at_registration": False,
                     "closed_on": None, "lead": [{"from": iso(registered_on), "professional": lead}], "team": [],
                     "involvements": [], "consents": [], "reports": [], "measures": [], "expert_contacts": []}

    # -- people in the household ----------------------------------------------------------------------
    def adults(self) -> list[dict]:
        return [m for m in self.members if self._age(m) >= 18]

    def children(self) -> list[dict]:
        return [m for m in self.members if self._age(m) < 18]

    def _age(self, member: dict) -> int:
        birth = dt.date.fromisoformat(member["birth_date"])
        return self.registered_on.year - birth.year - ((self.registered_on.month, self.registered_on.day)
                                                       < (birth.month, birth.day))

    # -- dates ----------------------------------------------------------------------------------------
    def after(self, day: dt.date | None, low: int, high: int) -> dt.date | None:
        """A day `low`–`high` days after `day`, or None when that falls after the demo period."""
        if day is None:
            return None
        later = day + dt.timedelta(days=self.rng.randint(low, high))
        return later if later <= LAST_DAY else None

    def _seen(self, *days) -> None:
        self.latest = max([self.latest, *(d for d in days if d)])

    # -- what happens ---------------------------------------------------------------------------------
    def consent(self, organisation: str, on: dt.date, purpose: str, given_by: dict | None = None) -> None:
        given_by = given_by or self.adults()[0]
        self.data["consents"].append({"organisation": organisation, "given_by": given_by["ref"], "given_on": iso(on),
                                      "withdrawn_on": None, "purpose": purpose})
        self._seen(on)

    def join(self, professional: str, on: dt.date, left_on: dt.date | None = None) -> None:
        self.data["team"].append({"professional": professional, "joined_on": iso(on), "left_on": iso(left_on)})
        self._seen(on, left_on)

    def switch_lead(self, professional: str, on: dt.date) -> None:
        self.data["lead"].append({"from": iso(on), "professional": professional})
        self._seen(on)

    def episode(self, form: str, organisation: str, start: dt.date, end: dt.date | None, weekly: tuple[float, ...],
                anonymous: bool = False) -> None:
        """An involvement with time registered about once a week (`weekly` are the hours to choose from)."""
        last = end or LAST_DAY
        entries, day = [], start
        while day <= last and len(entries) < 12:
            entries.append({"on": iso(day), "hours": self.rng.choice(weekly)})
            day += dt.timedelta(days=self.rng.choice((7, 7, 14)))
        item = {"form": form, "organisation": organisation, "start": iso(start), "end": iso(end), "time": entries}
        if anonymous:
            item["anonymous"] = True
        self.data["involvements"].append(item)
        self._seen(start, end, dt.date.fromisoformat(entries[-1]["on"]))

    def report(self, organisation: str, on: dt.date) -> None:
        self.data["reports"].append({"on": iso(on), "organisation": organisation})
        self._seen(on)

    def measure(self, kind: str, on: dt.date, subject: dict | None = None, handled_by: str | None = None,
                initiated: bool = True) -> None:
        item = {"type": kind, "on": iso(on), "initiated_from_site": initiated}
        if subject:
            item["subject"] = subject["ref"]
        if handled_by:
            item["handled_by"] = handled_by
        self.data["measures"].append(item)
        if initiated:
            self._seen(on)

    def expert_contacts(self, expert: str, start: dt.date, count: int) -> None:
        day = start
        for _ in range(count):
            day = self.after(day, 7, 21)
            if day is None:
                return
            self.data["expert_contacts"].append({"on": iso(day), "expert": expert})
            self._seen(day)

    def close(self, low: int = 14, high: int = 45) -> None:
        """Close some weeks after the last thing that happened, if that still lies in the demo period."""
        closed_on = self.after(self.latest, low, high)
        if closed_on is not None:
            self.data["closed_on"] = iso(closed_on)
            self.latest = closed_on
