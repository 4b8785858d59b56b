"""The second sign-in step and the organisation's provider, all under /inloggen/ (open to unverified sessions)."""
from django.urls import path

from tandem.accounts import views

app_name = "accounts"

urlpatterns = [
    path("code/", views.verify, name="verify"),
    path("instellen/", views.setup, name="setup"),
    path("organisatie/", views.oidc_start, name="oidc_start"),
    path("organisatie/terug/", views.oidc_callback, name="oidc_callback"),
]
