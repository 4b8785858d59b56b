"""Every change of the experts' pool: keyword-only, one transaction each, checked by the pure rules of
`tandem.experts.rules`, written to the access log. Changes inside a dossier (an expert joining the team, a contact
counted) go through the dossier's own services (`tandem.cases.services`), so its rights and guardrails hold.

`actor=None` is the system (the demo loader)."""
import datetime as dt

from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from tandem.audit.services import audit_record
from tandem.cases import services as dossier
from tandem.cases.models import Member, Trajectory
from tandem.cases.selectors import access_for
from tandem.core.exceptions import NotPermitted, RuleViolation, StaleEdit
from tandem.experts import rules, selectors
from tandem.experts.models import (
    CallUp,
    CallUpStatus,
    CallUpStep,
    Contact,
    Expert,
    FamilyVoice,
    Occasion,
    Profile,
    Session,
)
from tandem.monitor.rules import quarter_of
from tandem.monitor.services import experience_record
from tandem.notifications.models import Kind
from tandem.notifications.services import family_workers, notify
from tandem.organisations.models import Organisation, Region, Role, Site, User

PURPOSE = "pool ervaringsdeskundigen"


def _today() -> dt.date:
    return timezone.localdate()


def _log(actor, action: str, obj, household_id=None, **detail) -> None:
    audit_record(actor=actor, action=action, household_id=household_id, obj=obj, purpose=PURPOSE,
                 detail={k: str(v) for k, v in detail.items()})


def _require_pool(actor, organisation: Organisation) -> None:
    if actor is None:
        return
    rules.check_keeps_pool(role=actor.role, of_organisation=actor.organisation_id == organisation.pk)


def _locked(model, obj, expected_version: int | None):
    row = model.objects.select_for_update().get(pk=obj.pk)
    if expected_version is not None and row.version != expected_version:
        raise StaleEdit()
    row.version += 1
    return row


# ------------------------------------------------------------------------------------------------ profiles

@transaction.atomic
def profile_add(*, actor, region: Region, name: str) -> Profile:
    """A profile on the region's list (LVB, former perpetrator, youth, parent, ...)."""
    if actor is not None:
        rules.check_keeps_profiles(role=actor.role, of_region=getattr(actor, "region", None) == region)
    name = rules.check_profile_name(name)
    if Profile.objects.filter(region=region, name__iexact=name).exists():
        raise RuleViolation("profile_exists", "Dit profiel staat al op de lijst.", field="name")
    profile = Profile.objects.create(region=region, name=name)
    _log(actor, "expert_profile_add", profile, region=region.code)
    return profile


@transaction.atomic
def profile_set_active(*, actor, profile: Profile, active: bool) -> Profile:
    if actor is not None:
        rules.check_keeps_profiles(role=actor.role, of_region=getattr(actor, "region", None) == profile.region)
    profile.active = active
    profile.save(update_fields=["active"])
    _log(actor, "expert_profile_active", profile, active=active)
    return profile


# ------------------------------------------------------------------------------------------------ the pool

def _check_entry(organisation, user, pool, max_families, profiles, sites) -> None:
    rules.check_pool_entry(role=user.role, same_organisation=user.organisation_id == organisation.pk,
                           max_families=max_families, site_ids=list(sites), profile_ids=list(profiles))
    if pool not in ("core", "flex"):
        raise RuleViolation("pool_unknown", "Kies de kernpool of de flexpool.", field="pool")
    region = organisation.region
    if any(p.region_id != getattr(region, "pk", None) for p in profiles):
        raise RuleViolation("profile_other_region", "Kies profielen van de eigen regio.", field="profiles")
    if any(s.region_id != getattr(region, "pk", None) for s in sites):
        raise RuleViolation("site_other_region", "Kies toekomsttuinen van de eigen regio.", field="sites")


