"""Every change made through the resident portal, one function each (house style §2). Keyword-only arguments,
one transaction, the pure rules in `portal/rules.py`, and an entry in the access log for every change.

The resident is logged as a `ResidentActor` (role "inwoner", no user id). Consent withdrawal goes through the
dossier's own `consent_withdraw`, so the same guardrails hold however a withdrawal arrives.
"""
import datetime as dt
import secrets
from dataclasses import dataclass
from functools import lru_cache

from django.contrib.auth.hashers import check_password, get_hasher, make_password
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from tandem.audit.services import audit_record
from tandem.cases import rules as case_rules
from tandem.cases.models import Consent, ConsentHow, ConsentRequest, ConsentRequestStatus, Member
from tandem.cases.rules.rights import Action
from tandem.cases.events import Event, announce
from tandem.cases.services import consent_record, consent_request_decline, consent_withdraw
from tandem.cases.services.base import require_right
from tandem.core.exceptions import NotPermitted, RuleViolation
from tandem.portal import rules
from tandem.portal.models import (
    LOCKOUT_AFTER,
    CorrectionRequest,
    CorrectionStatus,
    PortalInvite,
    ResidentView,
)
from tandem.portal.selectors import ResidentActor, current_trajectory

CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I: easy to read aloud and type
CODE_MINUTES = 30


@dataclass(frozen=True)
class IssuedInvite:
    """What the professional hands to the resident, shown once: the code itself is never stored."""

    invite: PortalInvite
    login_name: str
    code: str  # as shown: ABCD-EFGH


def login_name_for(member: Member) -> str:
    return str(member.pk)[:8]


def _new_code() -> str:
    raw = "".join(secrets.choice(CODE_ALPHABET) for _ in range(8))
    return f"{raw[:4]}-{raw[4:]}"


def _require_right_for_member(actor, member: Member, action: Action) -> None:
    """`actor=None` is the system (the `tandem portal_code` command); a professional needs the right."""
    if actor is None:
        return
    trajectory = current_trajectory(member)
    if trajectory is None:
        raise NotPermitted("U mag dit niet doen voor dit gezin.")
    require_right(actor, trajectory, action)


def check_portal_member(member: Member) -> None:
    """Only household members from the region's portal age sign in (tandem.cases.rules.family)."""
    region = member.household.site.region
    case_rules.check_portal_age(is_network=member.is_network, birth_date=member.birth_date, minor=member.minor,
                                on=timezone.localdate(), min_age=region.portal_min_age)


@transaction.atomic
def portal_invite_create(*, actor, member: Member, minutes: int = CODE_MINUTES) -> IssuedInvite:
    """A one-time code for a household member. Earlier unused codes of this member stop working."""
    _require_right_for_member(actor, member, Action.PORTAL_CODE)
    check_portal_member(member)
    now = timezone.now()
    PortalInvite.objects.filter(member=member, used_at__isnull=True).update(expires_at=now)
    code = _new_code()
    invite = PortalInvite.objects.create(
        member=member, login_name=login_name_for(member), code_hash=make_password(rules.normalise_code(code)),
        created_by=actor, created_at=now, expires_at=now + dt.timedelta(minutes=minutes))
    audit_record(actor=actor, action="portal_invite", household_id=member.household_id, obj=invite,
                 purpose="inlogcode voor het gezinsdossier", detail={"member": str(member.pk)})
    return IssuedInvite(invite=invite, login_name=invite.login_name, code=code)


@lru_cache(maxsize=4)
def _stand_in_hash(algorithm: str) -> str:
    """A hash of a random code made by the current hasher: checked when there is no usable invite, so that
    every answer costs the same one hash check (an unknown name is not answered faster)."""
    return make_password(secrets.token_urlsafe(16), hasher=algorithm)


