from django.apps import AppConfig


class SafetyplanConfig(AppConfig):
    name = "tandem.safetyplan"
    label = "safetyplan"
