"""Everything inside one trajectory, replayed through the services in the order it happened.

Each item of the file becomes a dated step. Steps run sorted by date, and on one day in a fixed order (a melding
or measure before the partner who takes the lead on it, a lead before the team, a consent or melding or measure
before the episode that needs it, the closure last), so a
guardrail that depends on earlier facts sees them. A step first looks for the same thing already in the
trajectory (an earlier import of the same file, or what a service made by itself, like the lead's team
membership) and claims it instead of adding it again: importing a file twice changes nothing.
"""
import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from functools import partial

from tandem.cases import services
from tandem.cases.models import Consent, ExpertContact, Involvement, LeadPeriod, Measure, Report, TeamMembership
from tandem.core.exceptions import RuleViolation
from tandem.exchange.context import ImportContext

RANK = {"report": 1, "measure": 2, "consent": 3, "lead": 4, "team": 5, "involvement": 6, "time": 7, "contact": 8,
        "extra": 8, "end": 9, "withdraw": 10, "leave": 11, "close": 12}

# A consent in the file may leave out who gave it and what for (the scenario does); Tandem needs both.

# Hook for extra steps on a trajectory the import creates (the demo loader adds triage and journal notes):
# called with (trajectory, its data) and returning (date, callable) pairs.
ExtraSteps = Callable[[object, dict], list[tuple[dt.date, Callable[[], object]]]]


