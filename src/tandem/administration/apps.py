from django.apps import AppConfig


class AdministrationConfig(AppConfig):
    name = "tandem.administration"
    label = "administration"
    verbose_name = "Beheer"
