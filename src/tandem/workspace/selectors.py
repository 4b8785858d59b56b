"""The work list ("Mijn werk"): what waits for this person, composed from the dossier, the safety plan, the portal,
emergency access and the monitor. Each item links to where it is done and is gone once it is: the sources are
read as they are now, nothing is stored here.

Items (issue "Tandem 6"): overdue agreements and evaluations of the safety plan; measures ending within the
region's window (OTS, provisional OTS, restraining order); involvements waiting for a decision after a withdrawn
consent; the family's consent asked for by a partner; residents' own views not yet read and correction requests not
yet answered; requests to join for the person's organisation; emergency access to families they lead; the last
finished quarter to submit (site) or approve (coordinator). A fixed number of queries, whatever the number of
families.
"""
import dataclasses
import datetime as dt
from dataclasses import dataclass

from django.urls import reverse
from django.utils import timezone

from tandem.cases.models import (
    ConsentRequest,
    ConsentRequestStatus,
    Involvement,
    JoinRequest,
    JoinRequestStatus,
    Measure,
    Trajectory,
)
from tandem.cases.rules.rights import ANSWERING_ROLES
from tandem.cases.selectors import (
    expiring_measures,
    identifying_ids,
    local_team_position_trajectories,
    my_open_trajectories,
)
from tandem.cases.views.display import fmt_date
from tandem.experts.selectors import work_items as call_up_work_items
from tandem.monitor import rules as monitor_rules
from tandem.monitor.models import ClosureStatus, QuarterClosure
from tandem.monitor.services import may_approve, may_submit
from tandem.organisations.models import OrganisationKind, Role, Site
from tandem.portal.models import CorrectionRequest, CorrectionStatus, ResidentView
from tandem.safetyplan.selectors import overdue_for
from tandem.security.selectors import emergency_notices_for_lead
from tandem.core.dates import dutch_datetime

ANONYMOUS = "Anoniem gezin"


@dataclass(frozen=True)
class WorkItem:
    kind: str  # a key of KINDS
    what: str  # plain Dutch, without names unless the person may see them
    family: str  # the family as this person may name it ("" when not about one family)
    url: str  # where it is done
    due_on: dt.date | None = None
    household_id: str = ""
    trajectory_id: str = ""

    @property
    def group(self) -> str:
        return KINDS[self.kind]


# The groups of the work list page, in this order.
KINDS = {
    "join_request": "Verzoeken om aan te sluiten",
    "call_up": "Ervaringsdeskundigen: vragen en voorstellen",
    "consent_withdrawn": "Toestemming ingetrokken: besluit nodig",
    "consent_request": "Vragen om toestemming",
    "measure_expiring": "Maatregelen die bijna aflopen",
    "overdue": "Te laat in het veiligheidsplan",
    "correction": "Verzoeken om verbetering",
    "resident_view": "Eigen kijk van het gezin, nog niet gelezen",
    "emergency": "Noodtoegang tot uw gezinnen",
    "quarter": "Kwartaalmonitor",
}


def family_name(household, identifying: bool) -> str:
    """How the list names a family: by its surnames for who may see them, else anonymously."""
    if not identifying:
        return f"{ANONYMOUS} {household.short_code}"
    names = []
    for member in household.members.all():
        if not member.is_network and member.surname not in names:
            names.append(member.surname)
    return "Gezin " + (" / ".join(names) or "zonder naam")


def _name_families(user, items: list[WorkItem], today) -> list[WorkItem]:
    """Name the families behind the items, loaded once, only for those items."""
    ids = {i.trajectory_id for i in items if i.trajectory_id}
    if not ids:
        return items
    trajectories = {str(t.pk): t for t in Trajectory.objects.filter(pk__in=ids).select_related("household")
                    .prefetch_related("household__members")}
    named = {str(pk) for pk in identifying_ids(user, [t.pk for t in trajectories.values()], today)}
    return [dataclasses.replace(i, family=family_name(trajectories[i.trajectory_id].household,
                                                      i.trajectory_id in named))
            if i.trajectory_id in trajectories else i for i in items]


def _household_url(trajectory, anchor: str = "") -> str:
    return reverse("cases:household", args=[trajectory.household_id]) + anchor


def _item(kind, what, trajectory, url, due_on=None) -> WorkItem:
    return WorkItem(kind=kind, what=what, family="", url=url, due_on=due_on,
                    household_id=str(trajectory.household_id), trajectory_id=str(trajectory.pk))


