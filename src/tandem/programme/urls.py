"""Learning programme URLs: region codes, quarters and ids of programme objects only, nothing personal."""
from django.urls import path

from tandem.programme import views

app_name = "programme"

R = "<str:region>/"
Q = R + "voortgang/<str:quarter>/"

urlpatterns = [
    path("", views.index, name="index"),
    path(R, views.region_page, name="region"),
    path(R + "lessen/", views.lessons, name="lessons"),
    path(R + "lessen/nieuw/", views.lesson_new, name="lesson_new"),
    path(R + "lessen/<int:lesson_id>/", views.lesson_edit, name="lesson_edit"),
    path(R + "lessen/<int:lesson_id>/verwijderen/", views.lesson_delete, name="lesson_delete"),
    path(R + "verbeteringen/", views.improvements, name="improvements"),
    path(R + "verbeteringen/nieuw/", views.improvement_new, name="improvement_new"),
    path(R + "verbeteringen/<int:improvement_id>/", views.improvement_edit, name="improvement_edit"),
    path(R + "evaluaties/", views.evaluations, name="evaluations"),
    path(R + "evaluaties/nieuw/", views.evaluation_new, name="evaluation_new"),
    path(R + "evaluaties/<int:evaluation_id>/", views.evaluation_edit, name="evaluation_edit"),
    path(R + "planning/", views.plan, name="plan"),
    path(R + "planning/nieuw/", views.milestone_new, name="milestone_new"),
    path(R + "planning/<int:milestone_id>/", views.milestone_edit, name="milestone_edit"),
    path(R + "doelen/<int:year>/", views.target, name="target"),
    path(R + "voortgang/", views.progress_index, name="progress_index"),
    path(Q, views.progress, name="progress"),
    path(Q + "teksten/", views.progress_texts, name="progress_texts"),
    path(Q + "word/", views.progress_word, name="progress_word"),
    path(Q + "pdf/", views.progress_pdf, name="progress_pdf"),
]
