"""Reads of the experts' pool, and who may read what. No read here returns a family's name: the pool coordinator
and the region work with counts; the consultant sees their own call-ups through the dossier's need-to-know."""
import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Count, Q, QuerySet, Sum
from django.utils import timezone

from tandem.cases.models import Consent, TeamMembership, Trajectory
from tandem.cases.selectors import access_for, trajectories_visible_to
from tandem.core.dates import dutch_date
from tandem.experts import rules
from tandem.experts.models import CallUp, CallUpStatus, Contact, Expert, FamilyVoice, Occasion, Profile, Session
from tandem.monitor.rules import quarter_of
from tandem.organisations.models import Organisation, OrganisationKind, Region, Role

# How long after a contact or a closure a household member is asked what it meant.
VOICE_DAYS = 90


def region_of(user) -> Region | None:
    return getattr(user, "region", None) if user is not None and user.is_authenticated else None


def pool_organisation(user) -> Organisation | None:
    """The experts' organisation whose pool this person keeps (pool coordinator only)."""
    organisation = getattr(user, "organisation", None)
    if (user.is_authenticated and user.role == Role.POOLCOORDINATOR and organisation is not None
            and organisation.kind == OrganisationKind.EXPERIENCE_EXPERTS):
        return organisation
    return None


def expert_of(user) -> Expert | None:
    if not user.is_authenticated or user.role != Role.ERVARINGSDESKUNDIGE:
        return None
    return Expert.objects.filter(user=user).select_related("organisation").first()


def pool_organisations_of_region(region: Region) -> QuerySet[Organisation]:
    return Organisation.objects.filter(kind=OrganisationKind.EXPERIENCE_EXPERTS, region=region)


def profiles_of(region: Region, *, active_only: bool = True) -> QuerySet[Profile]:
    profiles = Profile.objects.filter(region=region)
    return profiles.filter(active=True) if active_only else profiles


# ------------------------------------------------------------------------------------------------ load, matching

def loads(experts) -> dict[int, int]:
    """The number of families each expert works with now: open trajectories on whose team they are, and call-ups
    they accepted that wait for the family's consent."""
    experts = list(experts)
    users = {e.user_id: e.pk for e in experts}
    on_team = (TeamMembership.objects.filter(professional_id__in=users, left_on__isnull=True,
                                             trajectory__closed_on__isnull=True)
               .values("professional_id").annotate(n=Count("trajectory", distinct=True)))
    result = {e.pk: 0 for e in experts}
    for row in on_team:
        result[users[row["professional_id"]]] += row["n"]
    waiting = (CallUp.objects.filter(expert__in=experts, status=CallUpStatus.ACCEPTED)
               .values("expert_id").annotate(n=Count("id")))
    for row in waiting:
        result[row["expert_id"]] += row["n"]
    return result


def candidate(expert: Expert, load: int) -> rules.Candidate:
    return rules.Candidate(profile_ids=frozenset(p.pk for p in expert.profiles.all()),
                           site_ids=frozenset(s.pk for s in expert.sites.all()), available=expert.available,
                           active=expert.user.is_active, load=load, max_families=expert.max_families)


@dataclass(frozen=True)
class PoolRow:
    expert: Expert
    load: int
    match: bool = False


def pool_rows(organisation: Organisation) -> list[PoolRow]:
    experts = list(Expert.objects.filter(organisation=organisation).select_related("user")
                   .prefetch_related("profiles", "sites"))
    load = loads(experts)
    return [PoolRow(expert=e, load=load[e.pk]) for e in experts]


def matching_experts(call_up: CallUp) -> list[PoolRow]:
    """Only the experts who fit: the profile, the family's site, available, with room for one more family."""
    rows = pool_rows(call_up.organisation)
    return [PoolRow(r.expert, r.load, True) for r in rows
            if rules.is_match(candidate(r.expert, r.load), profile_id=call_up.profile_id, site_id=call_up.site_id)]


# ------------------------------------------------------------------------------------------------ consent

def has_consent(trajectory: Trajectory, organisation: Organisation, on: dt.date) -> bool:
    return Consent.objects.filter(trajectory=trajectory, organisation=organisation, given_on__lte=on).filter(
        Q(withdrawn_on__isnull=True) | Q(withdrawn_on__gt=on)).exists()


# ------------------------------------------------------------------------------------------------ call-ups

def call_ups_for_pool(organisation: Organisation, *, open_only: bool = True) -> QuerySet[CallUp]:
    call_ups = CallUp.objects.filter(organisation=organisation).select_related("site", "profile", "expert__user")
    return call_ups.filter(status__in=[CallUpStatus.REQUESTED, CallUpStatus.PROPOSED, CallUpStatus.ACCEPTED]) \
        if open_only else call_ups