def _claim_try(invite: PortalInvite, now) -> bool:
    """Count this try before checking the code (one conditional UPDATE), so simultaneous tries can never check
    more than LOCKOUT_AFTER codes; false when the code is used, expired or locked."""
    return bool(PortalInvite.objects.filter(pk=invite.pk, used_at__isnull=True, expires_at__gt=now,
                                            failed_attempts__lt=LOCKOUT_AFTER)
                .update(failed_attempts=F("failed_attempts") + 1))


def portal_login_refused(*, reason: str, member: Member | None = None) -> None:
    """A refused sign-in to the portal (`portal_login_failed`): with the household when the member is known, so
    the family sees it under "Wie keek er"; never the typed name or code."""
    audit_record(actor=ResidentActor(member) if member else None, action="portal_login_failed",
                 household_id=member.household_id if member else None, obj=member,
                 purpose="inloggen op het gezinsdossier",
                 detail={"reason": reason, **({"member": str(member.pk)} if member else {})})


def _refuse(invite: PortalInvite | None, reason: str, message: str) -> RuleViolation:
    portal_login_refused(reason=reason, member=invite.member if invite is not None else None)
    return RuleViolation("portal_locked" if message == rules.LOCKED else "portal_code_invalid", message)


def portal_login_with_code(*, login_name: str, code: str) -> Member:
    """Check a login name and one-time code. A wrong code counts towards the lock-out; a good one is used up.

    Every path (unknown name, used, expired or locked code, wrong or right code) checks exactly one hash of the
    same hasher, so the answer takes as long whether or not the name exists. Not one atomic block: a wrong try
    stays counted although the sign-in is refused, and no row lock is held while the hash is computed."""
    now = timezone.now()
    invite = (PortalInvite.objects.select_related("member").filter(login_name=login_name.strip().lower())
              .order_by("-created_at").first())
    claimed = invite is not None and _claim_try(invite, now)
    stand_in = _stand_in_hash(get_hasher().algorithm)
    right = check_password(rules.normalise_code(code), invite.code_hash if claimed else stand_in)
    if invite is None:
        raise _refuse(None, "unknown_name", rules.WRONG_CODE)
    if not claimed:
        invite.refresh_from_db(fields=["used_at", "expires_at", "failed_attempts"])
        try:
            rules.check_invite_usable(used_at=invite.used_at, expires_at=invite.expires_at, locked=invite.locked,
                                      now=now)
        except RuleViolation as exc:
            raise _refuse(invite, exc.code, exc.message) from None
        raise _refuse(invite, "busy", rules.WRONG_CODE)  # every try was taken by simultaneous ones
    if not right:
        raise _refuse(invite, "wrong_code", rules.WRONG_CODE)
    return _use_invite(invite, now)


@transaction.atomic
def _use_invite(invite: PortalInvite, now) -> Member:
    """The right code: used up (once, even by two requests at the same moment); its try is given back."""
    check_portal_member(invite.member)
    if not PortalInvite.objects.filter(pk=invite.pk, used_at__isnull=True).update(
            used_at=now, failed_attempts=F("failed_attempts") - 1):
        raise RuleViolation("portal_code_invalid", rules.WRONG_CODE)
    _log_login(invite.member, "code")
    return invite.member


def _log_login(member: Member, method: str) -> None:
    audit_record(actor=ResidentActor(member), action="portal_login", household_id=member.household_id,
                 obj=member, purpose="inloggen op het gezinsdossier", detail={"method": method,
                                                                               "member": str(member.pk)})


@transaction.atomic
def portal_login_with_bsn(*, bsn: str) -> Member:
    """DigiD through the municipality's OpenID Connect provider: the BSN claim names the member."""
    members = list(Member.objects.with_bsn(bsn).filter(is_network=False).select_related("household"))
    if len(members) != 1:
        raise RuleViolation("portal_no_member",
                            "Wij kunnen u niet vinden in een gezinsdossier. Neem contact op met uw hulpverlener.")
    check_portal_member(members[0])
    _log_login(members[0], "digid")
    return members[0]


