"""Dossier URLs. Only random UUIDs (households, trajectories) and row ids: nothing personal in a URL."""
from django.urls import path

from tandem.cases import views

app_name = "cases"

T = "traject/<uuid:trajectory_id>/"

urlpatterns = [
    # "" (my_families), "noodtoegang/" (emergency_request) and "<uuid:household_id>/" (household) are composed
    # pages of tandem.workspace, added to this namespace by config/urls.py: the core imports none of them.
    path("aanmelden/", views.household_register, name="household_register"),
    path("verzoek/<int:join_request_id>/", views.join_request_answer, name="join_request_answer"),
    path("<uuid:household_id>/toegangslogboek/", views.household_access_log, name="access_log"),
    path("<uuid:household_id>/persoon-toevoegen/", views.member_add, name="member_add"),
    path("<uuid:household_id>/opnieuw-aanmelden/", views.trajectory_register, name="trajectory_register"),
    path(T + "triage/", views.triage_record, name="triage_record"),
    path(T + "heropenen/", views.trajectory_reopen, name="trajectory_reopen"),
    path(T + "betrokkenheid/<int:involvement_id>/besluit/", views.involvement_decide, name="involvement_decide"),
    path(T + "toestemming/vragen/", views.consent_request_create, name="consent_request_create"),
    path(T + "toestemming/vraag/<int:request_id>/", views.consent_request_answer, name="consent_request_answer"),
    path(T + "toestemming/<int:consent_id>/scan/", views.consent_scan, name="consent_scan"),
    path(T + "journaal/<int:entry_id>/afschermen/", views.journal_entry_hide, name="journal_entry_hide"),
    path(T + "team/", views.team_member_add, name="team_member_add"),
    path(T + "team/<int:membership_id>/stoppen/", views.team_member_leave, name="team_member_leave"),
    path(T + "regie/", views.lead_switch, name="lead_switch"),
    path(T + "betrokkenheid/", views.involvement_start, name="involvement_start"),
    path(T + "betrokkenheid/<int:involvement_id>/einde/", views.involvement_end, name="involvement_end"),
    path(T + "betrokkenheid/<int:involvement_id>/tijd/", views.time_register, name="time_register"),
    path(T + "toestemming/", views.consent_record, name="consent_record"),
    path(T + "toestemming/<int:consent_id>/intrekken/", views.consent_withdraw, name="consent_withdraw"),
    path(T + "melding/", views.report_record, name="report_record"),
    path(T + "maatregel/", views.measure_record, name="measure_record"),
    path(T + "ervaringsdeskundige/", views.expert_contact_record, name="expert_contact_record"),
    path(T + "journaal/", views.journal_entry_add, name="journal_entry_add"),
    path(T + "partner-vragen/", views.join_request_create, name="join_request_create"),
]
