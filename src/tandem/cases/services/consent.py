"""Consent statements (toestemmingsverklaring) of household members, and the requests for one (domain §5).

Consent is the family's: the local team records a consent given on paper or in a conversation, or the resident
gives it in the portal (`actor=None`, the portal's services). A partner can only ask (`consent_request_create`).
Withdrawal ends the access it gave at once (the selectors read `withdrawn_on`), flags the episodes that rested
on it for the consultant, and takes an expert by experience of that organisation off the team.
"""
import datetime as dt

from django.db import transaction

from tandem.cases import rules
from tandem.cases.events import Event, announce
from tandem.cases.models import (
    Consent,
    ConsentHow,
    ConsentRequest,
    ConsentRequestStatus,
    ConsentScan,
    ExpertScope,
    Form,
    Involvement,
    Member,
    TeamMembership,
    Trajectory,
)
from tandem.cases.rules.rights import Action
from tandem.cases.services.base import begin_change, check_in_trajectory, log_change, today
from tandem.core.exceptions import RuleViolation
from tandem.organisations.models import OrganisationKind, Role

SCAN_MAX_BYTES = 5 * 1024 * 1024
SCAN_TYPES = {b"%PDF": "application/pdf", b"\xff\xd8\xff": "image/jpeg", b"\x89PNG": "image/png"}


def _check_given_by(actor, trajectory: Trajectory, given_by: Member | None, given_on: dt.date) -> None:
    """A member of this household old enough to consent. Only a taken-over record (actor None, no giver in the
    exchange file) may leave it unknown."""
    if given_by is None and actor is None:
        return
    if given_by is None or given_by.household_id != trajectory.household_id:
        raise RuleViolation("consent_not_member", "Toestemming wordt gegeven door een lid van dit gezin.",
                            field="given_by")
    region = trajectory.site.region
    rules.check_consent_giver(is_network=given_by.is_network, birth_date=given_by.birth_date, minor=given_by.minor,
                              on=given_on, min_age=region.consent_min_age)


def scan_content_type(content: bytes) -> str:
    """A scan is a PDF, JPEG or PNG of at most 5 MB, recognised by its first bytes (not its name)."""
    if len(content) > SCAN_MAX_BYTES:
        raise RuleViolation("scan_too_large", "De scan is te groot. Gebruik een bestand van hoogstens 5 MB.",
                            field="scan")
    for magic, content_type in SCAN_TYPES.items():
        if content.startswith(magic):
            return content_type
    raise RuleViolation("scan_type", "Een scan is een PDF, JPG of PNG.", field="scan")


def _create(actor, trajectory, *, organisation, given_by, purpose, given_on, how, expert_scope, scan) -> Consent:
    consent = Consent.objects.create(trajectory=trajectory, organisation=organisation, given_by=given_by,
                                     purpose=purpose, given_on=given_on, how=how, expert_scope=expert_scope,
                                     recorded_by=actor)
    if scan:
        ConsentScan.objects.create(consent=consent, content=scan, content_type=scan_content_type(scan))
    ConsentRequest.objects.filter(trajectory=trajectory, organisation=organisation,
                                  status=ConsentRequestStatus.OPEN).update(
        status=ConsentRequestStatus.GRANTED, answered_on=given_on, answered_by=actor, consent=consent,
        answered_by_member=given_by if actor is None else None)
    return consent


@transaction.atomic
def consent_record(*, actor, trajectory: Trajectory, organisation, given_by, purpose: str, given_on: dt.date,
                   how: str = "", expert_scope: str = ExpertScope.BASIC, scan: bytes | None = None,
                   expected_version: int | None = None) -> Consent:
    """A household member consents to one organisation, for a stated purpose: recorded by the local team, or
    given by the resident in the portal (actor None, how "portal"). Open requests of that organisation are
    answered by it."""
    fresh = begin_change(actor, trajectory, expected_version, action=Action.CONSENT_RECORD)
    _check_given_by(actor, fresh, given_by, given_on)
    if (actor is not None or how == ConsentHow.PORTAL) and not purpose.strip():
        raise RuleViolation("purpose_missing", "Vul in waarvoor de toestemming is.", field="purpose")
    if actor is not None and how not in (ConsentHow.PAPER, ConsentHow.CONVERSATION):
        raise RuleViolation("consent_how", "Kies hoe het gezin de toestemming gaf: op papier of in een gesprek.",
                            field="how")
    check_in_trajectory(given_on, fresh, "datum van de toestemming")
    consent = _create(actor, fresh, organisation=organisation, given_by=given_by, purpose=purpose,
                      given_on=given_on, how=how or ConsentHow.TAKEN_OVER, expert_scope=expert_scope, scan=scan)
    log_change(actor, "consent_record", fresh, consent, organisation=organisation.code, how=consent.how)
    return consent


