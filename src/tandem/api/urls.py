from django.urls import path, re_path
from drf_spectacular.views import SpectacularAPIView

from tandem.api.errors import json_404
from tandem.api.views import docs, figures, joining, records, trajectories

app_name = "api"

T = "trajectories/<uuid:trajectory_id>/"

urlpatterns = [
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    path("docs/", docs.api_docs, name="docs"),
    path("trajectories/", trajectories.TrajectoryList.as_view(), name="trajectories"),
    path(T, trajectories.TrajectoryDetail.as_view(), name="trajectory"),
    path(T + "team/", trajectories.TeamList.as_view(), name="team"),
    path(T + "involvements/", records.InvolvementList.as_view(), name="involvements"),
    path(T + "involvements/<int:involvement_id>/end/", records.InvolvementEnd.as_view(), name="involvement_end"),
    path(T + "time-entries/", records.TimeEntryList.as_view(), name="time_entries"),
    path(T + "journal/", records.JournalList.as_view(), name="journal"),
    path(T + "reports/", records.ReportList.as_view(), name="reports"),
    path(T + "measures/", records.MeasureList.as_view(), name="measures"),
    path(T + "consents/", records.ConsentList.as_view(), name="consents"),
    path("join-requests/", joining.JoinRequestList.as_view(), name="join_requests"),
    path("join-requests/<int:request_id>/accept/", joining.JoinAccept.as_view(), name="join_accept"),
    path("join-requests/<int:request_id>/decline/", joining.JoinDecline.as_view(), name="join_decline"),
    path("own-work/", figures.OwnWork.as_view(), name="own_work"),
    path("monitor/", figures.MonitorScopes.as_view(), name="monitor_scopes"),
    path("monitor/<str:kind>/<str:code>/<str:quarter>/", figures.MonitorFigures.as_view(), name="monitor"),
    re_path(r"^.*$", json_404),
]
