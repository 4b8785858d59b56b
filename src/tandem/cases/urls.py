from django.urls import path

from tandem.cases import views

app_name = "cases"
urlpatterns = [
    path("", views.my_families, name="my_families"),
]
