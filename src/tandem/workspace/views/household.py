"""The household page: a summary first (who leads, the regime, what runs, what is due next), the actions this person
may take grouped by task, then the sections one can jump to (members, the tandem, team, involvement, consent,
reports and measures, the safety plan, the journal). Composed from the dossier, the safety plan and emergency
access, so it lives here and not in `cases`."""
from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.utils import timezone

from django.db.models import Exists, OuterRef

from tandem.audit.services import audit_record
from tandem.cases.models import ConsentScan, ExpertScope, Nature, Trajectory
from tandem.cases.rules.rights import Action, Limit
from tandem.cases.selectors import Access, Rights, may_register, rights_for
from tandem.cases.tandem_picture import Episode, Period, Picture, build_picture
from tandem.cases.views.anonymity import Lens, lens_for
from tandem.cases.views.common import load_household
from tandem.cases.views.display import (
    age_group,
    intensity,
    masked_bsn,
    member_labels,
    sections_for,
    stage,
)
from tandem.experts.selectors import call_ups_of_trajectory
from tandem.security.selectors import emergency_grants_for
from tandem.workspace.summary import summary_of


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
    rights: Rights
    lens: Lens
    sections: set
    stage: str
    picture: Picture
    lead: object
    team: list
    involvements: list
    consents: list
    consent_requests: list
    reports: list
    measures: list
    triage: list
    journal: list
    expert_contacts: list = field(default_factory=list)
    join_requests: list = field(default_factory=list)

    @property
    def may_handle_corrections(self) -> bool:
        return Action.CORRECTION_HANDLE in self.rights

    @property
    def flagged(self) -> list:
        """Episodes whose consent was withdrawn, waiting for the consultant's decision."""
        return [i for i in self.involvements if i.consent_withdrawn_on and not i.decided_on]


def member_rows(members, labels, identifying: bool, today) -> list[MemberRow]:
    return [MemberRow(label=labels[m.pk], age=age_group(m.birth_date, m.minor, today),
                      birth_date=m.birth_date if identifying else None,
                      bsn=masked_bsn(m.bsn) if identifying else "", relation=m.relation, is_network=m.is_network)
            for m in members]


def _person(user) -> str:
    return str(user) if user else ""


def _picture(trajectory, leads, team, today, involvements=()) -> Picture:
    """`involvements`: only when this person may see them (the section "involvements"); then each back rider's
    bar shows their organisation's form of involvement."""
    lead_periods = [Period(_person(p.professional), str(p.professional.organisation or ""), p.start, p.end)
                    for p in leads]
    memberships = [Period(_person(m.professional), str(m.organisation), m.joined_on, m.left_on) for m in team]
    episodes = [Episode(str(i.organisation), i.form, i.get_form_display(), i.start, i.end) for i in involvements]
    return build_picture(registered_on=trajectory.registered_on, closed_on=trajectory.closed_on, today=today,
                         leads=lead_periods, team=memberships, involvements=episodes)


def _involvements(trajectory, today, rights: Rights, user) -> list:
    rows = []
    for involvement in trajectory.involvements.select_related("organisation").prefetch_related("time_entries"):
        hours = sum((e.hours for e in involvement.time_entries.all()), Decimal(0))
        involvement.intensity = intensity(hours, involvement.start, involvement.end, today)
        own = [Limit.OWN_ORGANISATION] if involvement.organisation_id == user.organisation_id else []
        involvement.may_write_time = rights.allows(Action.TIME_REGISTER, *own)
        involvement.may_end = involvement.end is None and rights.allows(Action.INVOLVEMENT_END, *own)
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
    consents = list(trajectory.consents.select_related("organisation").annotate(
        has_scan=Exists(ConsentScan.objects.filter(consent=OuterRef("pk")))))
    reports = list(trajectory.reports.select_related("organisation", "handled_by"))
    measures = list(trajectory.measures.select_related("handled_by", "extends"))
    for consent in consents:
        _label(consent, "given_by", labels)
    for obj in reports + measures:
        _label(obj, "subject", labels)
    return consents, reports, measures