def day(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def fmt(value: dt.date) -> str:
    return value.strftime("%d-%m-%Y")


@dataclass(order=True)
class Step:
    on: dt.date
    rank: int
    seq: int
    path: str = field(compare=False)
    action: Callable = field(compare=False)
    item: dict | None = field(compare=False, default=None)
    needs: str | None = field(compare=False, default=None)


class TrajectoryRun:
    """The steps of one trajectory of the file, applied to `trajectory` in Tandem."""

    def __init__(self, ctx: ImportContext, path: str, data: dict, trajectory, members: dict):
        self.ctx, self.path, self.data, self.trajectory, self.members = ctx, path, data, trajectory, members
        self.steps: list[Step] = []
        self.made: dict[str, object] = {}
        self.claimed: set[tuple[type, object]] = set()
        self.closed_on = day(data.get("closed_on"))

    # -- running -----------------------------------------------------------------------------------------
    def add(self, on: dt.date, kind: str, path: str, action: Callable, item=None, needs=None) -> None:
        if not self.ctx.is_bad(path):
            self.steps.append(Step(on, RANK[kind], len(self.steps), path, action, item, needs))

    def add_end(self, on: dt.date, begun: dt.date, kind: str, path: str, action: Callable, needs: str) -> None:
        """An end never runs before its beginning exists: an end dated earlier meets the service's refusal."""
        self.add(max(on, begun), kind, path, action, needs=needs)

    def run(self) -> None:
        for step in sorted(self.steps):
            if step.needs is None or step.needs in self.made:
                self.ctx.attempt(step.path, step.action, step.item)

    def create(self, path: str, kind: str, existing: Callable, make: Callable) -> Callable:
        """A step that claims a matching object already in Tandem, or makes it through a service."""
        def action():
            obj = next((o for o in existing() if (type(o), o.pk) not in self.claimed), None)
            if obj is None:
                obj = make()
                self.ctx.created[kind] += 1
            self.claimed.add((type(obj), obj.pk))
            self.made[path] = obj
            return obj
        return action

    def finish(self, path: str, attr: str, wanted: dt.date, do: Callable, what: str, kind: str) -> Callable:
        """A step that ends something (episode, consent, team membership, trajectory) unless it already is.
        `do(obj)` makes the change through a service."""
        def action():
            obj = self.made[path]
            obj.refresh_from_db()
            current = getattr(obj, attr)
            if current == wanted:
                return obj
            if current is not None:
                raise RuleViolation("already_ended", f"{what} is in Tandem al beëindigd op {fmt(current)}.")
            done = do(obj)
            self.ctx.updated[kind] += 1
            return done
        return action

    # -- the items of the file ---------------------------------------------------------------------------
    def plan(self, extra_steps: ExtraSteps | None = None) -> None:
        self.made[self.path] = self.trajectory
        for kind in ("lead", "team", "involvements", "consents", "reports", "measures", "expert_contacts"):
            for i, item in enumerate(self.data.get(kind) or []):
                getattr(self, f"plan_{kind}")(f"{self.path}.{kind}[{i}]", item)
        if self.closed_on:
            close = _ended(services.trajectory_close, "trajectory", closed_on=self.closed_on, end_evaluation="")
            self.add_end(self.closed_on, self.trajectory.registered_on, "close", f"{self.path}.closed_on",
                         self.finish(self.path, "closed_on", self.closed_on, close, "Het traject", "afsluiting"),
                         needs=self.path)
        for on, action in (extra_steps(self.trajectory, self.data) if extra_steps else []):
            self.add(on, "extra", self.path, action)

    def plan_lead(self, path: str, item: dict) -> None:
        who, on = self.ctx.pros.get(item["professional"]), day(item["from"])
        existing = partial(LeadPeriod.objects.filter, trajectory=self.trajectory, professional=who, start=on)
        make = partial(services.lead_switch, actor=None, trajectory=self.trajectory, professional=who, on=on)
        self.add(on, "lead", path, self.create(path, "regiewissel", existing, make), item)

    def plan_team(self, path: str, item: dict) -> None:
        who, joined, left = self.ctx.pros.get(item["professional"]), day(item["joined_on"]), day(item.get("left_on"))
        existing = partial(TeamMembership.objects.filter, trajectory=self.trajectory, professional=who,
                           joined_on=joined)
        make = partial(services.team_member_add, actor=None, trajectory=self.trajectory, professional=who,
                       joined_on=joined)
        self.add(joined, "team", path, self.create(path, "teamlid", existing, make), item)
        if left and left != self.closed_on:  # on the closing day the closure ends every membership
            leave = _ended(services.team_member_leave, "membership", left_on=left)
            self.add_end(left, joined, "leave", f"{path}.left_on",
                         self.finish(path, "left_on", left, leave, "De deelname aan het team", "vertrek uit team"),
                         needs=path)

    def plan_involvements(self, path: str, item: dict) -> None:
        org, form, start = self.ctx.orgs.get(item["organisation"]), item["form"], day(item["start"])
        existing = partial(Involvement.objects.filter, trajectory=self.trajectory, organisation=org, form=form,
                           start=start)
        make = partial(services.involvement_start, actor=None, trajectory=self.trajectory, organisation=org,
                       form=form, start=start, anonymous=item.get("anonymous", False))
        self.add(start, "involvement", path, self.create(path, "betrokkenheid", existing, make), item)
        for j, entry in enumerate(item.get("time") or []):
            self.plan_time(f"{path}.time[{j}]", path, start, entry)
        if end := day(item.get("end")):
            stop = _ended(services.involvement_end, "involvement", end=end)
            self.add_end(end, start, "end", f"{path}.end",
                         self.finish(path, "end", end, stop, "De betrokkenheid", "einde betrokkenheid"), needs=path)

    def plan_time(self, path: str, involvement_path: str, start: dt.date, entry: dict) -> None:
        on, hours = day(entry["on"]), Decimal(str(entry["hours"]))

        def existing():
            return self.made[involvement_path].time_entries.filter(on=on, hours=hours)

        def make():
            involvement = self.made[involvement_path]
            involvement.refresh_from_db()  # the closure may have ended it meanwhile
            return services.time_register(actor=None, involvement=involvement, on=on, hours=hours)
        # Never before the episode exists: a date before its start then meets the service's own refusal.
        self.add(max(on, start), "time", path, self.create(path, "uren", existing, make), entry,
                 needs=involvement_path)

    def plan_consents(self, path: str, item: dict) -> None:
        org, given = self.ctx.orgs.get(item["organisation"]), day(item["given_on"])
        by = self.members.get(item.get("given_by"))  # None: the file does not say who gave it
        existing = partial(Consent.objects.filter, trajectory=self.trajectory, organisation=org, given_on=given)
        make = partial(services.consent_record, actor=None, trajectory=self.trajectory, organisation=org,
                       given_by=by, purpose=item.get("purpose") or "", given_on=given)
        self.add(given, "consent", path, self.create(path, "toestemming", existing, make), item)
        if withdrawn := day(item.get("withdrawn_on")):
            undo = _ended(services.consent_withdraw, "consent", withdrawn_on=withdrawn)
            self.add_end(withdrawn, given, "withdraw", f"{path}.withdrawn_on",
                         self.finish(path, "withdrawn_on", withdrawn, undo, "De toestemming", "intrekking"),
                         needs=path)

    def plan_reports(self, path: str, item: dict) -> None:
        org, on = self.ctx.orgs.get(item["organisation"]), day(item["on"])
        existing = partial(Report.objects.filter, trajectory=self.trajectory, organisation=org, on=on)
        make = partial(services.report_record, actor=None, trajectory=self.trajectory, on=on, organisation=org)
        self.add(on, "report", path, self.create(path, "melding", existing, make), item)

    def plan_measures(self, path: str, item: dict) -> None:
        kind, on = item["type"], day(item["on"])
        existing = partial(Measure.objects.filter, trajectory=self.trajectory, type=kind, on=on)
        make = partial(services.measure_record, actor=None, trajectory=self.trajectory, type=kind, on=on,
                       initiated_from_site=item["initiated_from_site"],
                       subject=self.members.get(item.get("subject")),
                       handled_by=self.ctx.pros.get(item.get("handled_by")))
        self.add(on, "measure", path, self.create(path, "maatregel", existing, make), item)

    def plan_expert_contacts(self, path: str, item: dict) -> None:
        expert, on = self.ctx.pros.get(item["expert"]), day(item["on"])
        existing = partial(ExpertContact.objects.filter, trajectory=self.trajectory, expert=expert, on=on)
        make = partial(services.expert_contact_record, actor=None, trajectory=self.trajectory, on=on,
                       expert=expert)
        self.add(on, "contact", path, self.create(path, "contact ervaringsdeskundige", existing, make), item)


def _ended(service: Callable, name: str, **kwargs) -> Callable:
    """`service(actor=None, <name>=obj, **kwargs)` as a function of `obj`."""
    return lambda obj: service(actor=None, **{name: obj}, **kwargs)
