"""`import_document`: one exchange document into Tandem, all or nothing (../shared/spec/exchange.md).

1. The structure is checked against `schema.json`; a document that does not fit stops here.
2. The document as a whole is checked: refs, references, BSN, no date after the day of import.
3. In one transaction: region, sites, organisations and professionals are created or updated by code/ref;
   households, members and trajectories are found by ref or registered, and everything inside a trajectory is
   replayed in date order through `tandem.cases.services`, so the legal guardrails are the ones on screen.
   Experiences (monitor questions G–K) go through the monitor's service.
   Every refusal is collected with its place in the file; the import goes on with the next item.
4. Any problem at all: everything is rolled back and `ImportFailed` lists them.
"""
import datetime as dt
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial

from django.db import transaction
from django.utils import timezone

from tandem.exchange import validation
from tandem.exchange.context import ImportContext, Problem
from tandem.exchange.households import import_households
from tandem.exchange.reference import import_organisations, import_professionals, import_region, import_sites
from tandem.exchange.steps import ExtraSteps
from tandem.monitor.models import Experience
from tandem.monitor.services import experience_record
from tandem.core.counting import counted


class ImportFailed(Exception):
    """The document was not imported; `problems` is a list of (place in the file, Dutch message)."""

    def __init__(self, problems: list[Problem]):
        count = "1 probleem" if len(problems) == 1 else f"{len(problems)} problemen"
        super().__init__(f"{count} gevonden; er is niets geïmporteerd.")
        self.problems = problems

    def lines(self) -> list[str]:
        return [f"{path}: {message}" for path, message in self.problems]


@dataclass
class ImportResult:
    households: int  # in the document
    trajectories: int
    created: Counter
    updated: Counter

    @property
    def changed(self) -> bool:
        return bool(+self.created or +self.updated)

    def summary(self) -> str:
        made = ", ".join(f"{n} {kind}" for kind, n in sorted(self.created.items())) or "niets"
        changed = ", ".join(f"{n} {kind}" for kind, n in sorted(self.updated.items())) or "niets"
        return (f"{counted(self.households, 'gezin', 'gezinnen')} en "
                f"{counted(self.trajectories, 'traject', 'trajecten')} in het bestand. "
                f"Nieuw: {made}. Bijgewerkt: {changed}.")


def import_document(data: dict, *, today: dt.date | None = None,
                    progress: Callable[[int, int], None] | None = None,
                    extra_steps: ExtraSteps | None = None) -> ImportResult:
    """Import one exchange document. Raises `ImportFailed` (and changes nothing) when anything is wrong.

    `today` is the day of import for the rule that no date lies after it (the services themselves also refuse
    dates after the real today). `progress(done, total)` is called after each household. `extra_steps` lets a caller add dated service
    calls to each trajectory the import creates (the demo loader adds triage and journal notes that way).
    """
    problems = validation.check_structure(data)
    if problems:
        raise ImportFailed(problems)
    ctx = ImportContext(today=today or timezone.localdate())
    ctx.problems.extend(validation.check_references(data))
    ctx.problems.extend(validation.check_values(data, ctx.today))
    with transaction.atomic():
        import_region(data["region"], ctx)
        import_sites(data["sites"], ctx)
        import_organisations(data["organisations"], ctx)
        import_professionals(data["professionals"], ctx)
        import_households(data["households"], ctx, progress, extra_steps)
        import_experiences(data.get("experiences") or [], ctx)
        if ctx.problems:
            raise ImportFailed(ctx.problems)
    return ImportResult(households=len(data["households"]),
                        trajectories=sum(len(h["trajectories"]) for h in data["households"]),
                        created=ctx.created, updated=ctx.updated)


def import_experiences(items: list, ctx: ImportContext) -> None:
    """Experiences (monitor questions G–K) go through the monitor's service; one already there is kept."""
    claimed: set[int] = set()
    for i, data in enumerate(items):
        site = ctx.sites.get(data["site"])
        if site is None or ctx.is_bad(f"experiences[{i}]"):
            continue
        values = {"quarter": data["quarter"], "question": data["question"], "text": data.get("text", ""),
                  "answer": data.get("answer"), "reasons": data.get("reasons", [])}
        same = Experience.objects.filter(site=site, **values).exclude(pk__in=claimed).first()
        if same is None:
            same = ctx.attempt(f"experiences[{i}]", partial(experience_record, actor=None, site=site, **values), data)
            ctx.created["ervaring"] += same is not None
        if same is not None:
            claimed.add(same.pk)
