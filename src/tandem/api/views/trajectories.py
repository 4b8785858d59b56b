"""Trajectories the organisation is on, one trajectory (with its version as ETag), its team and lead."""
from django.utils import timezone
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.response import Response
from rest_framework.views import APIView

from tandem.api import http
from tandem.api.selectors import lens_for, log_read, trajectory_for, visible_trajectories
from tandem.api.serializers import TeamMemberOut, TrajectoryDetailOut, TrajectoryOut
from tandem.api.views.base import TRAJECTORY_ID, filters, page_of, paged, read_responses
from tandem.cases.rules.rights import Action
from tandem.cases.selectors import access_for, rights_for
from tandem.cases.views.display import age_group, member_labels


class TrajectoryFilter(serializers.Serializer):
    open = serializers.BooleanField(required=False, allow_null=True, default=None,
                                    help_text="true: alleen lopende trajecten; false: alleen afgesloten.")
    registered_from = serializers.DateField(required=False, help_text="Aangemeld op of na deze datum.")
    registered_to = serializers.DateField(required=False, help_text="Aangemeld op of vóór deze datum.")
    site = serializers.CharField(required=False, max_length=20, help_text="Code van de toekomsttuin.")


def _summary(trajectory, access) -> dict:
    return {"id": trajectory.pk, "household": trajectory.household_id, "site": trajectory.site.code,
            "registered_on": trajectory.registered_on, "closed_on": trajectory.closed_on,
            "version": trajectory.version, "anonymous": access.anonymous,
            "position": str(access.position) if access.position else None}


class TrajectoryList(APIView):
    @extend_schema(operation_id="trajectories_list", parameters=[TrajectoryFilter],
                   responses=read_responses(paged(TrajectoryOut)),
                   summary="Trajecten waarin uw organisatie in het team zit")
    def get(self, request):
        wanted = filters(request, TrajectoryFilter)
        rows = visible_trajectories(request.user).order_by("-registered_on", "id")
        if wanted.get("open") is not None:
            rows = rows.filter(closed_on__isnull=wanted["open"])
        if "registered_from" in wanted:
            rows = rows.filter(registered_on__gte=wanted["registered_from"])
        if "registered_to" in wanted:
            rows = rows.filter(registered_on__lte=wanted["registered_to"])
        if "site" in wanted:
            rows = rows.filter(site__code=wanted["site"])
        response = page_of(request, self, rows, _Summaries, {"actor": request.user})
        log_read(request, "trajectories", [row["household"] for row in response.data["results"]])
        return response


class _Summaries(serializers.BaseSerializer):
    """Each trajectory with where the organisation stands in it (one access_for per row of the page)."""

    def to_representation(self, trajectory):
        return TrajectoryOut(_summary(trajectory, access_for(self.context["actor"], trajectory))).data


def _members(trajectory, access, lens) -> list[dict]:
    today = timezone.localdate()
    members = list(trajectory.household.members.all())
    labels = member_labels(members, access.identifying, today)
    return [{"id": m.pk, "label": labels[m.pk], "age": age_group(m.birth_date, m.minor, today),
             "birth_date": m.birth_date if access.identifying else None, "is_network": m.is_network,
             "relation": lens.text(m.relation)} for m in members]


def _lead(trajectory, lens) -> dict | None:
    lead = trajectory.lead_periods.filter(end__isnull=True).select_related("professional__organisation").first()
    if lead is None:
        return None
    organisation = lead.professional.organisation
    return {"professional": str(lead.professional), "organisation": organisation.code if organisation else None,
            "start": lead.start, "statutory_ground": lens.text(lead.statutory_ground)}


class TrajectoryDetail(APIView):
    @extend_schema(operation_id="trajectories_retrieve", parameters=[TRAJECTORY_ID],
                   responses=read_responses(TrajectoryDetailOut), summary="Eén traject; de ETag is zijn versie")
    def get(self, request, trajectory_id):
        trajectory, access = trajectory_for(request.user, trajectory_id)
        lens = lens_for(access, trajectory)
        rights = rights_for(request.user, trajectory, access)
        data = {**_summary(trajectory, access), "reason": lens.text(trajectory.reason),
                "lead": _lead(trajectory, lens), "members": _members(trajectory, access, lens),
                "actions": [str(a) for a in Action if a in rights]}
        log_read(request, "trajectory", [trajectory.household_id], trajectory)
        return http.with_etag(Response(TrajectoryDetailOut(data).data), trajectory)


class TeamFilter(serializers.Serializer):
    current = serializers.BooleanField(required=False, allow_null=True, default=None,
                                       help_text="true: alleen wie nu in het team zit.")
    organisation = serializers.CharField(required=False, max_length=30, help_text="Code van de organisatie.")


class TeamList(APIView):
    @extend_schema(operation_id="team_list", parameters=[TRAJECTORY_ID, TeamFilter],
                   responses=read_responses(paged(TeamMemberOut)), summary="Het team en wie voorop zit")
    def get(self, request, trajectory_id):
        wanted = filters(request, TeamFilter)
        trajectory, access = trajectory_for(request.user, trajectory_id)
        lens = lens_for(access, trajectory)
        team = trajectory.team.select_related("professional", "organisation").order_by("joined_on", "id")
        if wanted.get("current") is not None:
            team = team.filter(left_on__isnull=wanted["current"])
        if "organisation" in wanted:
            team = team.filter(organisation__code=wanted["organisation"])
        leading = set(trajectory.lead_periods.filter(end__isnull=True).values_list("professional_id", flat=True))
        rows = [{"professional": str(m.professional), "organisation": m.organisation.code,
                 "role_in_team": lens.text(m.role_in_team), "joined_on": m.joined_on, "left_on": m.left_on,
                 "leads": m.professional_id in leading}
                for m in team]
        log_read(request, "team", [trajectory.household_id], trajectory)
        return http.with_etag(page_of(request, self, rows, TeamMemberOut), trajectory)
