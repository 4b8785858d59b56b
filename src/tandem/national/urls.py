"""National programme URLs: pilot codes and theme codes only, nothing personal."""
from django.urls import path

from tandem.national import views

app_name = "national"

urlpatterns = [
    path("", views.index, name="index"),
    path("cijfers/", views.figures, name="figures"),
    path("proeftuin/<str:code>/", views.pilot_page, name="pilot"),
    path("lessen/", views.lessons, name="lessons"),
    path("inlezen/", views.upload, name="upload"),
]
