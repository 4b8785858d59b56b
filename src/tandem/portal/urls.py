"""The resident portal at /mijn/: its own sign-in, apart from the professionals' screens. Only random ids in
URLs; every page is scoped to the signed-in member's own household."""
from django.urls import path

from tandem.portal import views

app_name = "portal"

urlpatterns = [
    path("", views.home, name="home"),
    path("inloggen/", views.login, name="login"),
    path("uitloggen/", views.logout, name="logout"),
    path("digid/", views.digid_start, name="digid_start"),
    path("digid/terug/", views.digid_callback, name="digid_callback"),
    path("veiligheidsplan/", views.plan, name="plan"),
    path("veiligheidsplan/<int:version_id>/", views.plan_version, name="plan_version"),
    path("veiligheidsplan/<int:version_id>/reageren/", views.plan_version_respond, name="plan_version_respond"),
    path("journaal/", views.journal, name="journal"),
    path("journaal/<int:entry_id>/", views.entry_detail, name="entry"),
    path("toestemming/", views.consents, name="consents"),
    path("toestemming/<int:consent_id>/intrekken/", views.consent_withdraw, name="consent_withdraw"),
    path("toestemming/geven/", views.consent_give, name="consent_give"),
    path("toestemming/vraag/<int:request_id>/", views.consent_request_answer, name="consent_request_answer"),
    path("wie-keek-er/", views.access_log, name="access_log"),
    path("verzoeken/", views.corrections, name="corrections"),
    path("uitleg/", views.rights, name="rights"),
    path("mijn-gegevens.json", views.download, name="download"),
    # For professionals (their own sign-in): codes for household members, answering correction requests.
    path("uitnodigen/gezin/<uuid:household_id>/", views.invite_household, name="invite_household"),
    path("uitnodigen/<uuid:member_id>/", views.invite_member, name="invite_member"),
    path("verbetering/<int:correction_id>/beantwoorden/", views.correction_handle, name="correction_handle"),
    path("eigen-kijk/<int:view_id>/gelezen/", views.resident_view_read, name="resident_view_read"),
]