def _flag_involvements(trajectory: Trajectory, organisation, on: dt.date) -> int:
    """Open green episodes of that organisation rested on the consent: a work item for the consultant."""
    return Involvement.objects.filter(trajectory=trajectory, organisation=organisation, form=Form.GREEN,
                                      end__isnull=True, consent_withdrawn_on__isnull=True
                                      ).update(consent_withdrawn_on=on)


def _experts_off_team(actor, trajectory: Trajectory, organisation, on: dt.date) -> list[TeamMembership]:
    """An expert by experience is on the team only with the family's consent: off the team the same day."""
    if organisation.kind != OrganisationKind.EXPERIENCE_EXPERTS:
        return []
    memberships = list(TeamMembership.objects.filter(
        trajectory=trajectory, organisation=organisation, left_on__isnull=True,
        professional__role=Role.ERVARINGSDESKUNDIGE))
    for membership in memberships:
        membership.left_on = max(on, membership.joined_on)
        membership.save(update_fields=["left_on"])
        log_change(actor, "team_member_leave", trajectory, membership, reason="toestemming ingetrokken")
    return memberships


def _still_consented(consent: Consent, on: dt.date) -> bool:
    """Another member's consent to the same organisation still stands."""
    return Consent.objects.filter(trajectory=consent.trajectory_id, organisation=consent.organisation_id,
                                  withdrawn_on__isnull=True, given_on__lte=on).exclude(pk=consent.pk).exists()


@transaction.atomic
def consent_withdraw(*, actor, consent: Consent, withdrawn_on: dt.date,
                     expected_version: int | None = None) -> Consent:
    """Withdraw a consent: the organisation's access to names ends at once, the green episodes that rested on
    it wait for the consultant's decision, and an expert by experience of that organisation leaves the team."""
    fresh = begin_change(actor, consent.trajectory, expected_version, action=Action.CONSENT_WITHDRAW)
    consent = Consent.objects.select_related("organisation").get(pk=consent.pk)
    if consent.withdrawn_on is not None:
        raise RuleViolation("already_withdrawn", "Deze toestemming is al ingetrokken.")
    rules.check_not_future(withdrawn_on, today(), "datum van intrekken")
    rules.check_end_after_start(consent.given_on, withdrawn_on, "toestemming")
    consent.withdrawn_on = withdrawn_on
    consent.save(update_fields=["withdrawn_on"])
    flagged, left = 0, []
    if not _still_consented(consent, withdrawn_on) and fresh.closed_on is None:
        flagged = _flag_involvements(fresh, consent.organisation, withdrawn_on)
        left = _experts_off_team(actor, fresh, consent.organisation, withdrawn_on)
    log_change(actor, "consent_withdraw", fresh, consent, flagged=flagged, experts_off_team=len(left))
    announce(Event.CONSENT_WITHDRAWN, trajectory=fresh, obj=consent, actor=actor)
    return consent


@transaction.atomic
def consent_request_create(*, actor, trajectory: Trajectory, purpose: str,
                           expected_version: int | None = None) -> ConsentRequest:
    """A partner on the team asks for the family's consent to their own organisation (never grants it)."""
    fresh = begin_change(actor, trajectory, expected_version, action=Action.CONSENT_REQUEST)
    if not purpose.strip():
        raise RuleViolation("purpose_missing", "Vul in waarvoor u toestemming vraagt.", field="purpose")
    organisation = actor.organisation
    if ConsentRequest.objects.filter(trajectory=fresh, organisation=organisation,
                                     status=ConsentRequestStatus.OPEN).exists():
        raise RuleViolation("request_open", "Uw organisatie heeft al een vraag om toestemming uitstaan.")
    request = ConsentRequest.objects.create(trajectory=fresh, organisation=organisation, purpose=purpose.strip(),
                                            requested_by=actor, requested_on=today())
    log_change(actor, "consent_request_create", fresh, request, organisation=organisation.code)
    announce(Event.CONSENT_REQUEST, trajectory=fresh, obj=request, actor=actor)
    return request


@transaction.atomic
def consent_request_decline(*, actor, request: ConsentRequest, member: Member | None = None,
                            expected_version: int | None = None) -> ConsentRequest:
    """The family says no (through the consultant, or a member in the portal: actor None with `member`)."""
    fresh = begin_change(actor, request.trajectory, expected_version, action=Action.CONSENT_RECORD)
    request = ConsentRequest.objects.select_for_update().get(pk=request.pk)
    if request.status != ConsentRequestStatus.OPEN:
        raise RuleViolation("request_answered", "Deze vraag is al beantwoord.")
    if member is not None and member.household_id != fresh.household_id:
        raise RuleViolation("not_own_household", "Dit kunnen wij niet vinden.")
    request.status, request.answered_on = ConsentRequestStatus.DECLINED, today()
    request.answered_by, request.answered_by_member = actor, member
    request.save(update_fields=["status", "answered_on", "answered_by", "answered_by_member"])
    log_change(actor, "consent_request_decline", fresh, request)
    return request
