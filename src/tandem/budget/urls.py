"""Budget URLs: region codes and years only."""
from django.urls import path

from tandem.budget import views

app_name = "budget"

R = "<str:region>/"

urlpatterns = [
    path("", views.index, name="index"),
    path(R, views.region_page, name="region"),
    path(R + "jaar/<int:year>/", views.year_edit, name="year"),
    path(R + "verantwoording/<int:year>/", views.account, name="account"),
    path(R + "inlezen/", views.import_file, name="import"),
    path(R + "excel/", views.download_xlsx, name="xlsx"),
    path(R + "pdf/", views.download_pdf, name="pdf"),
]