def portal_logout(*, member: Member) -> None:
    audit_record(actor=ResidentActor(member), action="portal_logout", household_id=member.household_id,
                 obj=member, purpose="uitloggen", detail={"member": str(member.pk)})


def _target(member: Member, *, journal_entry=None, plan_version=None) -> dict:
    """The entry or plan version answered: exactly one, visible, of the member's own household."""
    if (journal_entry is None) == (plan_version is None):
        raise RuleViolation("target_missing", "Kies een notitie of een versie van het plan.")
    trajectory = journal_entry.trajectory if journal_entry is not None else plan_version.plan.trajectory
    rules.check_same_household(member_household_id=member.household_id,
                               object_household_id=trajectory.household_id)
    if journal_entry is not None:
        hidden = journal_entry.hidden_from.filter(pk=member.pk).exists()
        if not case_rules.entry_visible_to_member(withheld_reason=journal_entry.withheld_reason,
                                                  hidden_from_member=hidden):
            raise RuleViolation("entry_withheld", "Dit kunnen wij niet vinden.")
    return {"journal_entry": journal_entry, "plan_version": plan_version}


@transaction.atomic
def resident_view_add(*, member: Member, text: str, journal_entry=None, plan_version=None,
                      shared: bool = False) -> ResidentView:
    """Hoor en wederhoor: the resident's own view, kept beside the entry or plan version, never changing it.
    Visible to the professionals and to this member; to the rest of the household only when `shared`."""
    target = _target(member, journal_entry=journal_entry, plan_version=plan_version)
    text = rules.check_text(text, "uw kijk erop")
    view = ResidentView.objects.create(member=member, text=text, shared=shared, **target)
    audit_record(actor=ResidentActor(member), action="portal_view_add", household_id=member.household_id,
                 obj=view, purpose="eigen kijk toevoegen", detail={"member": str(member.pk)})
    announce(Event.RESIDENT_VIEW, trajectory=_trajectory_of(target), obj=view)
    return view


@transaction.atomic
def correction_request_add(*, member: Member, what_is_wrong: str, journal_entry=None,
                           plan_version=None, shared: bool = False) -> CorrectionRequest:
    """The resident asks for a correction of something recorded (right to rectification); theirs unless
    `shared` with the household."""
    target = _target(member, journal_entry=journal_entry, plan_version=plan_version)
    text = rules.check_text(what_is_wrong, "wat er niet klopt")
    request = CorrectionRequest.objects.create(member=member, what_is_wrong=text, shared=shared, **target)
    audit_record(actor=ResidentActor(member), action="portal_correction_request", household_id=member.household_id,
                 obj=request, purpose="verbetering vragen", detail={"member": str(member.pk)})
    announce(Event.CORRECTION_REQUEST, trajectory=_trajectory_of(target), obj=request)
    return request


def _trajectory_of(target: dict):
    entry, version = target["journal_entry"], target["plan_version"]
    return entry.trajectory if entry is not None else version.plan.trajectory


@transaction.atomic
def resident_view_read(*, actor, view: ResidentView) -> ResidentView:
    """The local team has read a resident's own view (and talks it over with the family): off the work list."""
    _require_right_for_member(actor, view.member, Action.CORRECTION_HANDLE)
    view = ResidentView.objects.select_for_update().get(pk=view.pk)
    if view.read_at is None:
        view.read_at, view.read_by = timezone.now(), actor
        view.save(update_fields=["read_at", "read_by"])
        audit_record(actor=actor, action="resident_view_read", household_id=view.member.household_id, obj=view,
                     purpose="eigen kijk van het gezin gelezen")
    return view


