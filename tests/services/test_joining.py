"""Pull in, never hand over (issue "Tandem 6", docs/rights.md S19): the local team asks a partner organisation to
join; a worker or the team leader of that organisation accepts, naming who joins, or declines with a reason. Both
dated, in the access log, told to the other side; the guardrails of the requested form hold."""
import datetime as dt

import pytest
from django.utils import timezone

from tandem.audit.models import AuditEvent
from tandem.cases import services
from tandem.cases.models import Involvement, JoinRequestStatus, TeamMembership
from tandem.cases.selectors import access_for
from tandem.core.exceptions import NotPermitted, RuleViolation
from tandem.notifications.models import Notification

TODAY = timezone.localdate()
NEXT_WEEK = TODAY + dt.timedelta(days=7)


def _ask(family, actors, orgs, **extra):
    data = {"organisation": orgs["vt"], "purpose": "Meedenken over de veiligheid thuis", "form": "consult",
            "wanted_by": NEXT_WEEK, **extra}
    return services.join_request_create(actor=actors["consulent"], trajectory=family, **data)


def test_the_consultant_asks_an_organisation_and_its_workers_are_told(family, actors, orgs):
    request = _ask(family, actors, orgs)
    assert request.status == JoinRequestStatus.OPEN and request.requested_on == TODAY
    assert AuditEvent.objects.filter(action="join_request_create", household_id=family.household_id).exists()
    told = set(Notification.objects.filter(kind="join_request").values_list("recipient__username", flat=True))
    assert told == {"bram", "carla"}  # the Veilig Thuis workers, not the consultant, not other organisations
    assert not TeamMembership.objects.filter(trajectory=family, professional__organisation=orgs["vt"]).exists()


def test_an_own_colleague_is_added_directly_not_asked(family, actors, orgs):
    with pytest.raises(RuleViolation) as info:
        _ask(family, actors, orgs, organisation=orgs["local"])
    assert info.value.code == "join_own_team"


def test_green_needs_the_familys_consent_first(family, actors, orgs, mother):
    with pytest.raises(RuleViolation) as info:
        _ask(family, actors, orgs, form="green")
    assert info.value.code == "green_without_consent"
    services.consent_record(actor=actors["consulent"], trajectory=family, organisation=orgs["vt"], given_by=mother,
                            purpose="samenwerken", given_on=TODAY, how="paper")
    assert _ask(family, actors, orgs, form="green").form == "green"


@pytest.mark.parametrize("extra, code", [({"wanted_by": TODAY - dt.timedelta(days=1)}, "wanted_by_past"),
                                         ({"purpose": "  "}, "purpose_missing"),
                                         ({"form": "orange", "anonymous": True}, "anonymous_not_consult")])
def test_a_request_says_what_for_and_by_when(family, actors, orgs, extra, code):
    with pytest.raises(RuleViolation) as info:
        _ask(family, actors, orgs, **extra)
    assert info.value.code == code


def test_one_open_request_per_organisation(family, actors, orgs):
    _ask(family, actors, orgs)
    with pytest.raises(RuleViolation) as info:
        _ask(family, actors, orgs)
    assert info.value.code == "join_request_open"


def test_a_partner_on_the_team_does_not_ask_other_organisations(family, actors, orgs):
    services.team_member_add(actor=None, trajectory=family, professional=actors["outsider"], joined_on=TODAY)
    with pytest.raises(NotPermitted):
        services.join_request_create(actor=actors["outsider"], trajectory=family, organisation=orgs["vt"],
                                     purpose="x", form="consult", wanted_by=NEXT_WEEK)


def test_a_worker_of_the_organisation_accepts_and_names_who_joins(family, actors, orgs):
    request = _ask(family, actors, orgs, anonymous=True)
    accepted = services.join_request_accept(actor=actors["partner2"], request=request,
                                            professional=actors["partner"])
    assert accepted.status == JoinRequestStatus.ACCEPTED and accepted.answered_on == TODAY
    assert accepted.joined == actors["partner"] and accepted.answered_by == actors["partner2"]
    assert family.team.filter(professional=actors["partner"], left_on__isnull=True).exists()
    assert family.team.filter(professional=actors["consulent"], left_on__isnull=True).exists()  # never hands over
    episode = Involvement.objects.get(trajectory=family, organisation=orgs["vt"])
    assert (episode.form, episode.anonymous, episode.start) == ("consult", True, TODAY)
    access = access_for(actors["partner"], family)
    assert access.view and not access.identifying  # an anonymous consult: no names
    assert AuditEvent.objects.filter(action="join_request_accept", household_id=family.household_id).exists()
    assert Notification.objects.filter(kind="join_answer", recipient=actors["consulent"]).exists()


def test_only_someone_of_that_organisation_joins(family, actors, orgs):
    request = _ask(family, actors, orgs)
    with pytest.raises(RuleViolation) as info:
        services.join_request_accept(actor=actors["partner2"], request=request, professional=actors["outsider"])
    assert info.value.code == "join_other_organisation"


@pytest.mark.parametrize("who", ["outsider", "consulent", "other_site", "coordinator", "expert"])
def test_nobody_else_answers(family, actors, orgs, who):
    request = _ask(family, actors, orgs)
    with pytest.raises(NotPermitted):
        services.join_request_accept(actor=actors[who], request=request, professional=actors["partner"])
    with pytest.raises(NotPermitted):
        services.join_request_decline(actor=actors[who], request=request, reason="geen plek")


def test_declining_says_why_and_is_answered_once(family, actors, orgs):
    request = _ask(family, actors, orgs)
    with pytest.raises(RuleViolation) as info:
        services.join_request_decline(actor=actors["partner"], request=request, reason=" ")
    assert info.value.code == "decline_reason_missing"
    declined = services.join_request_decline(actor=actors["partner"], request=request, reason="Geen plek deze maand.")
    assert declined.status == JoinRequestStatus.DECLINED and declined.decline_reason == "Geen plek deze maand."
    assert Notification.objects.filter(kind="join_answer", recipient=actors["consulent"]).exists()
    with pytest.raises(RuleViolation) as info:
        services.join_request_accept(actor=actors["partner"], request=request, professional=actors["partner"])
    assert info.value.code == "join_request_answered"