def _journal(trajectory, sections, rights: Rights, user, labels) -> list:
    """The entries, with the residents' own views and correction requests shown beside them (portal)."""
    if not sections & {"journal", "journal_facts"}:
        return []
    entries = trajectory.journal.select_related("author").prefetch_related(
        "resident_views__member", "correction_requests__member", "hidden_from")
    if "journal" not in sections:  # an expert with the family's consent: facts and observations only
        entries = entries.exclude(nature=Nature.OPINION)
    entries = list(entries)
    for entry in entries:
        own = [Limit.OWN_ENTRY] if entry.author_id == user.pk else []
        entry.may_hide = rights.allows(Action.JOURNAL_HIDE, *own)
        entry.hidden_labels = [labels[m.pk] for m in entry.hidden_from.all()]
        for words in [*entry.resident_views.all(), *entry.correction_requests.all()]:
            words.member_label = labels.get(words.member_id, "")
    return entries


def _team(trajectory, rights: Rights, user) -> list:
    team = list(trajectory.team.select_related("professional", "organisation"))
    for membership in team:
        own = membership.professional_id == user.pk or membership.organisation_id == user.organisation_id
        membership.may_leave = membership.left_on is None and rights.allows(
            Action.TEAM_LEAVE, *([Limit.SELF_OR_OWN_ORGANISATION] if own else []))
    return team


def trajectory_page(trajectory, access, labels, today, user, lens) -> TrajectoryPage:
    rights, sections = rights_for(user, trajectory, access), sections_for(access)
    leads = list(trajectory.lead_periods.select_related("professional__organisation"))
    team = _team(trajectory, rights, user)
    triage = list(trajectory.triage_decisions.all())
    consents, reports, measures = _legal(trajectory, labels)
    involvements = _involvements(trajectory, today, rights, user)
    visible = involvements if "involvements" in sections else []
    page = TrajectoryPage(
        trajectory=trajectory, access=access, rights=rights, lens=lens, sections=sections,
        stage=stage(trajectory, triage), picture=_picture(trajectory, leads, team, today, visible),
        lead=next((p for p in leads if p.end is None), None), team=team,
        involvements=involvements, consents=consents,
        consent_requests=list(trajectory.consent_requests.filter(status="open").select_related("organisation")),
        reports=reports, measures=measures, triage=triage,
        journal=_journal(trajectory, sections, rights, user, labels),
        expert_contacts=_expert_contacts(trajectory),
        join_requests=list(trajectory.join_requests.select_related("organisation", "requested_by", "answered_by",
                                                                   "joined")),
    )
    _lens_page(lens, page, leads)
    return page


def _lens_page(lens: Lens, page: TrajectoryPage, leads) -> None:
    """Pseudonymise every free text the page shows (anonymous view only)."""
    for obj in [page.trajectory, *page.triage, *page.team, *leads, *page.involvements, *page.consents,
                *page.consent_requests, *page.join_requests]:
        lens.fields(obj)
    lens.walk(page.journal, "resident_views", "correction_requests")


@login_required
def household_detail(request, household_id):
    view = load_household(request.user, household_id)
    household, access, today = view.household, view.access, timezone.localdate()
    audit_record(actor=request.user, action="view", household_id=household.id, obj=household,
                 purpose="dossier inzien")
    members = list(household.members.all())
    labels = member_labels(members, access.identifying, today)
    lens = lens_for(request, access, household)
    for member in members:
        lens.fields(member)
    pages = [trajectory_page(t, view.accesses[t.pk], labels, today, request.user, lens) for t in view.trajectories]
    current = pages[0] if view.primary is pages[0].trajectory else None
    rights = current.rights if current else rights_for(request.user, view.primary, access)
    context = {
        # No names in the browser title: it ends up in history and on shared screens.
        "title": f"Gezinsdossier {household.short_code}",
        "household": household, "access": access, "rights": rights, "lens": lens, "primary": view.primary,
        "members": member_rows(members, labels, access.identifying and not access.is_expert, today),
        "current": current, "earlier": [p for p in pages if p is not current],
        "can_register_again": view.open_trajectory is None and may_register(request.user)
        and Action.REGISTER_AGAIN in rights,
        "emergency_notices": list(emergency_grants_for(household)) if Action.ACCESS_LOG in rights else [],
        "summary": summary_of(current, today) if current else None,
        # asked of the pool of experts by experience (tandem.experts), for who may act on it
        "call_ups": call_ups_of_trajectory(request.user, current.trajectory)
        if current and not access.is_expert and not access.anonymous else [],
    }
    return render(request, "cases/household.html", context)
