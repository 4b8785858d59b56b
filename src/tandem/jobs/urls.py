from django.urls import path

from tandem.jobs import views

app_name = "jobs"

urlpatterns = [
    path("", views.job_list, name="list"),
    path("importeren/", views.import_start, name="import"),
    path("monitor/", views.monitor_export, name="monitor"),
    path("eigen-werk/", views.own_work_export, name="own_work"),
    path("<uuid:job_id>/", views.job_detail, name="detail"),
    path("<uuid:job_id>/download/", views.job_download, name="download"),
]
