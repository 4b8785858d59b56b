from django.urls import include, path

from tandem.experts import views

app_name = "experts"

urlpatterns = [
    path("", views.pool, name="pool"),
    path("deskundige/nieuw/", views.expert_add, name="expert_add"),
    path("deskundige/<int:expert_id>/", views.expert_edit, name="expert_edit"),
    path("profielen/nieuw/", views.profile_add, name="profile_add"),
    path("coaching-en-supervisie/", views.sessions, name="sessions"),
    path("cijfers/", views.reports, name="reports"),
    path("vragen/<uuid:trajectory_id>/", views.call_up_request, name="call_up_request"),
    path("vraag/<int:call_up_id>/", views.call_up, name="call_up"),
    path("vraag/<int:call_up_id>/<slug:step>/", views.call_up_step, name="call_up_step"),
    path("mijn-inzet/", views.mine, name="mine"),
    path("mijn-inzet/contact/<uuid:trajectory_id>/", views.contact_record, name="contact_record"),
    path("mijn-inzet/ervaring-delen/", views.lesson_add, name="lesson_add"),
]

# The family's voice sits in the resident portal's address space (/mijn/ervaring/), with the portal's sign-in.
from tandem.experts import voice  # noqa: E402

voice_urlpatterns = [
    path("", voice.questions, name="voice"),
    path("<slug:occasion>/<str:object_id>/", voice.answer, name="voice_answer"),
]

# Mounted at the root by config/urls.py, in one namespace.
routes = [path("ervaringsdeskundigen/", include(urlpatterns)), path("mijn/ervaring/", include(voice_urlpatterns))]
