"""Pull in, never hand over: the request to a partner organisation to join the family's team (docs/rights.md
S19). The local team asks (what for, which form, by when); a worker or the team leader of that organisation
accepts, naming who joins (they step on the back of the tandem and the episode of that form starts through the
usual guardrails), or declines with a reason. Both are dated, logged and told to the other side."""
import datetime as dt

from django.db import transaction

from tandem.cases import rules
from tandem.cases.events import Event, announce
from tandem.cases.models import Form, Involvement, JoinRequest, JoinRequestStatus, Trajectory
from tandem.cases.rules.rights import Action, answer_position, check_right
from tandem.cases.selectors import access_for
from tandem.cases.services.base import begin_change, check_in_trajectory, lock, log_change, today
from tandem.cases.services.involvement import check_involvement
from tandem.cases.services.team import join_team
from tandem.core.exceptions import NotPermitted, RuleViolation
from tandem.organisations.models import OrganisationKind


@transaction.atomic
def join_request_create(*, actor, trajectory: Trajectory, organisation, purpose: str, form: str,
                        wanted_by: dt.date, anonymous: bool = False, household_informed_on: dt.date | None = None,
                        expected_version: int | None = None) -> JoinRequest:
    """Ask a partner organisation to join. The episode's guardrails are checked now, as if it started today (a
    green request needs the family's consent to that organisation first)."""
    fresh = begin_change(actor, trajectory, expected_version, action=Action.JOIN_REQUEST)
    purpose = (purpose or "").strip()
    if not purpose:
        raise RuleViolation("purpose_missing", "Vul in waarvoor u de organisatie vraagt.", field="purpose")
    own = organisation.kind == OrganisationKind.LOCAL_TEAM and organisation.site_id == fresh.site_id
    open_request = JoinRequest.objects.filter(trajectory=fresh, organisation=organisation,
                                              status=JoinRequestStatus.OPEN).exists()
    rules.check_join_target(own_local_team=own, has_open_request=open_request)
    rules.check_wanted_by(wanted_by, today())
    rules.check_not_future(household_informed_on, today(), "datum waarop het gezin is geïnformeerd")
    check_involvement(fresh, organisation=organisation, form=form, start=today(), anonymous=anonymous,
                      household_informed_on=household_informed_on)
    request = JoinRequest.objects.create(
        trajectory=fresh, organisation=organisation, purpose=purpose, form=form, anonymous=anonymous,
        household_informed_on=household_informed_on, wanted_by=wanted_by, requested_by=actor, requested_on=today())
    log_change(actor, "join_request_create", fresh, request, organisation=organisation.code, form=form)
    announce(Event.JOIN_REQUEST, trajectory=fresh, obj=request, actor=actor)
    return request


def may_answer(actor, request: JoinRequest) -> bool:
    """For pages: whether this person answers the request (a worker or team leader of the organisation asked)."""
    return _allowed(actor, request)


def _position(actor, request: JoinRequest):
    dossier = access_for(actor, request.trajectory).position
    return answer_position(of_invited_organisation=actor.organisation_id == request.organisation_id,
                           role=actor.role, active=actor.is_active, dossier_position=dossier)


def _allowed(actor, request) -> bool:
    try:
        check_right(Action.JOIN_ANSWER, _position(actor, request))
    except NotPermitted:
        return False
    return True


def _begin_answer(actor, request: JoinRequest) -> tuple[Trajectory, JoinRequest]:
    if actor is not None:
        check_right(Action.JOIN_ANSWER, _position(actor, request))
    fresh = lock(request.trajectory, None)
    rules.check_trajectory_open(fresh.closed_on)
    request = JoinRequest.objects.select_for_update().select_related("organisation").get(pk=request.pk)
    rules.check_request_open(request.is_open)
    return fresh, request


def _episode(trajectory, request: JoinRequest, start: dt.date) -> Involvement | None:
    """The requested form starts on the day of joining, unless that organisation already runs it."""
    running = Involvement.objects.filter(trajectory=trajectory, organisation=request.organisation, form=request.form,
                                         end__isnull=True).first()
    if running is not None:
        return None
    check_involvement(trajectory, organisation=request.organisation, form=request.form, start=start,
                      anonymous=request.anonymous, household_informed_on=request.household_informed_on)
    return Involvement.objects.create(trajectory=trajectory, site_id=trajectory.site_id,
                                      household_id=trajectory.household_id, organisation=request.organisation,
                                      form=request.form, start=start, anonymous=request.anonymous,
                                      household_informed_on=request.household_informed_on)


@transaction.atomic
def join_request_accept(*, actor, request: JoinRequest, professional, joined_on: dt.date | None = None
                        ) -> JoinRequest:
    """The organisation says yes and names who joins: that person is on the team from `joined_on` (default
    today) and the requested form of involvement starts then."""
    fresh, request = _begin_answer(actor, request)
    joined_on = joined_on or today()
    rules.check_joiner(same_organisation=professional.organisation_id == request.organisation_id)
    check_in_trajectory(joined_on, fresh, "datum waarop iemand aansluit")
    request.membership = join_team(fresh, professional, joined_on, Form(request.form).label)
    request.involvement = _episode(fresh, request, joined_on)
    request.status, request.answered_on, request.answered_by = JoinRequestStatus.ACCEPTED, today(), actor
    request.joined = professional
    request.save(update_fields=["membership", "involvement", "status", "answered_on", "answered_by", "joined"])
    log_change(actor, "join_request_accept", fresh, request, professional=professional.pk)
    announce(Event.JOIN_ANSWER, trajectory=fresh, obj=request, actor=actor)
    return request


@transaction.atomic
def join_request_decline(*, actor, request: JoinRequest, reason: str) -> JoinRequest:
    """The organisation says no, with its reason; the local team looks further."""
    fresh, request = _begin_answer(actor, request)
    request.decline_reason = rules.check_decline_reason(reason)
    request.status, request.answered_on, request.answered_by = JoinRequestStatus.DECLINED, today(), actor
    request.save(update_fields=["decline_reason", "status", "answered_on", "answered_by"])
    log_change(actor, "join_request_decline", fresh, request)
    announce(Event.JOIN_ANSWER, trajectory=fresh, obj=request, actor=actor)
    return request
