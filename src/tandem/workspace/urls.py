"""Composed pages. `dossier_pages` are the dossier's own addresses (names in the `cases` namespace, added to it by
config/urls.py, so `cases` imports none of these views); `urlpatterns` are the workspace's own."""
from django.urls import path

from tandem.security.views import emergency_request
from tandem.workspace import views

app_name = "workspace"

T = "gezinnen/traject/<uuid:trajectory_id>/"

dossier_pages = [
    path("", views.my_families, name="my_families"),
    path("noodtoegang/", emergency_request, name="emergency_request"),
    path("<uuid:household_id>/", views.household_detail, name="household"),
]

urlpatterns = [
    path("", views.home, name="home"),
    path("werk/", views.work, name="work"),
    path(T + "afsluiten/", views.trajectory_close, name="trajectory_close"),
]