def call_ups_of_trajectory(user, trajectory: Trajectory) -> list[CallUp]:
    """The call-ups of one family, for who may see the dossier."""
    if not access_for(user, trajectory).view:
        return []
    return list(CallUp.objects.filter(trajectory=trajectory).select_related("profile", "expert__user")
                .prefetch_related("steps"))


def call_up_for(user, call_up_id: int) -> CallUp | None:
    """A call-up as this person may see it: the pool coordinator of its organisation, the proposed expert, or
    someone who may open the family's dossier. Anyone else: None (the view answers 404)."""
    call_up = (CallUp.objects.filter(pk=call_up_id).select_related("site", "profile", "expert__user", "trajectory",
                                                                   "requested_by", "organisation").first())
    if call_up is None or not user.is_authenticated:
        return None
    if pool_organisation(user) is not None and pool_organisation(user).pk == call_up.organisation_id:
        return call_up
    if call_up.expert_id and call_up.expert.user_id == user.pk:
        return call_up
    return call_up if access_for(user, call_up.trajectory).view else None


def work_items(user, today: dt.date | None = None) -> list[dict]:
    """What waits for this person in the call-ups (composed into "Mijn werk" by `tandem.workspace`): for the pool
    coordinator the requests to propose someone for; for an expert the proposals to answer; for the consultant the
    accepted call-ups that wait for the family's consent. No family names: `trajectory` only where the person may
    see the dossier (the work list names it as they may)."""
    items = []
    organisation = pool_organisation(user)
    if organisation is not None:
        for c in call_ups_for_pool(organisation).filter(status=CallUpStatus.REQUESTED):
            items.append({"kind": "call_up", "what": f"{c.site} vraagt een ervaringsdeskundige ({c.profile}, "
                          f"{c.get_purpose_display().lower()}) vanaf {dutch_date(c.wanted_on)}: stel iemand voor.",
                          "call_up": c, "due_on": c.wanted_on, "trajectory": None})
    expert = expert_of(user)
    if expert is not None:
        for c in CallUp.objects.filter(expert=expert, status=CallUpStatus.PROPOSED).select_related("site", "profile"):
            items.append({"kind": "call_up", "what": f"U bent voorgesteld voor een gezin in {c.site} "
                          f"({c.get_purpose_display().lower()}, vanaf {dutch_date(c.wanted_on)}): aannemen of afwijzen.",
                          "call_up": c, "due_on": c.wanted_on, "trajectory": None})
    waiting = (CallUp.objects.filter(requested_by=user, status=CallUpStatus.ACCEPTED,
                                     trajectory__in=trajectories_visible_to(user))
               .select_related("expert__user", "trajectory"))
    for c in waiting:
        items.append({"kind": "call_up", "what": f"{c.expert} wil bij het gezin aansluiten. Leg de toestemming van het "
                      "gezin vast; daarna komt de ervaringsdeskundige in het team.", "call_up": c,
                      "due_on": c.accepted_on, "trajectory": c.trajectory})
    return items


# ------------------------------------------------------------------------------------------------ the expert

def my_families(expert: Expert) -> QuerySet[Trajectory]:
    """The trajectories the expert may open now (on the team, with consent): the dossier's need-to-know decides."""
    return trajectories_visible_to(expert.user).filter(closed_on__isnull=True).select_related("site")


def my_contacts(expert: Expert, limit: int = 20) -> list[Contact]:
    return list(Contact.objects.filter(expert=expert).select_related("site")[:limit])


# ------------------------------------------------------------------------------------------------ the family's voice

@dataclass(frozen=True)
class VoiceQuestion:
    occasion: str
    object_id: int | str
    on: dt.date
    label: str


def open_voice_questions(member, today: dt.date | None = None) -> list[VoiceQuestion]:
    """What this household member can still answer: contacts with an expert and closures of the last 90 days."""
    today = today or timezone.localdate()
    since = today - dt.timedelta(days=VOICE_DAYS)
    trajectories = Trajectory.objects.filter(household_id=member.household_id)
    answered_contacts = FamilyVoice.objects.filter(member=member, occasion=Occasion.CONTACT).values("contact_id")
    contacts = (Contact.objects.filter(trajectory__in=trajectories, on__gte=since, on__lte=today)
                .exclude(pk__in=answered_contacts).order_by("-on"))
    questions = [VoiceQuestion(Occasion.CONTACT, c.pk, c.on, f"{c.get_kind_display()} met een "
                               f"ervaringsdeskundige op {c.on:%d-%m-%Y}") for c in contacts]
    answered_closures = FamilyVoice.objects.filter(member=member, occasion=Occasion.CLOSURE).values("trajectory_id")
    closed = trajectories.filter(closed_on__gte=since).exclude(pk__in=answered_closures)
    questions += [VoiceQuestion(Occasion.CLOSURE, str(t.pk), t.closed_on, f"Het traject is afgesloten op "
                                f"{t.closed_on:%d-%m-%Y}") for t in closed]
    return questions