@transaction.atomic
def expert_add(*, actor, organisation: Organisation, user: User, pool: str, profiles, sites,
               available: bool = True, max_families: int = 3) -> Expert:
    """Put an expert by experience (a user of the organisation) in the core or flex pool."""
    _require_pool(actor, organisation)
    profiles, sites = list(profiles), list(sites)
    _check_entry(organisation, user, pool, max_families, profiles, sites)
    if Expert.objects.filter(user=user).exists():
        raise RuleViolation("already_in_pool", "Deze ervaringsdeskundige staat al in de pool.", field="user")
    expert = Expert.objects.create(user=user, organisation=organisation, pool=pool, available=available,
                                   max_families=max_families)
    expert.profiles.set(profiles)
    expert.sites.set(sites)
    _log(actor, "expert_add", expert, pool=pool)
    return expert


@transaction.atomic
def expert_update(*, actor, expert: Expert, pool: str, profiles, sites, available: bool, max_families: int,
                  expected_version: int | None = None) -> Expert:
    """Change an expert's pool, profiles, sites and availability; refused when someone changed it meanwhile."""
    _require_pool(actor, expert.organisation)
    expert = _locked(Expert, expert, expected_version)
    profiles, sites = list(profiles), list(sites)
    _check_entry(expert.organisation, expert.user, pool, max_families, profiles, sites)
    expert.pool, expert.available, expert.max_families = pool, available, max_families
    expert.save(update_fields=["pool", "available", "max_families", "version"])
    expert.profiles.set(profiles)
    expert.sites.set(sites)
    _log(actor, "expert_update", expert, pool=pool, available=available)
    return expert


# ------------------------------------------------------------------------------------------------ the call-up

def _step(call_up: CallUp, step: str, actor, expert: Expert | None = None) -> CallUpStep:
    return CallUpStep.objects.create(call_up=call_up, step=step, on=_today(), by=actor if actor else None,
                                     expert=expert)


def _link(call_up: CallUp) -> str:
    return reverse("experts:call_up", args=[call_up.pk])


def _pool_coordinators(organisation: Organisation) -> list:
    return list(User.objects.filter(organisation=organisation, role=Role.POOLCOORDINATOR, is_active=True))


def _organisation_for(site: Site, organisation: Organisation | None) -> Organisation:
    organisations = list(selectors.pool_organisations_of_region(site.region))
    if organisation is not None:
        if organisation not in organisations:
            raise RuleViolation("pool_unknown", "Kies een organisatie van ervaringsdeskundigen in de regio.",
                                field="organisation")
        return organisation
    if len(organisations) != 1:
        raise RuleViolation("pool_unknown", "Kies de organisatie van ervaringsdeskundigen." if organisations else
                            "Deze regio heeft nog geen organisatie van ervaringsdeskundigen.", field="organisation")
    return organisations[0]


@transaction.atomic
def call_up_request(*, actor, trajectory: Trajectory, profile: Profile, purpose: str, wanted_on: dt.date,
                    wanted_until: dt.date | None = None, organisation: Organisation | None = None) -> CallUp:
    """A consultant on the family's team asks the pool for an expert: which profile, for what, from when."""
    trajectory = Trajectory.objects.select_related("site__region").get(pk=trajectory.pk)
    if actor is not None:
        rules.check_may_request(access_for(actor, trajectory).position)
    rules.check_call_up(purpose=purpose, wanted_on=wanted_on, wanted_until=wanted_until, today=_today(),
                        trajectory_open=trajectory.closed_on is None, profile_active=profile.active,
                        profile_of_region=profile.region_id == trajectory.site.region_id)
    organisation = _organisation_for(trajectory.site, organisation)
    if CallUp.objects.filter(trajectory=trajectory, profile=profile, status__in=[
            CallUpStatus.REQUESTED, CallUpStatus.PROPOSED, CallUpStatus.ACCEPTED]).exists():
        raise RuleViolation("call_up_open", "Er loopt al een vraag om een ervaringsdeskundige met dit profiel.",
                            field="profile")
    call_up = CallUp.objects.create(trajectory=trajectory, site=trajectory.site, organisation=organisation,
                                    profile=profile, purpose=purpose, wanted_on=wanted_on, wanted_until=wanted_until,
                                    requested_by=actor, requested_on=_today())
    _step(call_up, "request", actor)
    _log(actor, "call_up_request", call_up, trajectory.household_id, profile=profile.pk, purpose=purpose)
    notify(recipients=_pool_coordinators(organisation), kind=Kind.CALL_UP_REQUEST, link=_link(call_up),
           key=f"call_up_request:{call_up.pk}", exclude=actor)
    return call_up


