"""Safety-plan URLs, mounted at /veiligheid/. Only random UUIDs and row numbers: nothing personal in a URL."""
from django.urls import path

from tandem.safetyplan import views

app_name = "safetyplan"

T = "traject/<uuid:trajectory_id>/"

urlpatterns = [
    path(T, views.plan_page, name="plan"),
    path(T + "nieuwe-versie/", views.version_create, name="version_create"),
    path(T + "versie/<int:number>/", views.version_page, name="version"),
    path(T + "versie/<int:number>/tekenen/", views.sign_off, name="sign_off"),
    path(T + "versie/<int:number>/cijfer/", views.score_add, name="score_add"),
    path(T + "versie/<int:number>/pdf/", views.version_pdf, name="pdf"),
    path(T + "afspraak/<int:agreement_id>/nagekomen/", views.agreement_kept, name="agreement_kept"),
    path(T + "analyse/", views.analysis_page, name="analysis"),
    path(T + "analyse/nieuw/", views.analysis_create, name="analysis_create"),
    path(T + "analyse/<int:number>/tegenspraak/", views.challenge_add, name="challenge_add"),
    path(T + "tegenspraak/<int:challenge_id>/reactie/", views.challenge_respond, name="challenge_respond"),
    path(T + "overleg/", views.meetings_page, name="meetings"),
    path(T + "overleg/nieuw/", views.meeting_create, name="meeting_create"),
]