@transaction.atomic
def correction_request_handle(*, actor, correction: CorrectionRequest, response: str) -> CorrectionRequest:
    """A professional with edit access answers a correction request; the answer is shown to the resident."""
    _require_right_for_member(actor, correction.member, Action.CORRECTION_HANDLE)
    correction = CorrectionRequest.objects.select_for_update().get(pk=correction.pk)
    if correction.status == CorrectionStatus.HANDLED:
        raise RuleViolation("already_handled", "Dit verzoek is al afgehandeld.")
    correction.response = rules.check_text(response, "uw antwoord")
    correction.status, correction.handled_by, correction.handled_at = CorrectionStatus.HANDLED, actor, timezone.now()
    correction.save(update_fields=["response", "status", "handled_by", "handled_at"])
    audit_record(actor=actor, action="correction_handle", household_id=correction.member.household_id,
                 obj=correction, purpose="verzoek om verbetering afhandelen")
    return correction


@transaction.atomic
def resident_consent_withdraw(*, member: Member, consent: Consent) -> Consent:
    """Withdraw a consent given in this household. From today the organisation has no consent any more, so
    its identifying access ends at once (`cases.selectors` reads withdrawn_on <= today as withdrawn)."""
    consent = Consent.objects.select_related("given_by", "trajectory").get(pk=consent.pk)
    given_by = consent.given_by
    rules.check_consent_withdrawable(
        given_by_household_id=given_by.household_id if given_by else None,
        member_household_id=member.household_id, given_by_is_network=bool(given_by and given_by.is_network),
        withdrawn_on=consent.withdrawn_on)
    consent = consent_withdraw(actor=None, consent=consent, withdrawn_on=timezone.localdate())
    audit_record(actor=ResidentActor(member), action="portal_consent_withdraw", household_id=member.household_id,
                 obj=consent, purpose="toestemming intrekken",
                 detail={"member": str(member.pk), "organisation": consent.organisation.code})
    return consent


def _open_trajectory(member: Member):
    trajectory = current_trajectory(member)
    if trajectory is None or not trajectory.is_open:
        raise RuleViolation("no_open_trajectory", "Er loopt op dit moment geen traject voor uw gezin.")
    return trajectory


@transaction.atomic
def resident_consent_give(*, member: Member, organisation, purpose: str) -> Consent:
    """A household member (old enough: rules.family) gives consent in the portal, to an organisation that asked
    for it or is on the family's team. Recorded through the dossier's own `consent_record`."""
    trajectory = _open_trajectory(member)
    consent = consent_record(actor=None, trajectory=trajectory, organisation=organisation, given_by=member,
                             purpose=purpose, given_on=timezone.localdate(), how=ConsentHow.PORTAL)
    audit_record(actor=ResidentActor(member), action="portal_consent_give", household_id=member.household_id,
                 obj=consent, purpose="toestemming geven",
                 detail={"member": str(member.pk), "organisation": organisation.code})
    return consent


@transaction.atomic
def resident_consent_request_answer(*, member: Member, request: ConsentRequest, grant: bool) -> ConsentRequest:
    """Yes or no to a partner's question for consent, by a member old enough to give it."""
    request = ConsentRequest.objects.select_related("trajectory", "organisation").get(pk=request.pk)
    rules.check_same_household(member_household_id=member.household_id,
                               object_household_id=request.trajectory.household_id)
    if request.status != ConsentRequestStatus.OPEN:
        raise RuleViolation("request_answered", "Deze vraag is al beantwoord.")
    if grant:
        resident_consent_give(member=member, organisation=request.organisation, purpose=request.purpose)
    else:
        region = member.household.site.region
        case_rules.check_consent_giver(is_network=member.is_network, birth_date=member.birth_date,
                                       minor=member.minor, on=timezone.localdate(),
                                       min_age=region.consent_min_age)
        consent_request_decline(actor=None, request=request, member=member)
        audit_record(actor=ResidentActor(member), action="portal_consent_decline",
                     household_id=member.household_id, obj=request, purpose="toestemming weigeren",
                     detail={"member": str(member.pk), "organisation": request.organisation.code})
    request.refresh_from_db()
    return request