def _measures(mine, today) -> list[WorkItem]:
    items = []
    for measure in expiring_measures(Measure.objects.filter(trajectory__in=mine), today):
        label = "Voorlopige OTS" if measure.provisional else measure.get_type_display()
        url = reverse("cases:measure_record", args=[measure.trajectory_id]) + f"?verlenging={measure.pk}"
        items.append(_item("measure_expiring", f"{label} loopt af op {fmt_date(measure.ends_on)}: verlengen of "
                           "laten aflopen", measure.trajectory, url, measure.ends_on))
    return items


def _flagged(local) -> list[WorkItem]:
    flagged = (Involvement.objects.filter(trajectory__in=local, consent_withdrawn_on__isnull=False,
                                          decided_on__isnull=True)
               .select_related("organisation", "trajectory"))
    return [_item("consent_withdrawn", f"{i.organisation} ({i.get_form_display().lower()}): toestemming ingetrokken "
                  f"op {fmt_date(i.consent_withdrawn_on)}. Beëindigen of de wettelijke grond vastleggen.",
                  i.trajectory, reverse("cases:involvement_decide", args=[i.trajectory_id, i.pk]),
                  i.consent_withdrawn_on) for i in flagged]


def _consent_requests(local) -> list[WorkItem]:
    requests = ConsentRequest.objects.filter(trajectory__in=local, status=ConsentRequestStatus.OPEN).select_related(
        "organisation", "trajectory")
    return [_item("consent_request", f"{r.organisation} vraagt toestemming (gevraagd op {fmt_date(r.requested_on)}). "
                  "Vraag het gezin en leg het antwoord vast.", r.trajectory, _household_url(r.trajectory, "#te-doen"),
                  r.requested_on) for r in requests]


def _own_words(local) -> list[WorkItem]:
    corrections = (CorrectionRequest.objects.filter(status=CorrectionStatus.OPEN)
                   .filter(member__household__trajectories__in=local).distinct()
                   .select_related("journal_entry__trajectory", "plan_version__plan__trajectory"))
    items = []
    for c in corrections:
        trajectory = c.journal_entry.trajectory if c.journal_entry_id else c.plan_version.plan.trajectory
        items.append(_item("correction", f"Een gezinslid vraagt om een verbetering (op {_day(c.created_at)}).",
                           trajectory, reverse("portal:correction_handle", args=[c.pk]),
                           timezone.localtime(c.created_at).date()))
    views = (ResidentView.objects.filter(read_at__isnull=True, member__household__trajectories__in=local).distinct()
             .select_related("journal_entry__trajectory", "plan_version__plan__trajectory"))
    for v in views:
        trajectory = v.journal_entry.trajectory if v.journal_entry_id else v.plan_version.plan.trajectory
        items.append(_item("resident_view", f"Een gezinslid schreef een eigen kijk (op {_day(v.created_at)}).",
                           trajectory, _household_url(trajectory, "#journaal"),
                           timezone.localtime(v.created_at).date()))
    return items


def join_requests_for(user):
    """Open requests to join for this person's organisation, if they answer for it (docs/rights.md S19)."""
    if user.organisation_id is None or user.role not in ANSWERING_ROLES:
        return JoinRequest.objects.none()
    return (JoinRequest.objects.filter(organisation_id=user.organisation_id, status=JoinRequestStatus.OPEN,
                                       trajectory__closed_on__isnull=True)
            .select_related("trajectory__site").order_by("wanted_by", "id"))


def _join_requests(user) -> list[WorkItem]:
    """Only what the answerer needs: the site, the form, by when. No family name (they are not on the team)."""
    return [WorkItem(kind="join_request", what=f"{r.trajectory.site} vraagt uw organisatie aan te sluiten "
                     f"({r.get_form_display().lower()}), graag vóór {fmt_date(r.wanted_by)}.",
                     family="", url=reverse("cases:join_request_answer", args=[r.pk]), due_on=r.wanted_by)
            for r in join_requests_for(user)]


def _call_ups(user) -> list[WorkItem]:
    """The call-up of an expert by experience (tandem.experts): to propose, to answer, waiting for consent."""
    return [WorkItem(kind="call_up", what=i["what"], family="", url=reverse("experts:call_up", args=[i["call_up"].pk]),
                     due_on=i["due_on"], household_id=str(i["trajectory"].household_id) if i["trajectory"] else "",
                     trajectory_id=str(i["trajectory"].pk) if i["trajectory"] else "")
            for i in call_up_work_items(user)]


