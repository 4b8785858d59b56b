"""Monitor URLs: site and region codes and quarters only, nothing personal."""
from django.urls import path

from tandem.monitor import views

app_name = "monitor"

SITE_Q = "toekomsttuin/<str:code>/<str:quarter>/"

urlpatterns = [
    path("", views.monitor_index, name="index"),
    path("<str:kind>/<str:code>/<str:quarter>/", views.monitor_page, name="page"),
    path("<str:kind>/<str:code>/<str:quarter>/lijst/<str:question>/", views.monitor_drill_down, name="drill_down"),
    path(SITE_Q + "ervaringen/", views.experiences_enter, name="experiences"),
    path(SITE_Q + "heropenen/", views.quarter_reopen, name="reopen"),
    path(SITE_Q + "goedkeuren/", views.quarter_approve, name="approve"),
    path(SITE_Q + "<str:step>/", views.quarter_step, name="step"),
]