def _lock_call_up(call_up: CallUp, expected_version: int | None, step: str) -> CallUp:
    row = CallUp.objects.select_for_update().get(pk=call_up.pk)
    if expected_version is not None and row.version != expected_version:
        raise StaleEdit()
    rules.check_step(row.status, step)
    row.version += 1
    return row


@transaction.atomic
def call_up_propose(*, actor, call_up: CallUp, expert: Expert, expected_version: int | None = None) -> CallUp:
    """The pool coordinator proposes one expert who fits (profile, site, available, room for a family)."""
    call_up = _lock_call_up(call_up, expected_version, "propose")
    _require_pool(actor, call_up.organisation)
    expert = Expert.objects.select_related("user").get(pk=expert.pk)
    if expert.organisation_id != call_up.organisation_id:
        raise RuleViolation("expert_other_pool", "Deze ervaringsdeskundige hoort niet bij deze pool.", field="expert")
    load = selectors.loads([expert])[expert.pk]
    rules.check_match(selectors.candidate(expert, load), profile_id=call_up.profile_id, site_id=call_up.site_id)
    call_up.status, call_up.expert, call_up.proposed_on = CallUpStatus.PROPOSED, expert, _today()
    call_up.save(update_fields=["status", "expert", "proposed_on", "version"])
    _step(call_up, "propose", actor, expert)
    _log(actor, "call_up_propose", call_up, expert=expert.pk)
    notify(recipients=[expert.user], kind=Kind.CALL_UP_PROPOSAL, link=_link(call_up),
           key=f"call_up_proposal:{call_up.pk}:{expert.pk}", exclude=actor)
    return call_up


@transaction.atomic
def call_up_decline(*, actor, call_up: CallUp, expected_version: int | None = None) -> CallUp:
    """The proposed expert says no: the call-up waits for another proposal (dated; no reason is asked)."""
    call_up = _lock_call_up(call_up, expected_version, "decline")
    expert = call_up.expert
    rules.check_is_proposed_expert(actor_id=getattr(actor, "pk", None), proposed_user_id=expert.user_id)
    call_up.status, call_up.expert, call_up.proposed_on = CallUpStatus.REQUESTED, None, None
    call_up.save(update_fields=["status", "expert", "proposed_on", "version"])
    _step(call_up, "decline", actor, expert)
    _log(actor, "call_up_decline", call_up, expert=expert.pk)
    notify(recipients=_pool_coordinators(call_up.organisation), kind=Kind.CALL_UP_REQUEST, link=_link(call_up),
           key=f"call_up_declined:{call_up.pk}:{expert.pk}", exclude=actor)
    return call_up


@transaction.atomic
def call_up_accept(*, actor, call_up: CallUp, expected_version: int | None = None) -> CallUp:
    """The proposed expert says yes. With the family's consent to the experts' organisation they join the team at
    once; otherwise the call-up waits for it (a work item of the consultant)."""
    call_up = _lock_call_up(call_up, expected_version, "accept")
    rules.check_is_proposed_expert(actor_id=getattr(actor, "pk", None), proposed_user_id=call_up.expert.user_id)
    call_up.status, call_up.accepted_on = CallUpStatus.ACCEPTED, _today()
    call_up.save(update_fields=["status", "accepted_on", "version"])
    _step(call_up, "accept", actor, call_up.expert)
    _log(actor, "call_up_accept", call_up)
    if selectors.has_consent(call_up.trajectory, call_up.organisation, _today()):
        return _join(actor, call_up)
    notify(recipients=[call_up.requested_by], kind=Kind.CALL_UP_ANSWER, link=_link(call_up),
           household_id=call_up.trajectory.household_id, key=f"call_up_answer:{call_up.pk}")
    return call_up


