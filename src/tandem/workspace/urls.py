"""Composed dossier pages, under the same /gezinnen/ addresses as the dossier itself."""
from django.urls import path

from tandem.workspace import views

app_name = "workspace"

T = "traject/<uuid:trajectory_id>/"

urlpatterns = [
    path(T + "afsluiten/", views.trajectory_close, name="trajectory_close"),
]
