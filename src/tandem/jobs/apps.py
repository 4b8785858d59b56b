from django.apps import AppConfig


class JobsConfig(AppConfig):
    name = "tandem.jobs"
    label = "jobs"
    verbose_name = "Imports en exports op het web"
