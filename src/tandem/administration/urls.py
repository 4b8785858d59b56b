"""/beheer/: the region's beheerder only (and the confirmation of a two-factor reset, also for team leaders)."""
from django.urls import path

from tandem.administration import views

app_name = "administration"

urlpatterns = [
    path("", views.index, name="index"),
    path("organisaties/", views.organisations, name="organisations"),
    path("organisaties/nieuw/", views.organisation_create, name="organisation_create"),
    path("organisaties/<int:organisation_id>/", views.organisation_edit, name="organisation"),
    path("toekomsttuinen/", views.sites, name="sites"),
    path("toekomsttuinen/nieuw/", views.site_create, name="site_create"),
    path("toekomsttuinen/<int:site_id>/", views.site_edit, name="site"),
    path("regio/", views.region_settings, name="region"),
    path("mensen/", views.users, name="users"),
    path("mensen/uitnodigen/", views.user_invite, name="user_invite"),
    path("mensen/<int:user_id>/", views.user_detail, name="user"),
    path("mensen/<int:user_id>/uitzetten/", views.user_deactivate, name="user_deactivate"),
    path("mensen/<int:user_id>/aanzetten/", views.user_reactivate, name="user_reactivate"),
    path("mensen/<int:user_id>/uitnodiging/", views.invitation_resend, name="invitation_resend"),
    path("mensen/<int:user_id>/tweede-stap/", views.factor_reset_request, name="factor_reset_request"),
    path("herstellen/", views.resets, name="resets"),
    path("herstellen/<int:reset_id>/eigen-intrekken/", views.own_reset_withdraw, name="own_reset_withdraw"),
    path("herstellen/<int:reset_id>/<str:step>/", views.reset_step, name="reset_step"),
]