def _emergency(user) -> list[WorkItem]:
    return [WorkItem(kind="emergency", what=f"{g.user} ({g.user.organisation}) opende een dossier met noodtoegang "
                     f"op {dutch_datetime(g.starts_at)}.", family="",
                     url=reverse("cases:access_log", args=[g.household_id]),
                     due_on=timezone.localtime(g.starts_at).date(), household_id=str(g.household_id))
            for g in emergency_notices_for_lead(user)]


def last_finished_quarter(today: dt.date) -> monitor_rules.Quarter:
    current = monitor_rules.quarter_of(today)
    previous = dt.date(current.start.year, current.start.month, 1) - dt.timedelta(days=1)
    return monitor_rules.quarter_of(previous)


def _quarter_sites(user) -> list[Site]:
    organisation = user.organisation
    if organisation is None:
        return []
    if user.role in (Role.COORDINATOR, Role.PROJECTLEIDER):  # who fills in or approves follows Site settings
        region = organisation.region or (organisation.site.region if organisation.site_id else None)
        return list(region.sites.select_related("region")) if region else []
    if organisation.kind == OrganisationKind.LOCAL_TEAM and organisation.site_id:
        return [organisation.site]
    return []


def _quarters(user, today) -> list[WorkItem]:
    """The last finished quarter: to submit or to approve, for whoever the site's settings name (the one who
    submitted does not see it to approve: four eyes)."""
    quarter = last_finished_quarter(today)
    sites = [s for s in _quarter_sites(user) if quarter.end >= s.region.programme_start]
    closures = {c.site_id: c for c in QuarterClosure.objects.filter(site__in=sites, quarter=quarter.label)}
    statuses = {pk: c.status for pk, c in closures.items()}
    items = []
    for site in sites:
        status = statuses.get(site.pk, ClosureStatus.OPEN)
        url = reverse("monitor:page", args=["toekomsttuin", site.code, quarter.label])
        if status == ClosureStatus.OPEN and may_submit(user, site):
            items.append(WorkItem("quarter", f"Kwartaal {quarter} van {site}: ervaringen invullen en indienen.", "",
                                  url, quarter.end + dt.timedelta(days=31)))
        elif (status == ClosureStatus.SUBMITTED and may_approve(user, site)
              and closures[site.pk].submitted_by_id != user.pk):
            items.append(WorkItem("quarter", f"Kwartaal {quarter} van {site} is ingediend: goedkeuren.", "", url,
                                  quarter.end + dt.timedelta(days=45)))
    return items


def _overdue(user, today) -> list[WorkItem]:
    overdue = overdue_for(user, today)
    named = {str(pk) for pk in identifying_ids(user, {o.trajectory_id for o in overdue}, today)}
    items = []
    for o in overdue:
        if o.kind == "evaluation":
            what = o.text
        else:
            what = "Afspraak – " + (o.text if o.trajectory_id in named else
                                    "inhoud niet getoond (u ziet dit gezin anoniem)")
        items.append(WorkItem(kind="overdue", what=f"{what} (klaar op {fmt_date(o.due_on)})", family="",
                              url=reverse("safetyplan:plan", args=[o.trajectory_id]), due_on=o.due_on,
                              household_id=o.household_id, trajectory_id=o.trajectory_id))
    return items


def _day(moment) -> str:
    return fmt_date(timezone.localtime(moment).date())


def work_list(user, today: dt.date | None = None) -> list[WorkItem]:
    """Everything that waits for this person, grouped in the order of KINDS, oldest first within a group."""
    today = today or timezone.localdate()
    if not user.is_authenticated:
        return []
    mine = my_open_trajectories(user, today)
    local = local_team_position_trajectories(user, today)
    items = [*_join_requests(user), *_call_ups(user), *_flagged(local), *_consent_requests(local), *_measures(mine, today),
             *_overdue(user, today), *_own_words(local), *_emergency(user), *_quarters(user, today)]
    items = _name_families(user, items, today)
    order = list(KINDS)
    return sorted(items, key=lambda i: (order.index(i.kind), i.due_on or today, i.what))


def attention_households(items: list[WorkItem]) -> set[str]:
    """The families with something on this person's work list ("needs attention" on Mijn gezinnen)."""
    return {i.household_id for i in items if i.household_id}
