"""The organisation's own work (episodes and hours, no names) and the monitor's figures as the monitor pages show
them to a worker of the organisation (a client of a region's coordinators: the region and each site)."""
from django.http import Http404
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers
from rest_framework.response import Response
from rest_framework.views import APIView

from tandem.api.selectors import log_read, own_work
from tandem.api.serializers import MonitorScopeOut, OwnWorkOut
from tandem.api.views.base import filters, page_of, paged, read_responses
from tandem.core.routers import replica_reads
from tandem.monitor import rules as monitor_rules
from tandem.monitor.queries import compute_monitor
from tandem.monitor.selectors import monitor_scope_for, monitor_scopes_for, site_of


class OwnWorkFilter(serializers.Serializer):
    date_from = serializers.DateField(required=False, help_text="Begin van de periode.")
    date_to = serializers.DateField(required=False, help_text="Einde van de periode.")

    def validate(self, data):
        if data.get("date_from") and data.get("date_to") and data["date_from"] > data["date_to"]:
            raise serializers.ValidationError({"date_to": "Het einde ligt vóór het begin."})
        return data


class OwnWork(APIView):
    @extend_schema(operation_id="own_work_list", parameters=[OwnWorkFilter],
                   responses=read_responses(paged(OwnWorkOut)),
                   summary="Het eigen werk van uw organisatie (episodes en uren)")
    def get(self, request):
        wanted = filters(request, OwnWorkFilter)
        rows = own_work(request.user, wanted.get("date_from"), wanted.get("date_to"))
        response = page_of(request, self, rows, OwnWorkOut)
        log_read(request, "own_work", [row.household_id for row in response.rows] or [None])
        return response


class ScopeFilter(serializers.Serializer):
    kind = serializers.ChoiceField(choices=["regio", "toekomsttuin"], required=False)


class MonitorScopes(APIView):
    @extend_schema(operation_id="monitor_scopes_list", parameters=[ScopeFilter],
                   responses=read_responses(paged(MonitorScopeOut)),
                   summary="Welke monitor (regio, toekomsttuin) uw organisatie mag zien")
    def get(self, request):
        wanted = filters(request, ScopeFilter)
        scopes = [{"kind": s.kind, "code": s.code, "name": s.name} for s in monitor_scopes_for(request.user)
                  if wanted.get("kind") in (None, s.kind)]
        log_read(request, "monitor_scopes", [None])
        return page_of(request, self, scopes, MonitorScopeOut)


class MonitorFigures(APIView):
    @extend_schema(operation_id="monitor_figures", responses=read_responses(OpenApiTypes.OBJECT),
                   parameters=[OpenApiParameter("kind", str, OpenApiParameter.PATH, enum=["regio", "toekomsttuin"]),
                               OpenApiParameter("quarter", str, OpenApiParameter.PATH, description="Bijv. 2025-Q1")],
                   summary="De cijfers van de monitor van één kwartaal (../shared/spec/monitor.md)")
    def get(self, request, kind, code, quarter):
        scope = monitor_scope_for(request.user, kind, code)
        if scope is None:
            raise Http404
        try:
            label = monitor_rules.parse_quarter(quarter).label
        except monitor_rules.MonitorError as exc:
            raise Http404 from exc
        site = site_of(scope)
        locked = (site.quarter_closures.filter(quarter=label, status=monitor_rules.APPROVED).first() if site
                  else scope.region.snapshots.filter(quarter=label).first())
        if locked is not None:
            report = locked.snapshot
        else:
            with replica_reads():
                report = compute_monitor(**scope.query_args(), quarter=label)
        log_read(request, "monitor", [None])
        return Response(report)
