from django.urls import path

from tandem.help import views

app_name = "help"
urlpatterns = [
    path("", views.help_index, name="index"),
    path("<slug:role>/", views.help_role, name="role"),
]
