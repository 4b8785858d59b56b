from django.apps import AppConfig


class CasesConfig(AppConfig):
    name = "tandem.cases"
    label = "cases"
