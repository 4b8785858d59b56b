from django.urls import path

from tandem.appearance import views

app_name = "appearance"
urlpatterns = [path("thema.css", views.theme_css, name="theme_css")]
