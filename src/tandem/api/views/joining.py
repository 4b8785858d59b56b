"""Requests to join addressed to the organisation (docs/rights.md S19): read them, accept naming who joins, or
decline with a reason. The organisation is not on the team yet: it sees the site, what for (without names), the
form and the dates, never the family. The request being open guards against answering twice."""
from django.http import Http404
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import serializers, status
from rest_framework.response import Response
from rest_framework.views import APIView

from tandem.api import http
from tandem.api.selectors import join_requests_for, log_read, log_write
from tandem.api.serializers import JoinAcceptIn, JoinDeclineIn, JoinRequestOut
from tandem.api.serializers import Error
from tandem.api.views.base import ERRORS, IDEMPOTENCY, filters, page_of, paged, read_responses
from tandem.cases import services
from tandem.cases.models import JoinRequestStatus
from tandem.cases.views.anonymity import Lens
from tandem.core.exceptions import RuleViolation
from tandem.organisations.models import Role, User


class JoinFilter(serializers.Serializer):
    status = serializers.ChoiceField(choices=JoinRequestStatus.choices, required=False)


class _Request(serializers.BaseSerializer):
    def to_representation(self, request):
        lens = Lens(anonymous=True, members=tuple(request.trajectory.household.members.all()))
        return JoinRequestOut({"id": request.pk, "trajectory": request.trajectory,
                               "purpose": lens.text(request.purpose), "form": request.form,
                               "anonymous": request.anonymous, "wanted_by": request.wanted_by,
                               "requested_on": request.requested_on, "status": request.status,
                               "answered_on": request.answered_on}).data


class JoinRequestList(APIView):
    @extend_schema(operation_id="join_requests_list", parameters=[JoinFilter],
                   responses=read_responses(paged(JoinRequestOut)),
                   summary="Verzoeken aan uw organisatie om aan te sluiten")
    def get(self, request):
        wanted = filters(request, JoinFilter)
        rows = join_requests_for(request.user)
        if "status" in wanted:
            rows = rows.filter(status=wanted["status"])
        response = page_of(request, self, rows, _Request)
        log_read(request, "join_requests", [join.trajectory.household_id for join in response.rows] or [None])
        return response


WRITE = {201: JoinRequestOut, **ERRORS, 422: OpenApiResponse(Error, "Geweigerd door een regel.")}


def _answer(request, request_id, input_class, what: str, do) -> Response:
    def make() -> Response:
        join = join_requests_for(request.user).filter(pk=request_id).first()
        if join is None:
            raise Http404
        serializer = input_class(data=request.data)
        serializer.is_valid(raise_exception=True)
        join = do(join, serializer.validated_data)
        log_write(request, what, join.trajectory, join)
        return Response(_Request(join).data, status=status.HTTP_201_CREATED)

    return http.idempotent(request, make)


def _colleague(actor, username: str):
    person = User.objects.filter(username=username, organisation_id=actor.organisation_id, is_active=True).exclude(
        role=Role.KOPPELING).first()
    if person is None:
        raise RuleViolation("unknown_professional", "Er is geen medewerker van uw organisatie met deze "
                            "gebruikersnaam.", field="professional")
    return person


class JoinAccept(APIView):
    @extend_schema(operation_id="join_requests_accept", request=JoinAcceptIn, parameters=[IDEMPOTENCY],
                   responses=WRITE, summary="Verzoek aannemen en zeggen wie aansluit")
    def post(self, request, request_id):
        return _answer(request, request_id, JoinAcceptIn, "join_request_accept", lambda join, data:
                       services.join_request_accept(actor=request.user, request=join,
                                                    professional=_colleague(request.user, data["professional"]),
                                                    joined_on=data.get("joined_on")))


class JoinDecline(APIView):
    @extend_schema(operation_id="join_requests_decline", request=JoinDeclineIn, parameters=[IDEMPOTENCY],
                   responses=WRITE, summary="Verzoek afwijzen met een reden")
    def post(self, request, request_id):
        return _answer(request, request_id, JoinDeclineIn, "join_request_decline", lambda join, data:
                       services.join_request_decline(actor=request.user, request=join, reason=data["reason"]))