def _join(actor, call_up: CallUp) -> CallUp:
    """On the team through the dossier's own service (its rules: no double membership, separation of functions);
    the system acts, because the expert cannot add themselves and the consent was the family's decision."""
    rules.check_consent_for_join(selectors.has_consent(call_up.trajectory, call_up.organisation, _today()))
    expert = call_up.expert
    membership = dossier.team_member_add(actor=None, trajectory=call_up.trajectory, professional=expert.user,
                                         joined_on=_today(), role_in_team=f"ervaringsdeskundige ({call_up.profile})")
    call_up.status, call_up.joined_on, call_up.membership = CallUpStatus.JOINED, _today(), membership
    call_up.save(update_fields=["status", "joined_on", "membership", "version"])
    _step(call_up, "join", actor, expert)
    _log(actor, "call_up_join", call_up, call_up.trajectory.household_id, expert=expert.pk)
    notify(recipients=[expert.user, call_up.requested_by, *family_workers(call_up.trajectory)],
           kind=Kind.CALL_UP_JOINED, link=_link(call_up), household_id=call_up.trajectory.household_id,
           key=f"call_up_joined:{call_up.pk}", exclude=actor)
    return call_up


@transaction.atomic
def call_up_join(*, actor, call_up: CallUp, expected_version: int | None = None) -> CallUp:
    """After the family's consent: the consultant (or the expert) puts the accepted expert on the team."""
    call_up = _lock_call_up(call_up, expected_version, "join")
    if actor is not None and actor.pk != call_up.expert.user_id:
        rules.check_may_request(access_for(actor, call_up.trajectory).position)
    return _join(actor, call_up)


@transaction.atomic
def call_up_withdraw(*, actor, call_up: CallUp, expected_version: int | None = None) -> CallUp:
    """The consultant no longer needs an expert for this (before they joined)."""
    call_up = _lock_call_up(call_up, expected_version, "withdraw")
    if actor is not None:
        rules.check_may_request(access_for(actor, call_up.trajectory).position)
    call_up.status = CallUpStatus.WITHDRAWN
    call_up.save(update_fields=["status", "version"])
    _step(call_up, "withdraw", actor, call_up.expert)
    _log(actor, "call_up_withdraw", call_up, call_up.trajectory.household_id)
    return call_up


# ------------------------------------------------------------------------------------------------ counted

def _profile_for(expert: Expert, trajectory: Trajectory):
    call_up = (CallUp.objects.filter(trajectory=trajectory, expert=expert, status=CallUpStatus.JOINED)
               .order_by("-joined_on").first())
    return call_up.profile if call_up else None


@transaction.atomic
def contact_record(*, actor, expert: Expert, trajectory: Trajectory, on: dt.date, kind: str, number: int = 1,
                   minutes: int) -> Contact:
    """Count contacts of an expert with a family: kind, number, duration. There is nothing to describe them with.
    The dossier's own service counts it too (its right: the expert themselves, on the team with consent, or the
    local team)."""
    rules.check_contact(kind=kind, number=number, minutes=minutes, on=on, today=_today())
    dossier_contact = dossier.expert_contact_record(actor=actor, trajectory=trajectory, on=on, expert=expert.user)
    contact = Contact.objects.create(expert=expert, trajectory=trajectory, site_id=trajectory.site_id, on=on,
                                     kind=kind, number=number, minutes=minutes, dossier_contact=dossier_contact,
                                     profile=_profile_for(expert, trajectory))
    _log(actor, "expert_contact_count", contact, trajectory.household_id, kind=kind, number=number, minutes=minutes)
    return contact


