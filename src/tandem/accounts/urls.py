"""The second sign-in step and the organisation's provider, all under /inloggen/ (open to unverified sessions)."""
from django.urls import path

from tandem.accounts import views

app_name = "accounts"

urlpatterns = [
    path("code/", views.verify, name="verify"),
    path("herstelcode/", views.recovery, name="recovery"),
    path("instellen/", views.setup, name="setup"),
    path("organisatie/", views.OrganisationStart.as_view(), name="oidc_start"),
    path("organisatie/terug/", views.OrganisationCallback.as_view(), name="oidc_callback"),
]
