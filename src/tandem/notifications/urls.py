"""Notification URLs: row ids only."""
from django.urls import path

from tandem.notifications import views

app_name = "notifications"

urlpatterns = [
    path("", views.notification_list, name="list"),
    path("instellen/", views.email_setting, name="setting"),
    path("alles-gelezen/", views.notifications_read_all, name="read_all"),
    path("<int:notification_id>/", views.notification_open, name="open"),
]
