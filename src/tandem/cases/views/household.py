"""The household page: members, trajectories, the tandem picture and everything recorded in them."""
from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.utils import timezone

from tandem.audit.services import audit_record
from tandem.cases.models import Trajectory
from tandem.cases.selectors import Access
from tandem.cases.tandem_picture import Period, Picture, build_picture
from tandem.cases.views.common import load_household
from tandem.cases.views.display import (
    age_group,
    intensity,
    masked_bsn,
    member_labels,
    stage,
)
from tandem.cases.views.overview import can_register
from tandem.organisations.models import Role
from tandem.security.selectors import emergency_grants_for


@dataclass
class MemberRow:
    label: str
    age: str
    birth_date: object
    bsn: str
    relation: str
    is_network: bool


@dataclass
class TrajectoryPage:
    trajectory: Trajectory
    access: Access
    stage: str
    can_edit: bool  # change anything: only while the trajectory is open
    can_annotate: bool  # journal, time and withdrawing consent: also after closure
    can_count_contacts: bool
    picture: Picture
    lead: object
    team: list
    involvements: list
    consents: list
    reports: list
    measures: list
    triage: list
    journal: list
    expert_contacts: list = field(default_factory=list)


def member_rows(members, labels, identifying: bool, today) -> list[MemberRow]:
    return [MemberRow(label=labels[m.pk], age=age_group(m.birth_date, m.minor, today),
                      birth_date=m.birth_date if identifying else None,
                      bsn=masked_bsn(m.bsn) if identifying else "", relation=m.relation, is_network=m.is_network)
            for m in members]


def _person(user) -> str:
    return str(user) if user else ""


def _picture(trajectory, leads, team, today) -> Picture:
    lead_periods = [Period(_person(p.professional), str(p.professional.organisation or ""), p.start, p.end)
                    for p in leads]
    memberships = [Period(_person(m.professional), str(m.organisation), m.joined_on, m.left_on) for m in team]
    return build_picture(registered_on=trajectory.registered_on, closed_on=trajectory.closed_on, today=today,
                         leads=lead_periods, team=memberships)


def _involvements(trajectory, today) -> list:
    rows = []
    for involvement in trajectory.involvements.select_related("organisation").prefetch_related("time_entries"):
        hours = sum((e.hours for e in involvement.time_entries.all()), Decimal(0))
        involvement.intensity = intensity(hours, involvement.start, involvement.end, today)
        rows.append(involvement)
    return rows


def _expert_contacts(trajectory) -> list[dict]:
    """Counted per expert and date, never any content (domain §4 step 7)."""
    counts = Counter((c.expert, c.on) for c in trajectory.expert_contacts.select_related("expert"))
    return [{"expert": expert, "on": on, "count": n} for (expert, on), n in sorted(counts.items(),
                                                                                   key=lambda i: i[0][1])]


def _label(obj, attr: str, labels: dict) -> None:
    member_id = getattr(obj, f"{attr}_id")
    setattr(obj, f"{attr}_label", labels.get(member_id, "") if member_id else "")


def _legal(trajectory, labels) -> tuple[list, list, list]:
    consents = list(trajectory.consents.select_related("organisation"))
    reports = list(trajectory.reports.select_related("organisation", "handled_by"))
    measures = list(trajectory.measures.select_related("handled_by", "extends"))
    for consent in consents:
        _label(consent, "given_by", labels)
    for obj in reports + measures:
        _label(obj, "subject", labels)
    return consents, reports, measures


def _journal(trajectory) -> list:
    """The entries, with the residents' own views and correction requests shown beside them (portal)."""
    return list(trajectory.journal.select_related("author").prefetch_related(
        "resident_views__member", "correction_requests__member"))


def trajectory_page(trajectory, access, labels, today, user) -> TrajectoryPage:
    leads = list(trajectory.lead_periods.select_related("professional__organisation"))
    team = list(trajectory.team.select_related("professional", "organisation"))
    triage = list(trajectory.triage_decisions.all())
    consents, reports, measures = _legal(trajectory, labels)
    return TrajectoryPage(
        trajectory=trajectory, access=access, stage=stage(trajectory, triage),
        can_edit=access.edit and trajectory.is_open, can_annotate=access.edit,
        can_count_contacts=trajectory.is_open and (access.edit or user.role == Role.ERVARINGSDESKUNDIGE),
        picture=_picture(trajectory, leads, team, today),
        lead=next((p for p in leads if p.end is None), None), team=team,
        involvements=_involvements(trajectory, today), consents=consents, reports=reports, measures=measures,
        triage=triage, journal=_journal(trajectory),
        expert_contacts=_expert_contacts(trajectory),
    )


@login_required
def household_detail(request, household_id):
    view = load_household(request.user, household_id)
    household, access, today = view.household, view.access, timezone.localdate()
    audit_record(actor=request.user, action="view", household_id=household.id, obj=household,
                 purpose="dossier inzien")
    members = list(household.members.all())
    labels = member_labels(members, access.identifying, today)
    pages = [trajectory_page(t, view.accesses[t.pk], labels, today, request.user) for t in view.trajectories]
    current = pages[0] if view.primary is pages[0].trajectory else None
    context = {
        # No names in the browser title: it ends up in history and on shared screens.
        "title": f"Gezinsdossier {household.short_code}",
        "household": household, "access": access, "members": member_rows(members, labels, access.identifying,
                                                                          today),
        "current": current, "earlier": [p for p in pages if p is not current],
        "can_register_again": view.open_trajectory is None and can_register(request.user) and access.edit,
        "emergency_notices": list(emergency_grants_for(household)) if access.edit else [],
    }
    return render(request, "cases/household.html", context)