@transaction.atomic
def session_record(*, actor, organisation: Organisation, kind: str, held_on: dt.date, attendees) -> Session:
    """A coaching or supervision session of the pool: the date and who attended."""
    _require_pool(actor, organisation)
    attendees = list(attendees)
    if kind not in ("coaching", "supervision"):
        raise RuleViolation("kind_unknown", "Kies coaching of supervisie.", field="kind")
    rules.check_session(held_on=held_on, today=_today(), attendees=len(attendees))
    if any(a.organisation_id != organisation.pk for a in attendees):
        raise RuleViolation("attendee_other_pool", "Kies ervaringsdeskundigen van de eigen pool.", field="attendees")
    session = Session.objects.create(organisation=organisation, kind=kind, held_on=held_on, recorded_by=actor)
    session.attendees.set(attendees)
    _log(actor, "expert_session_record", session, kind=kind, attendees=len(attendees))
    return session


# ------------------------------------------------------------------------------------------------ the family's voice

def _without_names(texts: list[str], member: Member) -> list[str]:
    """The answers leave the household: the household's and everyone else's names become placeholders
    (tandem.privacy, docs/pseudonymisation.md)."""
    from tandem.privacy.pseudonymise import KnownPerson, Pseudonymiser

    known = [KnownPerson(label=f"gezinslid {i}", given_names=m.given_names, prefix=m.prefix,
                         family_name=m.family_name, birth_date=m.birth_date)
             for i, m in enumerate(Member.objects.filter(household_id=member.household_id), start=1)]
    return Pseudonymiser(known=known).texts(texts)


@transaction.atomic
def voice_answer(*, member: Member, occasion: str, object_id, k_text: str = "", i_text: str = "") -> FamilyVoice:
    """A household member answers, in the portal, what the contact with the expert meant (K) and how working with
    the team went (I). The answers go without names to the monitor's experiences of the site and the quarter of
    today; here only that this member answered is kept."""
    k_text, i_text = (k_text or "").strip(), (i_text or "").strip()
    trajectories = Trajectory.objects.filter(household_id=member.household_id)
    contact = None
    if occasion == Occasion.CONTACT:
        contact = Contact.objects.filter(pk=object_id, trajectory__in=trajectories).first()
        trajectory = contact.trajectory if contact else None
        answered = FamilyVoice.objects.filter(member=member, contact=contact, occasion=occasion).exists()
    elif occasion == Occasion.CLOSURE:
        trajectory = trajectories.filter(pk=object_id, closed_on__isnull=False).first()
        answered = FamilyVoice.objects.filter(member=member, trajectory=trajectory, occasion=occasion).exists()
    else:
        trajectory, answered = None, False
    rules.check_voice(k_text=k_text, i_text=i_text, already_answered=answered, own_household=trajectory is not None)
    voice = FamilyVoice.objects.create(member=member, trajectory=trajectory, contact=contact, occasion=occasion,
                                       answered_on=_today())
    quarter = quarter_of(_today()).label
    site = Site.objects.get(pk=trajectory.site_id)
    clean_k, clean_i = _without_names([k_text, i_text], member)
    for question, text in (("K", clean_k), ("I", clean_i)):
        if text:
            experience_record(actor=None, site=site, quarter=quarter, question=question, text=text)
    from tandem.portal.selectors import ResidentActor

    _log(ResidentActor(member), "portal_voice_answer", voice, member.household_id, occasion=occasion,
         k=bool(k_text), i=bool(i_text))
    return voice


@transaction.atomic
def expert_lesson_add(*, actor, site: Site, aspect: str, text: str, kind: str = "lesson"):
    """An expert adds their own experience to the practice group's lessons of the site and quarter (without
    names: it leaves the dossiers)."""
    from tandem.privacy.pseudonymise import Pseudonymiser
    from tandem.programme.services import lesson_create

    expert = selectors.expert_of(actor) if actor is not None else None
    if actor is not None and (expert is None or not expert.sites.filter(pk=site.pk).exists()):
        raise NotPermitted("Alleen een ervaringsdeskundige van deze toekomsttuin voegt hier een ervaring toe.",
                           code="right_expert_lesson")
    text = Pseudonymiser().text(rules.check_lesson_text(text))
    lesson = lesson_create(actor=None, region=site.region, site=site, quarter=quarter_of(_today()).label,
                           aspect=aspect, text=text, kind=kind, themes="ervaringsdeskundigheid")
    _log(actor, "expert_lesson_add", lesson, site=site.code)
    return lesson