# ------------------------------------------------------------------------------------------------ reports

def report_scope(user) -> tuple[Organisation | None, Region | None]:
    """(organisation, region) whose figures this person reads, or refused."""
    organisation = pool_organisation(user)
    region = region_of(user)
    rules.check_may_read_reports(role=user.role, of_organisation=organisation is not None,
                                 of_region=region is not None)
    return organisation, region


def _contacts_in(organisation: Organisation | None, region: Region | None) -> QuerySet[Contact]:
    contacts = Contact.objects.all()
    if organisation is not None:
        return contacts.filter(expert__organisation=organisation)
    return contacts.filter(site__region=region)


def contacts_report(organisation: Organisation | None, region: Region | None) -> list[dict]:
    """Contacts per expert, profile, site and quarter: the number of contacts and the hours. No families."""
    rows = (_contacts_in(organisation, region).order_by()
            .values("expert__user__first_name", "expert__user__last_name", "profile__name", "site__name", "on")
            .annotate(number=Sum("number"), minutes=Sum("minutes")))
    table = defaultdict(lambda: {"number": 0, "minutes": 0})
    for row in rows:
        key = (quarter_of(row["on"]).label, row["site__name"],
               f"{row['expert__user__first_name']} {row['expert__user__last_name']}".strip(),
               row["profile__name"] or "zonder oproep")
        table[key]["number"] += row["number"]
        table[key]["minutes"] += row["minutes"]
    return [{"quarter": q, "site": s, "expert": e, "profile": p, "number": v["number"],
             "hours": round(v["minutes"] / 60, 1)} for (q, s, e, p), v in sorted(table.items())]


def families_with_expert(organisation: Organisation | None, region: Region | None) -> list[dict]:
    """Per site and quarter, how many families had an expert on their team (counts only)."""
    memberships = TeamMembership.objects.filter(organisation__kind=OrganisationKind.EXPERIENCE_EXPERTS)
    memberships = (memberships.filter(organisation=organisation) if organisation is not None
                   else memberships.filter(trajectory__site__region=region))
    table = defaultdict(set)
    today = timezone.localdate()
    for site_name, household, joined, left, closed in memberships.values_list(
            "trajectory__site__name", "trajectory__household_id", "joined_on", "left_on", "trajectory__closed_on"):
        end = min(d for d in (left, closed, today) if d is not None)
        quarter = quarter_of(joined)
        while quarter.start <= end:
            table[(quarter.label, site_name)].add(household)
            quarter = quarter_of(quarter.end + dt.timedelta(days=1))
    return [{"quarter": q, "site": s, "families": len(h)} for (q, s), h in sorted(table.items())]


def expert_network_hours(region: Region) -> dict[int, float]:
    """Hours of the experts' contacts at the region's sites per year: what the budget line of the network of
    experts by experience pays for (seed 002, "Opzetten en onderhouden netwerk van ervaringsdeskundige ouders/
    jongeren"). Sessions are not timed, so they are not in it."""
    per_year = defaultdict(int)
    for on, minutes in Contact.objects.filter(site__region=region).values_list("on", "minutes"):
        per_year[on.year] += minutes
    return {year: round(minutes / 60, 1) for year, minutes in sorted(per_year.items())}


def contact_hours_by_organisation(region: Region) -> list[tuple[str, int, Decimal]]:
    """(experts' organisation, year, hours) of the contacts at the region's sites: the budget's table of hours
    registered in Tandem reads them beside the partners' hours (`tandem.budget.selectors.partner_hours`)."""
    per = defaultdict(int)
    for name, on, minutes in (Contact.objects.filter(site__region=region)
                              .values_list("expert__organisation__name", "on", "minutes")):
        per[(name, on.year)] += minutes
    return [(name, year, (Decimal(minutes) / 60).quantize(Decimal("0.01")))
            for (name, year), minutes in sorted(per.items())]


def sessions_of(organisation: Organisation) -> QuerySet[Session]:
    return Session.objects.filter(organisation=organisation).prefetch_related("attendees__user")
