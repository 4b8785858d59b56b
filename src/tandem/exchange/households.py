"""Households, their members and trajectories, found by ref or registered through the services.

A ref that Tandem made itself on export (a household, member or trajectory entered on screen has none) is the
object's id, so exporting and importing into the same database finds the same objects again.
"""
import datetime as dt
import uuid
from functools import partial

from django.db.models import Q

from tandem.cases import services
from tandem.cases.models import Household
from tandem.exchange.context import ImportContext
from tandem.exchange.steps import ExtraSteps, TrajectoryRun, day, fmt

MEMBER_FIELDS = ("given_names", "prefix", "family_name", "birth_date", "minor", "bsn")


def by_ref(queryset, ref: str):
    """The object with this ref, or whose id is this ref."""
    try:
        return queryset.filter(Q(ref=ref) | Q(id=uuid.UUID(ref))).first()
    except ValueError:
        return queryset.filter(ref=ref).first()


def member_data(data: dict, keep_bsn: bool = True) -> services.MemberData:
    return services.MemberData(given_names=data["given_names"], prefix=data.get("prefix") or "",
                               family_name=data["family_name"], birth_date=day(data.get("birth_date")),
                               minor=data.get("minor"), bsn=(data.get("bsn") or "") if keep_bsn else "",
                               ref=data["ref"])


class HouseholdImport:
    def __init__(self, ctx: ImportContext, path: str, data: dict, extra_steps: ExtraSteps | None):
        self.ctx, self.path, self.data, self.extra_steps = ctx, path, data, extra_steps
        self.site = ctx.sites.get(data["site"])
        self.trajectories = sorted(enumerate(data["trajectories"]), key=lambda pair: pair[1]["registered_on"])

    def run(self) -> None:
        if self.site is None or self.ctx.is_bad(f"{self.path}.site"):
            return
        household = by_ref(Household.objects.filter(site=self.site), self.data["ref"])
        rest = self.trajectories
        if household is None:
            (j, first), rest = self.trajectories[0], self.trajectories[1:]
            trajectory = self.register(j, first)
            if trajectory is None:
                return
            household, members = trajectory.household, self.members_of(trajectory.household)
            self.run_trajectory(j, first, trajectory, members, new=True)
        else:
            members = self.sync_members(household)
        for j, data in rest:
            if not self.trajectory(household, j, data, members):
                return  # a later registration needs the earlier trajectory closed

    def member_list(self) -> list:
        """The members to register. A BSN already found wrong is left out, so that the rest of the household
        can still be checked (the import is rolled back anyway)."""
        return [member_data(m, not self.ctx.is_bad(f"{self.path}.members[{i}].bsn"))
                for i, m in enumerate(self.data["members"])]

    def members_of(self, household) -> dict:
        return {member.ref or str(member.id): member for member in household.members.all()}

    def first_lead(self, data: dict, registered_on: dt.date):
        lead = (data.get("lead") or [None])[0]
        if lead and day(lead["from"]) == registered_on:
            return self.ctx.pros.get(lead["professional"])
        return None

    def register(self, j: int, data: dict):
        path = f"{self.path}.trajectories[{j}]"
        if self.ctx.is_bad(f"{path}.registered_on") or self.ctx.is_bad(f"{path}.lead[0]"):
            return None
        registered_on = day(data["registered_on"])
        trajectory = self.ctx.attempt(self.path, lambda: services.household_register(
            actor=None, site=self.site, members=self.member_list(),
            registered_on=registered_on, measure_considered=data["measure_considered_at_registration"],
            lead=self.first_lead(data, registered_on), ref=self.data["ref"], trajectory_ref=data["ref"]))
        if trajectory is not None:
            self.ctx.created.update({"gezin": 1, "traject": 1, "gezinslid": len(self.data["members"])})
        return trajectory

    def sync_members(self, household) -> dict:
        """Members already in Tandem stay as they are (no service changes them); new ones are added."""
        for i, data in enumerate(self.data["members"]):
            path = f"{self.path}.members[{i}]"
            member = by_ref(household.members.all(), data["ref"])
            if member is None:
                new = member_data(data, not self.ctx.is_bad(f"{path}.bsn"))
                add = partial(services.member_add, actor=None, household=household, data=new)
                if self.ctx.attempt(path, add):
                    self.ctx.created["gezinslid"] += 1
                continue
            wanted = member_data(data).__dict__
            differ = [name for name in MEMBER_FIELDS if getattr(member, name) != wanted[name]]
            if differ:
                self.ctx.problem(path, "Dit gezinslid staat al in Tandem met andere gegevens (" + ", ".join(differ)
                                 + "). Een import wijzigt geen bestaande gezinsleden; pas dit aan in Tandem zelf.")
        return self.members_of(household)

    def trajectory(self, household, j: int, data: dict, members: dict) -> bool:
        """Find or register one trajectory and replay its content. False when it could not be placed."""
        path = f"{self.path}.trajectories[{j}]"
        registered_on = day(data["registered_on"])
        trajectory = by_ref(household.trajectories.all(), data["ref"])
        if trajectory is not None:
            return self.check_same(path, trajectory, data) and self.run_trajectory(j, data, trajectory, members)
        if self.ctx.is_bad(f"{path}.registered_on") or self.ctx.is_bad(f"{path}.lead[0]"):
            return False
        trajectory = self.ctx.attempt(f"{path}.registered_on", lambda: services.trajectory_register(
            actor=None, household=household, registered_on=registered_on,
            measure_considered=data["measure_considered_at_registration"],
            lead=self.first_lead(data, registered_on), ref=data["ref"]))
        if trajectory is None:
            return False
        self.ctx.created["traject"] += 1
        return self.run_trajectory(j, data, trajectory, members, new=True)

    def check_same(self, path: str, trajectory, data: dict) -> bool:
        if trajectory.registered_on != day(data["registered_on"]):
            self.ctx.problem(f"{path}.registered_on", "Dit traject staat al in Tandem met aanmelddatum "
                             f"{fmt(trajectory.registered_on)}. Een import verandert die datum niet.")
            return False
        if trajectory.measure_considered != data["measure_considered_at_registration"]:
            self.ctx.problem(f"{path}.measure_considered_at_registration", "Dit traject staat al in Tandem met "
                             "een ander antwoord op 'beschermingsmaatregel overwogen'. Een import verandert dat niet.")
        return True

    def run_trajectory(self, j: int, data: dict, trajectory, members: dict, new: bool = False) -> bool:
        run = TrajectoryRun(self.ctx, f"{self.path}.trajectories[{j}]", data, trajectory, members)
        run.plan(self.extra_steps if new else None)
        run.run()
        return True


def import_households(items: list, ctx: ImportContext, progress=None, extra_steps: ExtraSteps | None = None):
    for i, data in enumerate(items):
        HouseholdImport(ctx, f"households[{i}]", data, extra_steps).run()
        if progress is not None:
            progress(i + 1, len(items))
