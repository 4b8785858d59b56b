from django.apps import AppConfig


class ProgrammeConfig(AppConfig):
    name = "tandem.programme"
    label = "programme"
    verbose_name = "Leerprogramma"
